// Emerging hot spots: the space-time class of every Gi* cell over the trailing
// months (analysis/emerging_grid.hpp), dissolved into polygons per class; the
// cells' classes are kept for the KDE stage, which classes each hotspot by them.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <array>
#include <map>
#include <cmath>
#include <ostream>

#include "analysis/emerging_grid.hpp"
#include "app/tables/emerging_table.hpp"
#include "app/qgis/layer_styles.hpp"
#include "app/disclosure/polygon_disclosure.hpp"
#include "app/tables/polygon_table.hpp"
#include "app/stages/region_polygons.hpp"
#include "app/stages/stages.hpp"
#include "app/stages/theme_layer.hpp"
#include "geo/grid_cells.hpp"
#include "geo/reproject.hpp"
#include "geo/study_area.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {
namespace {

constexpr std::size_t kClasses = kEmergingClassCount;

bool is_hot(EmergingClass c) { return c >= EmergingClass::NewHot && c <= EmergingClass::HistoricalHot; }

// "new hot spot" -> "New hot spot".
std::string capitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// The trailing window: emerging.months ending at the period's last month, from
// the first month any input has rows (leading months without data would make
// every later hot spot look "new").
Period emerging_window(const RunInputs& run) {
  const Month last = run.cfg.period.last;
  Month first_data = last;
  for (const Incident& inc : run.ingest.incidents) first_data = std::min(first_data, inc.month);
  const Month first = std::max(last - run.cfg.emerging.months + 1, first_data);
  return Period{first, last, format_month(first) + ".." + format_month(last)};
}

// The value most of `cells` hold among those `counts` (ties: the smallest value,
// i.e. the first in ArcGIS's or sfhotspot's order); `none` when no cell counts.
template <typename Class>
Class majority(const std::vector<std::size_t>& cells, const std::vector<Class>& of, Class none,
               bool (*counts)(Class)) {
  std::map<Class, int> votes;
  for (std::size_t i : cells)
    if (counts(of[i])) ++votes[of[i]];
  Class best = none;
  int most = 0;
  for (const auto& [cls, n] : votes)
    if (n > most) best = cls, most = n;
  return best;
}

bool any_summary(SummaryClass c) { return c != SummaryClass::None; }

// What every theme's layer is built on: the base Gi* grid over the study
// area, its distance band and the window.
struct EmergingFrame {
  const RunInputs& run;
  const Period& window;
  Grid base;
  double band = 0;
  WardOverlap overlap;
};

// The theme's incidents in the window (into `incidents`), counted per month on the base grid.
std::vector<Grid> monthly_counts(const EmergingFrame& f, std::size_t t, std::vector<const Incident*>& incidents) {
  const ThemeMask bit = ThemeMask{1} << t;
  const GridSpec& spec = f.base.spec;
  std::vector<Grid> monthly(static_cast<std::size_t>(f.window.months()), f.base);
  for (Grid& g : monthly) g.values.assign(spec.size(), 0.0);
  for (const Incident& inc : f.run.ingest.incidents) {
    if (!(inc.themes & bit) || !f.window.contains(inc.month)) continue;
    incidents.push_back(&inc);
    const double fc = (inc.x - spec.origin_x) / spec.cell, fr = (spec.origin_y - inc.y) / spec.cell;
    if (fc >= 0 && fr >= 0 && fc < spec.nx && fr < spec.ny)
      monthly[static_cast<std::size_t>(inc.month - f.window.first)].values[spec.index(static_cast<int>(fr), static_cast<int>(fc))] += 1;
  }
  return monthly;
}

// The areas of one space-time class as rows of the theme's layer, strongest
// first; too small to be a hot spot, dropped; withheld by disclosure control, counted.
void add_class_areas(const EmergingFrame& f, const Theme& theme, const EmergingGrid& eg, EmergingClass cls,
                     const std::vector<const Incident*>& incidents, const IncidentCounter& counter, EmergingTheme& sum,
                     std::vector<EmergingRow>& rows) {
  const RunInputs& run = f.run;
  const auto k = static_cast<std::size_t>(cls);
  std::vector<std::uint8_t> mask(eg.cls.size());
  bool any = false;
  for (std::size_t i = 0; i < mask.size(); ++i) any |= (mask[i] = eg.cls[i] == cls) != 0;
  if (!any) return;
  const std::vector<double> hot_months(eg.hot_steps.begin(), eg.hot_steps.end());
  std::vector<RegionPolygon> regions = region_polygons(run, f.overlap, f.base.spec, mask,
                                                       {.values = hot_months, .incidents = incidents, .counter = &counter});
  std::stable_sort(regions.begin(), regions.end(),
                   [](const RegionPolygon& a, const RegionPolygon& b) { return a.incidents > b.incidents; });
  int rank = 0;
  for (RegionPolygon& r : regions) {
    if (is_hot(cls) && r.incidents < run.cfg.kde.min_incidents) {  // as the Gi* layer: one incident is not a hot spot
      ++sum.dropped;
      continue;
    }
    if (polygon_withheld(theme, counter.protection(), r.incidents, {r.inside, r.inside_protected})) {
      ++sum.withheld[k];
      continue;
    }
    ++rank;
    ++sum.published[k];
    const std::string name = capitalised(emerging_class_name(cls));
    const SummaryClass summary = majority(cells_with_centre_in(run.geos, r.geom.get(), f.base.spec), eg.summary,
                                          SummaryClass::None, any_summary);
    rows.push_back({.polygon = {.id = fmt::format("{}-st{}-{}", theme.id, k, rank),
                                .label = fmt::format("{} {} \u2014 {}", name, rank, ward_name_of(run, r.wards)),
                                .method = "emerging", .shape = "cells", .rank = rank, .count = r.incidents,
                                .area_m2 = r.area_m2, .wards = r.wards},
                    .space_time_class = cls, .summary_class = summary, .months_hot = static_cast<int>(r.max_value)});
    sum.layer.wkb.push_back(reproject_wkb(run.geos, geom_to_wkb(run.geos, r.geom.get()), run.to_wgs84));
  }
}

// A theme's layer: the cells of each space-time class dissolved into areas.
EmergingTheme emerging_theme(const EmergingFrame& f, std::size_t t, const EmergingGrid& eg,
                             const std::vector<const Incident*>& incidents) {
  const RunConfig& cfg = f.run.cfg;
  const Theme& theme = cfg.taxonomy.themes[t];
  EmergingTheme sum;
  sum.theme = theme.id;
  sum.layer.name = "emerging_" + theme.id;
  sum.layer.description = fmt::format(
      "{} emerging hot and cold spots over {} ({} months): Gi* per month on {:.0f} m cells, band {:.0f} m, {} "
      "correction, alpha {:g}; classes as ArcGIS Emerging Hot Spot Analysis, summary as sfhotspot. {}",
      theme.label, f.window.label, f.window.months(), cfg.clusters.gistar_cell, f.band, name_of(cfg.clusters.correction),
      cfg.emerging.alpha, theme.proxy ? theme.proxy_note : "");
  std::vector<EmergingRow> rows;
  const ThemeProtection protection = protection_of(cfg, theme);
  const IncidentCounter counter(f.run.geos, incidents, &protection);  // one sort of the theme's incidents for every class
  for (std::size_t k = 1; k < kClasses; ++k)
    add_class_areas(f, theme, eg, static_cast<EmergingClass>(k), incidents, counter, sum, rows);
  sum.layer.table = emerging_table(f.run, theme, rows, f.window.label);
  return sum;
}

// Whether the data reach back far enough (a warning when not), before any grid is made.
bool window_is_long_enough(const RunConfig& cfg, const Period& window, Diagnostics& diag) {
  const int months = window.months();
  if (months < 3) {
    diag.warn(fmt::format("emerging hot spots need at least 3 months of data; the inputs start in {}, so only {} "
                              "month(s) end at {}. Add earlier files or set emerging.enabled = false.",
                          format_month(window.first), months, format_month(window.last)));
    return false;
  }
  // The issue asked for an error here; a warning instead, since the default
  // look-back (24) on a shorter extract is ordinary use ("as the data allow").
  if (months < cfg.emerging.months)
    diag.warn(fmt::format("emerging.months = {} but the inputs reach back only {} months from {} (to {}); the "
                              "space-time classes use those {}.",
                              cfg.emerging.months, months, format_month(window.last), format_month(window.first), months));
  return true;
}

}  // namespace

std::optional<EmergingResult> compute_emerging(const RunInputs& run, Progress& progress, Diagnostics& diag) {
  const RunConfig& cfg = run.cfg;
  const ClusterConfig& c = cfg.clusters;
  const Period window = emerging_window(run);
  if (!window_is_long_enough(cfg, window, diag)) return std::nullopt;
  const Bounds& box = run.ward_set->extent();
  const int months = window.months();
  run.grid_budget().check(grid_size(box.max_x - box.min_x, box.max_y - box.min_y, 0, c.gistar_cell), c.gistar_cell,
                          emerging_bytes_per_cell(static_cast<std::size_t>(months)),
                          fmt::format("emerging hot spots: {} monthly Gi* grids", months),
                          "clusters.gistar_cell and emerging.months");
  EmergingFrame f{.run = run, .window = window, .base = {},
                  .band = c.gistar_band ? *c.gistar_band : c.gistar_cell * std::sqrt(2.0) * (1 + 1e-9),
                  .overlap = WardOverlap(run.geos, *run.ward_set)};
  f.base.spec = aligned_grid(box.min_x, box.min_y, box.max_x, box.max_y, c.gistar_cell, 0);
  f.base.in_area = cells_in_area(run.geos, run.ward_set->area(), f.base.spec);

  EmergingResult result;
  result.window = window;
  for (std::size_t t = 0; t < cfg.taxonomy.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    progress.update("emerging", t, cfg.taxonomy.themes.size(), theme.label);
    std::vector<const Incident*> incidents;
    const EmergingGrid eg = emerging_grid(monthly_counts(f, t, incidents), f.band, c.correction, cfg.emerging.alpha,
                                          static_cast<std::size_t>(cfg.emerging.recent));
    result.themes.push_back(emerging_theme(f, t, eg, incidents));
    result.cells.push_back(EmergingCells{.spec = f.base.spec, .cls = eg.cls, .recent_hot = eg.recent_hot});
  }
  progress.finish("emerging", fmt::format("{} themes over {}", result.themes.size(), window.label));
  return result;
}

void publish_emerging(RunContext& run, const EmergingResult& r, std::ostream& out) {
  for (std::size_t t = 0; t < r.themes.size(); ++t) {
    const EmergingTheme& sum = r.themes[t];
    publish_theme_polygons(run, sum.layer, t, {"emerging hot and cold spots", emerging_classes_style(), DrawOrder::SpaceTime});
    int hot = 0;
    for (std::size_t k = 0; k < kClasses; ++k) hot += is_hot(static_cast<EmergingClass>(k)) ? sum.published[k] : 0;
    fmt::print(out, "  {:<24} {:>3} emerging hot-spot areas over {} ({} new, {} intensifying, {} persistent)\n",
               run.cfg.taxonomy.themes[t].label, hot, r.window.label, sum.published[static_cast<std::size_t>(EmergingClass::NewHot)],
               sum.published[static_cast<std::size_t>(EmergingClass::IntensifyingHot)],
               sum.published[static_cast<std::size_t>(EmergingClass::PersistentHot)]);
  }
  const EmergingConfig ec = run.cfg.emerging;
  run.stages.push_back({"emerging", [&r, ec](JsonWriter& j) {
    j.value("window", r.window.label).value("months", r.window.months()).value("recent_months", ec.recent).value("alpha", ec.alpha)
        .value("rule", "Gi* per month on the clusters.gistar_cell grid (clusters.correction across each month's cells); "
                       "a step is hot (cold) when p_adjusted <= alpha and z > 0 (< 0); classes as ArcGIS Emerging Hot "
                       "Spot Analysis with the Mann-Kendall trend of the z-scores; polygons are cells of one class, "
                       "hot ones kept with at least kde.min_incidents incidents over the window, all subject to "
                       "min_count");
    j.begin_array("themes");
    for (const EmergingTheme& s : r.themes) {
      j.begin_object().value("theme", s.theme).value("hot_dropped_below_min_incidents", s.dropped);
      j.begin_object("published");
      for (std::size_t k = 1; k < kClasses; ++k)
        if (s.published[k]) j.value(std::string(emerging_class_name(static_cast<EmergingClass>(k))), s.published[k]);
      j.end_object().begin_object("withheld_small_count");
      for (std::size_t k = 1; k < kClasses; ++k)
        if (s.withheld[k]) j.value(std::string(emerging_class_name(static_cast<EmergingClass>(k))), s.withheld[k]);
      j.end_object().end_object();
    }
    j.end_array();
  }});
}

}  // namespace hotspot
