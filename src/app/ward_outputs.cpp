#include "app/ward_outputs.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hotspot {
namespace {

Cell count_cell(std::uint64_t n, Withheld w, int min_count) {
  if (w != Withheld::No) return Cell::hidden(withheld_text(w, min_count));
  return Cell::integer(static_cast<std::int64_t>(n));
}

Cell real_or_null(const std::optional<double>& v, bool hide) {
  if (hide) return Cell::hidden(kConfidential);
  return v ? Cell::real(*v) : Cell::null();
}

Cell pct(const std::optional<double>& fraction, bool hide) {
  if (hide) return Cell::hidden(kConfidential);
  return fraction ? Cell::real(*fraction * 100.0) : Cell::null();
}

void add_theme_columns(Table& t, const Theme& theme, bool spatial) {
  const std::string p = theme.id + "_";
  t.add_column(p + "count", CellType::Integer);
  t.add_column(p + "previous", CellType::Integer);
  t.add_column(p + "year_earlier", CellType::Integer);
  t.add_column(p + "baseline_mean", CellType::Real, 1);
  t.add_column(p + "baseline_sd", CellType::Real, 1);
  t.add_column(p + "baseline_months", CellType::Integer);
  t.add_column(p + "change_previous_pct", CellType::Real, 1);
  t.add_column(p + "change_year_pct", CellType::Real, 1);
  t.add_column(p + "change_baseline_pct", CellType::Real, 1);
  t.add_column(p + "rate_per_1000", CellType::Real, 2);
  t.add_column(p + "rank", CellType::Integer);
  t.add_column(p + "direction", CellType::Text);
  t.add_column(p + "p_value", CellType::Real, 4);
  t.add_column(p + "significant", CellType::Bool);
  t.add_column(p + "rag", CellType::Text);
  t.add_column(p + "suppressed", CellType::Bool);
  if (spatial) {
    t.add_column(p + "gi_z", CellType::Real, 3);
    t.add_column(p + "gi_p", CellType::Real, 4);
    t.add_column(p + "gi_bin", CellType::Integer);
    t.add_column(p + "lisa", CellType::Text);
    t.add_column(p + "lisa_p", CellType::Real, 3);
  }
  if (theme.proxy) t.add_column(p + "proxy_note", CellType::Text);
}

// Gi* and Local Moran's I of a ward read every ward's value (through the
// area's mean and variance), so with any ward withheld the continuous values
// (z, p) could be solved for it: they are withheld for every ward. The bins
// and quadrants only bound a value, and stay for the published wards.
void add_spatial_cells(std::vector<Cell>& row, const WardSpatialStats* s, std::size_t w, bool hide_ward,
                       bool hide_values) {
  if (!s) return;
  if (hide_ward || w >= s->gi_z.size()) {  // the area total has no neighbours
    for (int i = 0; i < 5; ++i) row.push_back(hide_ward ? Cell::hidden(kConfidential) : Cell::null());
    return;
  }
  const Cell hidden = Cell::hidden(kConfidential);
  row.push_back(hide_values ? hidden : Cell::real(s->gi_z[w]));
  row.push_back(hide_values ? hidden : Cell::real(s->gi_p[w]));
  row.push_back(Cell::integer(s->gi_bin[w]));
  row.push_back(Cell::text(std::string(lisa_name(s->lisa[w]))));
  row.push_back(hide_values ? hidden : Cell::real(s->lisa_p[w]));
}

// Rank among the wards whose count is published (1 = most; ties share a
// rank), so a published ward's rank says nothing about a withheld one.
int published_rank(const std::vector<ChangeStats>& wards, const std::vector<Withheld>& current, std::size_t w) {
  int above = 0;
  for (std::size_t v = 0; v < wards.size(); ++v)
    above += current[v] == Withheld::No && wards[v].count > wards[w].count;
  return above + 1;
}

struct RowRef {
  std::size_t theme, row;  // row: ward index, or the ward count for ALL
  bool is_total;
};

void add_theme_cells(std::vector<Cell>& row, const Theme& theme, const ChangeStats& s, const WardStats& stats,
                     const WardDisclosure& d, RowRef at, const WardSpatialStats* spatial) {
  const int m = theme.min_count;
  const Withheld now = d.at(at.theme, kCurrent, at.row), prev = d.at(at.theme, kPrevious, at.row),
                 year = d.at(at.theme, kYearEarlier, at.row), base = d.at(at.theme, kBaseline, at.row);
  const bool hide_now = now != Withheld::No, hide_prev = prev != Withheld::No;
  const bool hide_year = year != Withheld::No, hide_base = base != Withheld::No;
  row.push_back(count_cell(s.count, now, m));
  row.push_back(s.previous ? count_cell(*s.previous, prev, m) : Cell::null());
  row.push_back(s.year_earlier ? count_cell(*s.year_earlier, year, m) : Cell::null());
  row.push_back(real_or_null(s.baseline_mean, hide_base));
  row.push_back(real_or_null(s.baseline_sd, hide_base));
  row.push_back(Cell::integer(s.baseline_months));
  row.push_back(pct(s.change_previous, hide_now || hide_prev));
  row.push_back(pct(s.change_year, hide_now || hide_year));
  row.push_back(pct(s.change_baseline, hide_now || hide_base));
  row.push_back(real_or_null(s.rate_per_1000, hide_now));
  const bool hide_test = hide_now || hide_base;
  const std::vector<Withheld>& current = d.cells[at.theme][kCurrent];
  row.push_back(at.is_total ? Cell::null()
                : hide_now  ? Cell::hidden(kConfidential)
                            : Cell::integer(published_rank(stats.wards[at.theme], current, at.row)));
  const bool tested = s.baseline_mean.has_value();
  row.push_back(hide_test ? Cell::hidden(kConfidential) : tested ? Cell::text(std::string(direction_name(s.direction))) : Cell::null());
  row.push_back(hide_test ? Cell::hidden(kConfidential) : tested ? Cell::real(s.p_value) : Cell::null());
  row.push_back(hide_test ? Cell::hidden(kConfidential) : tested ? Cell::boolean(s.significant) : Cell::null());
  row.push_back(hide_test ? Cell::hidden(kConfidential) : Cell::text(std::string(rag_name(s.rag))));
  row.push_back(Cell::boolean(hide_now));
  add_spatial_cells(row, spatial, at.is_total ? static_cast<std::size_t>(-1) : at.row, hide_now,
                    d.any_current(at.theme));
  if (theme.proxy) row.push_back(Cell::text(theme.proxy_note));
}

// A theme whose rules cannot match the inputs shows "no data" in every cell
// (null in layers), never zeros, changes or a green RAG.
void add_theme_cells_or_no_data(std::vector<Cell>& row, bool no_data, const Theme& theme, const ChangeStats& s,
                                const WardStats& stats, const WardDisclosure& d, RowRef at,
                                const WardSpatialStats* spatial) {
  const std::size_t first = row.size();
  add_theme_cells(row, theme, s, stats, d, at, spatial);
  if (!no_data) return;
  const std::size_t end = row.size() - (theme.proxy ? 1 : 0);  // the proxy note stays
  for (std::size_t c = first; c < end; ++c) row[c] = Cell::hidden(kNoData);
}

// The counts of one column of one theme: the wards, then the area total.
std::vector<std::uint64_t> column_counts(const WardStats& stats, std::size_t t, CountColumn c) {
  auto value = [c](const ChangeStats& s) -> std::uint64_t {
    switch (c) {
      case kCurrent: return s.count;
      case kPrevious: return s.previous.value_or(0);  // absent for every row alike
      case kYearEarlier: return s.year_earlier.value_or(0);
      case kBaseline: return s.baseline_total;
      case kCountColumns: break;
    }
    return 0;
  };
  std::vector<std::uint64_t> out;
  for (const ChangeStats& s : stats.wards[t]) out.push_back(value(s));
  out.push_back(value(stats.totals[t]));
  return out;
}

}  // namespace

std::string withheld_text(Withheld w, int min_count) {
  return w == Withheld::Primary ? fmt::format("<{}", min_count) : std::string(kConfidential);
}

bool WardDisclosure::any_current(std::size_t theme) const {
  const std::vector<Withheld>& c = cells[theme][kCurrent];
  return std::any_of(c.begin(), c.end(), [](Withheld w) { return w != Withheld::No; });
}

WardDisclosure ward_disclosure(const std::vector<Theme>& themes, const WardStats& stats) {
  WardDisclosure d;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    const std::size_t wards = stats.wards[t].size();
    AdditiveConstraint wards_sum_to_all{wards, {}};
    for (std::size_t w = 0; w < wards; ++w) wards_sum_to_all.parts.push_back(w);
    auto& columns = d.cells.emplace_back();
    int unprotected = 0;
    for (std::size_t c = 0; c < kCountColumns; ++c) {
      const Suppression s = suppress_counts(column_counts(stats, t, static_cast<CountColumn>(c)),
                                            {wards_sum_to_all}, themes[t].min_count);
      columns[c] = s.cells;
      unprotected += s.unprotected;
    }
    d.unprotected.push_back(unprotected);
  }
  return d;
}

void tally_ward_table(const Table& table, const WardDisclosure& disclosure, const std::vector<Theme>& themes,
                      DisclosureLedger& ledger) {
  for (std::size_t t = 0; t < themes.size(); ++t) {
    DisclosureTally tally;
    for (const std::vector<Withheld>& column : disclosure.cells[t])
      for (Withheld w : column) {
        tally.primary += w == Withheld::Primary;
        tally.secondary += w == Withheld::Secondary;
      }
    const std::string prefix = themes[t].id + "_";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const std::string& name = table.columns[c].name;
      if (name.rfind(prefix, 0) != 0) continue;
      const std::string field = name.substr(prefix.size());
      if (field == "count" || field == "previous" || field == "year_earlier" || field.rfind("baseline_", 0) == 0)
        continue;  // the counts themselves, tallied above
      for (const auto& row : table.rows) tally.derived += !row[c].suppressed.empty() && row[c].suppressed != kNoData;
    }
    if (tally.primary + tally.secondary + tally.derived) ledger[themes[t].id]["ward_summary"] = tally;
  }
}

void tally_table(const Table& table, const std::string& theme, const std::string& output,
                 const std::vector<std::string>& count_columns, DisclosureLedger& ledger) {
  DisclosureTally tally;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const bool count = std::find(count_columns.begin(), count_columns.end(), table.columns[c].name) != count_columns.end();
    for (const auto& row : table.rows) {
      const std::string& shown = row[c].suppressed;
      if (shown.empty()) continue;
      if (!count) ++tally.derived;
      else if (shown[0] == '<') ++tally.primary;
      else ++tally.secondary;
    }
  }
  if (tally.primary + tally.secondary + tally.derived) {
    DisclosureTally& sum = ledger[theme][output];
    sum.primary += tally.primary;
    sum.secondary += tally.secondary;
    sum.derived += tally.derived;
  }
}

std::string disclosure_note(const std::vector<Theme>& themes) {
  std::string note;
  for (const Theme& t : themes)
    if (t.min_count > 1)
      note += fmt::format("{}: counts from 1 to {} are suppressed (shown as <{} in tables, null in layers); so that "
                          "no suppressed count comes back by subtraction from a total, the next smallest counts are "
                          "withheld too ([c]), as is every value derived from a withheld count ([c]). ",
                          t.label, t.min_count - 1, t.min_count);
  for (const Theme& t : themes)
    if (t.proxy) note += fmt::format("{} is a proxy: {} ", t.label, t.proxy_note);
  if (!note.empty()) note.pop_back();
  return note;
}

std::string_view lisa_name(LisaQuadrant q) {
  switch (q) {
    case LisaQuadrant::HighHigh: return "high-high";
    case LisaQuadrant::LowLow: return "low-low";
    case LisaQuadrant::LowHigh: return "low-high";
    case LisaQuadrant::HighLow: return "high-low";
    case LisaQuadrant::NotSignificant: break;
  }
  return "not significant";
}

Table ward_table(const std::vector<Ward>& wards, const std::vector<Theme>& themes, const WardStats& stats,
                 const WardDisclosure& disclosure, const std::string& area_name, bool with_total,
                 const std::vector<WardSpatialStats>* spatial, const std::vector<bool>& no_data) {
  Table t;
  t.add_column("ward_code", CellType::Text);
  t.add_column("ward_name", CellType::Text);
  t.add_column("label", CellType::Text);
  t.add_column("population", CellType::Integer);
  t.add_column("area_km2", CellType::Real, 3);
  for (const Theme& theme : themes) add_theme_columns(t, theme, spatial != nullptr);
  auto spatial_of = [&](std::size_t i) { return spatial ? &(*spatial)[i] : nullptr; };

  double total_pop = 0, total_area = 0;
  bool all_pop = true;
  for (std::size_t w = 0; w < wards.size(); ++w) {
    const Ward& ward = wards[w];
    std::vector<Cell> row;
    row.push_back(Cell::text(ward.code));
    row.push_back(Cell::text(ward.name));
    row.push_back(Cell::text(ward.name));
    row.push_back(ward.population ? Cell::integer(static_cast<std::int64_t>(std::llround(*ward.population)))
                                  : Cell::null());
    row.push_back(Cell::real(ward.area_m2 / 1e6));
    for (std::size_t i = 0; i < themes.size(); ++i)
      add_theme_cells_or_no_data(row, i < no_data.size() && no_data[i], themes[i], stats.wards[i][w], stats, disclosure, {i, w, false}, spatial_of(i));
    t.rows.push_back(std::move(row));
    if (ward.population) total_pop += *ward.population;
    else all_pop = false;
    total_area += ward.area_m2;
  }
  if (with_total) {
    std::vector<Cell> row;
    row.push_back(Cell::text("ALL"));
    row.push_back(Cell::text(area_name));
    row.push_back(Cell::text(area_name + " (all wards)"));
    row.push_back(all_pop ? Cell::integer(static_cast<std::int64_t>(std::llround(total_pop))) : Cell::null());
    row.push_back(Cell::real(total_area / 1e6));
    for (std::size_t i = 0; i < themes.size(); ++i)
      add_theme_cells_or_no_data(row, i < no_data.size() && no_data[i], themes[i], stats.totals[i], stats, disclosure, {i, wards.size(), true}, spatial_of(i));
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table rejects_table(const std::vector<Reject>& rejects, const std::vector<std::string>& file_names) {
  Table t;
  t.add_column("file", CellType::Text);
  t.add_column("line", CellType::Integer);
  t.add_column("reason", CellType::Text);
  t.add_column("field", CellType::Text);
  t.add_column("detail", CellType::Text);
  t.add_column("raw", CellType::Text);
  for (const Reject& r : rejects) {
    t.rows.push_back({Cell::text(file_names.at(r.source)), Cell::integer(r.line),
                      Cell::text(std::string(reason_code(r.reason))), Cell::text(r.field), Cell::text(r.detail),
                      Cell::text(r.raw)});
  }
  return t;
}

}  // namespace hotspot
