#include "app/ward_outputs.hpp"

#include <fmt/format.h>

namespace hotspot {
namespace {

constexpr const char* kHidden = "[c]";  // ONS convention for a confidential value

Cell count_cell(const Theme& theme, std::uint64_t n) {
  if (is_suppressed(theme, n)) return Cell::hidden(fmt::format("<{}", theme.min_count));
  return Cell::integer(static_cast<std::int64_t>(n));
}

Cell real_or_null(const std::optional<double>& v, bool hide) {
  if (hide) return Cell::hidden(kHidden);
  return v ? Cell::real(*v) : Cell::null();
}

Cell pct(const std::optional<double>& fraction, bool hide) {
  if (hide) return Cell::hidden(kHidden);
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

void add_spatial_cells(std::vector<Cell>& row, const WardSpatialStats* s, std::size_t w, bool hide) {
  if (!s) return;
  if (hide || w >= s->gi_z.size()) {  // the area total has no neighbours; suppressed wards show nothing
    for (int i = 0; i < 5; ++i) row.push_back(hide ? Cell::hidden(kHidden) : Cell::null());
    return;
  }
  row.push_back(Cell::real(s->gi_z[w]));
  row.push_back(Cell::real(s->gi_p[w]));
  row.push_back(Cell::integer(s->gi_bin[w]));
  row.push_back(Cell::text(std::string(lisa_name(s->lisa[w]))));
  row.push_back(Cell::real(s->lisa_p[w]));
}

void add_theme_cells(std::vector<Cell>& row, const Theme& theme, const ChangeStats& s, bool is_total,
                     const WardSpatialStats* spatial, std::size_t ward) {
  const bool hide_now = is_suppressed(theme, s.count);
  const bool hide_prev = s.previous && is_suppressed(theme, *s.previous);
  const bool hide_year = s.year_earlier && is_suppressed(theme, *s.year_earlier);
  const bool hide_base = is_suppressed(theme, s.baseline_total);
  row.push_back(count_cell(theme, s.count));
  row.push_back(s.previous ? count_cell(theme, *s.previous) : Cell::null());
  row.push_back(s.year_earlier ? count_cell(theme, *s.year_earlier) : Cell::null());
  row.push_back(real_or_null(s.baseline_mean, hide_base));
  row.push_back(real_or_null(s.baseline_sd, hide_base));
  row.push_back(Cell::integer(s.baseline_months));
  row.push_back(pct(s.change_previous, hide_now || hide_prev));
  row.push_back(pct(s.change_year, hide_now || hide_year));
  row.push_back(pct(s.change_baseline, hide_now || hide_base));
  row.push_back(real_or_null(s.rate_per_1000, hide_now));
  const bool hide_test = hide_now || hide_base;
  row.push_back(is_total ? Cell::null() : hide_now ? Cell::hidden(kHidden) : Cell::integer(s.rank));
  const bool tested = s.baseline_mean.has_value();
  row.push_back(hide_test ? Cell::hidden(kHidden) : tested ? Cell::text(std::string(direction_name(s.direction))) : Cell::null());
  row.push_back(hide_test ? Cell::hidden(kHidden) : tested ? Cell::real(s.p_value) : Cell::null());
  row.push_back(hide_test ? Cell::hidden(kHidden) : tested ? Cell::boolean(s.significant) : Cell::null());
  row.push_back(hide_test ? Cell::hidden(kHidden) : Cell::text(std::string(rag_name(s.rag))));
  row.push_back(Cell::boolean(hide_now));
  add_spatial_cells(row, spatial, is_total ? static_cast<std::size_t>(-1) : ward, hide_now);
  if (theme.proxy) row.push_back(Cell::text(theme.proxy_note));
}

}  // namespace

std::string disclosure_note(const std::vector<Theme>& themes) {
  std::string note;
  for (const Theme& t : themes)
    if (t.min_count > 1)
      note += fmt::format("{}: counts from 1 to {} are suppressed (shown as <{} in tables, null in layers; "
                          "values derived from them show [c]). ", t.label, t.min_count - 1, t.min_count);
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
                 const std::string& area_name, bool with_total, const std::vector<WardSpatialStats>* spatial) {
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
      add_theme_cells(row, themes[i], stats.wards[i][w], false, spatial_of(i), w);
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
      add_theme_cells(row, themes[i], stats.totals[i], true, spatial_of(i), 0);
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
