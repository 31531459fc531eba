// The ward table (ward_summary.csv, the properties of wards.geojson, and what
// the report quotes): its columns are declared here once, each with the
// disclosure rule it follows (app/tables/table_columns.hpp).
#include <algorithm>
#include <cmath>

#include "app/tables/table_columns.hpp"
#include "app/tables/ward_table.hpp"

namespace hotspot {
namespace {

// One row of the table: a ward, or the whole area (the ALL row).
struct WardRow {
  std::string code, name, label;
  std::optional<double> population;
  double area_m2 = 0;
  std::size_t index = 0;  // the ward's, or the ward count for ALL (its entry in WardDisclosure)
  bool is_total = false;
};

Cell real_or_null(const std::optional<double>& v) { return v ? Cell::real(*v) : Cell::null(); }
Cell percent_or_null(const std::optional<double>& fraction) { return fraction ? Cell::real(*fraction * 100.0) : Cell::null(); }

// Rank among the wards whose count is published (1 = most; ties share a
// rank), so a published ward's rank says nothing about a withheld one.
int published_rank(const std::vector<ChangeStats>& wards, const std::vector<Withheld>& current, std::size_t w) {
  int above = 0;
  for (std::size_t v = 0; v < wards.size(); ++v)
    above += current[v] == Withheld::No && wards[v].count > wards[w].count;
  return above + 1;
}

// Gi* and Local Moran's I of a ward read every ward's value (through the
// area's mean and variance), so with any ward withheld the continuous values
// (z, p) could be solved for it: they are withheld for every ward. The bins
// and quadrants only bound a value, and stay for the published wards. The
// area total has no neighbours: null.
void add_spatial_columns(TableColumns<WardRow>& cols, const std::string& p, const WardSpatialStats& s,
                         bool any_withheld) {
  const auto in_range = [&s](const WardRow& r) { return !r.is_total && r.index < s.gi_z.size(); };
  const auto solvable = [in_range, any_withheld](const WardRow& r) { return any_withheld && in_range(r); };
  const auto value = [in_range](const std::vector<double>& v) {
    return [in_range, &v](const WardRow& r) { return in_range(r) ? Cell::real(v[r.index]) : Cell::null(); };
  };
  const std::string count = p + "count";
  cols.add(p + "gi_z", CellType::Real, 3, value(s.gi_z)).derived_from({count}).withheld_with(solvable);
  cols.add(p + "gi_p", CellType::Real, 4, value(s.gi_p)).derived_from({count}).withheld_with(solvable);
  cols.add(p + "gi_bin", CellType::Integer, [in_range, &s](const WardRow& r) {
    return in_range(r) ? Cell::integer(s.gi_bin[r.index]) : Cell::null();
  }).derived_from({count});
  cols.add(p + "lisa", CellType::Text, [in_range, &s](const WardRow& r) {
    return in_range(r) ? Cell::text(std::string(lisa_name(s.lisa[r.index]))) : Cell::null();
  }).derived_from({count});
  cols.add(p + "lisa_p", CellType::Real, 3, value(s.lisa_p)).derived_from({count}).withheld_with(solvable);
}

// Year to date and the rolling 12 months of one theme ("<theme>_ytd", ...,
// "<theme>_rolling_12_status"): the two sums, each a count column withheld
// where any tile it sums is (ward_disclosure), the change, the target and the
// status against it, derived from both sums.
void add_cumulative_columns(TableColumns<WardRow>& cols, std::size_t t, const Theme& theme,
                            const CumulativeWardStats& cumulative, const WardDisclosure& d) {
  const int m = theme.min_count;
  struct Comparison {
    std::string name;
    CountColumn now, before;
    bool ytd;  // else the rolling 12 months
  };
  const Comparison comparisons[] = {{theme.id + "_ytd", kYtd, kYtdBefore, true},
                                    {theme.id + "_rolling_12", kRolling, kRollingBefore, false}};
  for (const Comparison& c : comparisons) {
    const bool ytd = c.ytd;
    const auto of = [&cumulative, t, ytd](const WardRow& r) -> const TargetComparison& {
      const CumulativeStats* s = r.is_total ? &cumulative.totals[t] : &cumulative.wards[t][r.index];
      return ytd ? s->ytd : s->rolling;
    };
    const auto decision = [&d, t](CountColumn col) { return [&d, t, col](const WardRow& r) { return d.at(t, col, r.index); }; };
    const std::string now = c.name, before = c.name + "_before";
    cols.add(now, CellType::Integer, [of](const WardRow& r) { return Cell::integer(static_cast<std::int64_t>(*of(r).now)); })
        .count_of(m, decision(c.now)).only_when([of](const WardRow& r) { return of(r).now.has_value(); });
    cols.add(before, CellType::Integer, [of](const WardRow& r) { return Cell::integer(static_cast<std::int64_t>(*of(r).before)); })
        .count_of(m, decision(c.before)).only_when([of](const WardRow& r) { return of(r).before.has_value(); });
    cols.add(c.name + "_change_pct", CellType::Real, 1, [of](const WardRow& r) { return percent_or_null(of(r).change); })
        .derived_from({now, before});
    cols.add(c.name + "_target_pct", CellType::Real, 1, [of](const WardRow& r) { return percent_or_null(of(r).target); });
    cols.add(c.name + "_status", CellType::Text, [of](const WardRow& r) {
      return of(r).status == Rag::None ? Cell::null() : Cell::text(std::string(rag_name(of(r).status)));
    }).derived_from({now, before});
  }
}

// One theme's columns, "<theme>_count" and on. The counts take the decisions
// of ward_disclosure (every theme's column protected together, month-canonical
// tiles); the baseline and every value computed from a count are withheld with it.
void add_theme_columns(TableColumns<WardRow>& cols, std::size_t t, const Theme& theme, const WardStats& stats,
                       const CumulativeWardStats& cumulative, const WardDisclosure& d,
                       const WardSpatialStats* spatial) {
  const std::string p = theme.id + "_";
  const int m = theme.min_count;
  const auto of = [&stats, t](const WardRow& r) -> const ChangeStats& {
    return r.is_total ? stats.totals[t] : stats.wards[t][r.index];
  };
  const auto decision = [&d, t](CountColumn c) { return [&d, t, c](const WardRow& r) { return d.at(t, c, r.index); }; };
  const auto baseline_withheld = [&d, t](const WardRow& r) { return d.at(t, kBaseline, r.index) != Withheld::No; };
  const auto tested = [of](const WardRow& r) { return of(r).baseline_mean.has_value(); };
  const std::string count = p + "count", previous = p + "previous", year = p + "year_earlier";

  cols.add(count, CellType::Integer, [of](const WardRow& r) { return Cell::integer(static_cast<std::int64_t>(of(r).count)); })
      .count_of(m, decision(kCurrent));
  cols.add(previous, CellType::Integer, [of](const WardRow& r) { return Cell::integer(static_cast<std::int64_t>(*of(r).previous)); })
      .count_of(m, decision(kPrevious)).only_when([of](const WardRow& r) { return of(r).previous.has_value(); });
  cols.add(year, CellType::Integer, [of](const WardRow& r) { return Cell::integer(static_cast<std::int64_t>(*of(r).year_earlier)); })
      .count_of(m, decision(kYearEarlier)).only_when([of](const WardRow& r) { return of(r).year_earlier.has_value(); });
  cols.add(p + "baseline_mean", CellType::Real, 1, [of](const WardRow& r) { return real_or_null(of(r).baseline_mean); })
      .withheld_with(baseline_withheld);
  cols.add(p + "baseline_sd", CellType::Real, 1, [of](const WardRow& r) { return real_or_null(of(r).baseline_sd); })
      .withheld_with(baseline_withheld);
  cols.add(p + "baseline_months", CellType::Integer, [of](const WardRow& r) { return Cell::integer(of(r).baseline_months); });
  cols.add(p + "change_previous_pct", CellType::Real, 1, [of](const WardRow& r) { return percent_or_null(of(r).change_previous); })
      .derived_from({count, previous});
  cols.add(p + "change_year_pct", CellType::Real, 1, [of](const WardRow& r) { return percent_or_null(of(r).change_year); })
      .derived_from({count, year});
  cols.add(p + "change_baseline_pct", CellType::Real, 1, [of](const WardRow& r) { return percent_or_null(of(r).change_baseline); })
      .derived_from({count}).withheld_with(baseline_withheld);
  cols.add(p + "rate_per_1000", CellType::Real, 2, [of](const WardRow& r) { return real_or_null(of(r).rate_per_1000); })
      .derived_from({count});
  cols.add(p + "rank", CellType::Integer, [&stats, &d, t](const WardRow& r) {
    return Cell::integer(published_rank(stats.wards[t], d.cells[t][kCurrent], r.index));
  }).derived_from({count}).only_when([](const WardRow& r) { return !r.is_total; });
  // The baseline test would give the baseline back from the count: withheld with either.
  cols.add(p + "direction", CellType::Text, [of, tested](const WardRow& r) {
    return tested(r) ? Cell::text(std::string(direction_name(of(r).direction))) : Cell::null();
  }).derived_from({count}).withheld_with(baseline_withheld);
  cols.add(p + "p_value", CellType::Real, 4, [of, tested](const WardRow& r) {
    return tested(r) ? Cell::real(of(r).p_value) : Cell::null();
  }).derived_from({count}).withheld_with(baseline_withheld);
  cols.add(p + "significant", CellType::Bool, [of, tested](const WardRow& r) {
    return tested(r) ? Cell::boolean(of(r).significant) : Cell::null();
  }).derived_from({count}).withheld_with(baseline_withheld);
  cols.add(p + "rag", CellType::Text, [of](const WardRow& r) { return Cell::text(std::string(rag_name(of(r).rag))); })
      .derived_from({count}).withheld_with(baseline_withheld);
  add_cumulative_columns(cols, t, theme, cumulative, d);
  cols.add(p + "suppressed", CellType::Bool, [&d, t](const WardRow& r) {
    return Cell::boolean(d.at(t, kCurrent, r.index) != Withheld::No);
  });
  if (spatial) add_spatial_columns(cols, p, *spatial, d.any_current(t));
  if (theme.proxy) cols.add(p + "proxy_note", CellType::Text, [&theme](const WardRow&) { return Cell::text(theme.proxy_note); });
}

std::vector<WardRow> ward_rows(const std::vector<Ward>& wards, const std::string& area_name, bool with_total) {
  std::vector<WardRow> rows;
  double total_pop = 0, total_area = 0;
  bool all_pop = true;
  for (std::size_t w = 0; w < wards.size(); ++w) {
    const Ward& ward = wards[w];
    rows.push_back({.code = ward.code, .name = ward.name, .label = ward.name, .population = ward.population,
                    .area_m2 = ward.area_m2, .index = w, .is_total = false});
    if (ward.population) total_pop += *ward.population;
    else all_pop = false;
    total_area += ward.area_m2;
  }
  if (with_total)
    rows.push_back({.code = "ALL", .name = area_name, .label = area_name + " (all wards)",
                    .population = all_pop ? std::optional<double>(total_pop) : std::nullopt, .area_m2 = total_area,
                    .index = wards.size(), .is_total = true});
  return rows;
}

}  // namespace

Table ward_table(const std::vector<Ward>& wards, const std::vector<Theme>& themes, const WardStats& stats,
                 const CumulativeWardStats& cumulative, const WardDisclosure& disclosure,
                 const std::string& area_name, bool with_total, const std::vector<WardSpatialStats>* spatial,
                 const std::vector<bool>& no_data) {
  TableColumns<WardRow> cols;
  cols.add("ward_code", CellType::Text, [](const WardRow& r) { return Cell::text(r.code); });
  cols.add("ward_name", CellType::Text, [](const WardRow& r) { return Cell::text(r.name); });
  cols.add("label", CellType::Text, [](const WardRow& r) { return Cell::text(r.label); });
  cols.add("population", CellType::Integer, [](const WardRow& r) {
    return r.population ? Cell::integer(static_cast<std::int64_t>(std::llround(*r.population))) : Cell::null();
  });
  // Populations apportioned from small areas say how much of each ward's was
  // split by area rather than nested; a ward without a rate says why.
  if (std::any_of(wards.begin(), wards.end(), [](const Ward& w) { return w.population_split.has_value(); }))
    cols.add("population_split_pct", CellType::Real, 1, [&wards](const WardRow& r) {
      const Ward* w = r.is_total ? nullptr : &wards[r.index];
      return w && w->population_split && w->population && *w->population > 0
                 ? Cell::real(*w->population_split / *w->population * 100)
                 : Cell::null();
    });
  if (std::any_of(wards.begin(), wards.end(), [](const Ward& w) { return !w.population_note.empty(); }))
    cols.add("population_note", CellType::Text, [&wards](const WardRow& r) {
      return Cell::text(r.is_total ? std::string() : wards[r.index].population_note);
    });
  cols.add("area_km2", CellType::Real, 3, [](const WardRow& r) { return Cell::real(r.area_m2 / 1e6); });
  // A theme whose rules cannot match the inputs shows "no data" in every
  // cell (null in layers), never zeros, changes or a green RAG; its proxy note stays.
  std::vector<std::pair<std::size_t, std::size_t>> no_data_columns;
  for (std::size_t i = 0; i < themes.size(); ++i) {
    const std::size_t first = cols.size();
    add_theme_columns(cols, i, themes[i], stats, cumulative, disclosure, spatial ? &(*spatial)[i] : nullptr);
    if (i < no_data.size() && no_data[i]) no_data_columns.emplace_back(first, cols.size() - (themes[i].proxy ? 1 : 0));
  }
  Table t = cols.build(ward_rows(wards, area_name, with_total));
  for (auto& row : t.rows)
    for (const auto& [first, end] : no_data_columns)
      for (std::size_t c = first; c < end; ++c) row[c] = Cell::missing();
  return t;
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

}  // namespace hotspot
