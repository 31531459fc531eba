// KDE stage: one density surface per theme for the period, hotspot classes
// from it, and ranked hotspot polygons with the statistics a tasking meeting
// reads: incidents inside, hit rate, PAI, peak and mean density, wards.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <limits>
#include <map>
#include <functional>
#include <ostream>

#include "analysis/aggregate_surface.hpp"
#include "analysis/hotspot_classes.hpp"
#include "analysis/kde.hpp"
#include "analysis/ward_stats.hpp"
#include "app/qgis/layer_styles.hpp"
#include "app/stages/pack_forecast.hpp"
#include "app/stages/stages.hpp"
#include "app/tables/history_table.hpp"
#include "app/tables/hotspot_table.hpp"
#include "app/stages/kde_hotspots.hpp"
#include "app/disclosure/ledger.hpp"
#include "geo/grid_cells.hpp"
#include "geo/grid_reference.hpp"
#include "geo/reproject.hpp"
#include "geo/study_area.hpp"
#include "geo/ward_overlap.hpp"
#include "app/disclosure/polygon_disclosure.hpp"
#include "app/disclosure/surface_disclosure.hpp"
#include "app/disclosure/theme_protection.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/raster_writer.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {
namespace {


// The forecast's manifest entry: method, cut, and the backtest it rests on.
void write_forecast(JsonWriter& j, const ThemeForecast& f, double coverage, const std::vector<std::string>& methods,
                    const std::string& unavailable) {
  j.begin_object("forecast").value("method", f.method.id()).value("label", f.method.label())
      .value("coverage", coverage).value("cut", f.cut).value("chosen_by_backtest", f.chosen_by_backtest)
      .value("drawn_squares", static_cast<std::uint64_t>(f.drawing.cells)).value("drawn_area_share", f.area_share)
      .value("drawn_hotspots", f.drawing.hotspots).value("capped", f.drawing.capped);
  if (f.backtest) {
    // At kde.coverage (the ranking), and as drawn (what the layer publishes; the layer's backtest_* figures).
    j.value("backtest_target_months", f.backtest->months).value("backtest_mean_hit_rate", f.backtest->mean_hit_rate)
        .value("backtest_mean_pai", f.backtest->mean_pai).value("backtest_median_pai", f.backtest->median_pai);
    if (const auto& d = f.backtest->drawn)
      j.begin_object("backtest_drawn").value("target_months", d->months).value("mean_area_share", d->mean_area_share)
          .value("mean_hotspots", d->mean_hotspots).value("mean_hit_rate", d->mean_hit_rate)
          .value("mean_pai", d->mean_pai).value("mean_pei", d->mean_pei)
          .value("cells_l12_mean_pai_same_area", d->baseline_mean_pai).value("months_won_vs_cells_l12", d->wins)
          .value("months_lost_vs_cells_l12", d->losses).end_object();
  } else {
    j.value("backtest_unavailable", unavailable);
  }
  if (!f.candidates.empty()) {
    j.begin_array("candidates");  // every method tried for kde.forecast = "backtest"
    for (const MethodSummary& s : f.candidates)
      j.begin_object().value("method", methods[s.method]).value("mean_pai", s.mean_pai)
          .value("mean_hit_rate", s.mean_hit_rate).end_object();
    j.end_array();
  }
  j.end_object();
}

// What every theme's surface shares: the kernel, the study area's cells per
// grid (computed once per grid), the months with data and the forecast.
struct KdeShared {
  const RunInputs& run;
  const WardResult* wards;
  const EmergingResult* emerging;
  KdeParams params;
  WardOverlap overlap;
  std::vector<bool> has_data;
  std::optional<PackForecast> forecast;
  std::map<std::tuple<double, double, int, int>, std::vector<std::uint8_t>> masks;
  std::vector<ThemeProtection> protection;  // per theme: what its protected content needs
  GridSpec squares;                         // the disclosure squares over the study area
  std::vector<std::uint8_t> square_in_area; // squares the area touches (they may hold incidents)

  const std::vector<std::uint8_t>& in_area(const GridSpec& spec) {
    const auto key = std::make_tuple(spec.origin_x, spec.origin_y, spec.nx, spec.ny);
    if (!masks.count(key)) masks[key] = cells_in_area(run.geos, run.ward_set->area(), spec);
    return masks[key];
  }
};

// The theme's grid: aligned to multiples of the cell, or QGIS Heatmap's grid
// when asked. QGIS's grid starts at the outermost incidents, so its origin
// would locate them: for a theme with protection (its own or inherited) it is
// taken from the incidents that are not protected content, which may be
// located; with none of those, the aligned grid is used.
GridSpec surface_grid(const RunInputs& run, const Theme& theme, const ThemeProtection& protection,
                      const std::vector<WeightedPoint>& unprotected, bool any_protected, const KdeParams& params,
                      Diagnostics& diag) {
  const KdeConfig& k = run.cfg.kde;
  const double support = kernel_support(params);
  const Bounds& e = run.ward_set->extent();
  run.grid_budget().check(grid_size(e.max_x - e.min_x, e.max_y - e.min_y, support, k.cell), k.cell, kKdeBytesPerCell,
                          "the KDE surface of " + theme.id, "kde.cell, kde.bandwidth and kde.gaussian_truncation");
  const bool qgis_grid = k.grid == KdeGrid::Qgis && !unprotected.empty();
  if (k.grid == KdeGrid::Qgis && !qgis_grid && any_protected)
    diag.warn(fmt::format("kde {}: the aligned grid is used, not kde.grid = \"qgis\": QGIS's grid starts at "
                          "the outermost incidents, so its origin would locate them, and every incident of the "
                          "theme is protected (min_count {}{})", theme.id, protection.min_count,
                          protection.inherited ? " from " + protection.from : ""));
  if (!qgis_grid) return aligned_grid(e.min_x, e.min_y, e.max_x, e.max_y, k.cell, support);
  Bounds p{HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL};
  for (const auto& pt : unprotected)
    p = Bounds{std::min(p.min_x, pt.x), std::min(p.min_y, pt.y), std::max(p.max_x, pt.x), std::max(p.max_y, pt.y)};
  return qgis_heatmap_grid(p.min_x, p.min_y, p.max_x, p.max_y, k.cell, params.bandwidth);
}

// The GeoTIFF's description and metadata: parameters, the area's count as
// the ward table publishes it, and the disclosure rule applied.
void describe_raster(const KdeShared& shared, const Theme& theme, std::size_t incidents, KdeTheme& sum) {
  const RunConfig& cfg = shared.run.cfg;
  const bool raw = shared.params.output == KdeOutput::Raw;
  const PublishedSurface& surface = sum.published_surface;
  sum.raster_description = fmt::format("{} {} ({})", theme.label, raw ? "raw kernel sum" : "density per km2", cfg.period.label);
  sum.raster_metadata = {{"HOTSPOT_THEME", theme.id},
                         {"HOTSPOT_PERIOD", cfg.period.label},
                         {"HOTSPOT_KERNEL", std::string(kernel_name(shared.params.kernel))},
                         {"HOTSPOT_BANDWIDTH_M", fmt::format("{}", sum.bandwidth)},
                         {"HOTSPOT_CELL_M", fmt::format("{}", cfg.kde.cell)},
                         {"HOTSPOT_OUTPUT", raw ? "raw" : "density (incidents per km2)"},
                         {"HOTSPOT_GRID", std::string(name_of(cfg.kde.grid))},
                         {"HOTSPOT_INCIDENTS", area_count_text(shared.wards, theme, incidents)}};
  const ThemeProtection& prot = sum.protection;
  if (prot.any())
    sum.raster_metadata.emplace_back(
        "HOTSPOT_DISCLOSURE",
        fmt::format("incidents of {} (min_count {}) are drawn from regions of {:g} m squares (edges on multiples "
                    "of {:g} m) holding at least {} each, spread evenly over their squares, never from their points "
                    "({} regions){}", prot.from, prot.min_count, cfg.kde.disclosure_square, cfg.kde.disclosure_square,
                    prot.min_count, surface.regions, prot.inherited ? "; the theme's other incidents are exact" : ""));
  if (theme.proxy) sum.raster_metadata.emplace_back("HOTSPOT_PROXY_NOTE", theme.proxy_note);
}

// hotspots_<theme>.geojson: the published hotspots, their table and geometry.
FeatureLayer hotspot_layer(const KdeShared& shared, const Theme& theme, const ThemeForecast* fc,
                           const std::vector<Hotspot>& published, std::size_t incidents) {
  const bool classed = shared.emerging != nullptr;
  const RunInputs& run = shared.run;
  const RunConfig& cfg = run.cfg;
  const KdeConfig& k = cfg.kde;
  FeatureLayer layer;
  layer.name = "hotspots_" + theme.id;
  layer.description =
      fc ? fmt::format("{} hotspots for the month after {}: the top squares of the forecast {} ({}), every square at "
                       "or above the cut drawn, squares within {} squares of each other one hotspot; they cover {:.2f}% "
                       "of the area (asked: {:g}%). The backtest_* figures score this same drawing on past months at "
                       "the area it covered. {}",
                       theme.label, cfg.period.label, fc->method.id(), fc->method.label(), k.join, fc->area_share * 100,
                       k.coverage * 100, theme.proxy ? theme.proxy_note : "")
         : fmt::format("{} hotspots, {}: KDE {} kernel, bandwidth {:.0f} m, {:.0f} m cells. {}", theme.label,
                       cfg.period.label, kernel_name(shared.params.kernel), shared.params.bandwidth, k.cell,
                       theme.proxy ? theme.proxy_note : "");
  std::optional<HotspotForecastRecord> record;
  if (fc) {
    record = HotspotForecastRecord{fc->method.id(), k.coverage, fc->area_share, k.numbered};
    // The record of exactly this drawing, at the area it covered each month.
    if (fc->backtest && fc->backtest->drawn && fc->backtest->drawn->months > 0) {
      const DrawnRecord& d = *fc->backtest->drawn;
      record->backtest_months = d.months;
      record->backtest_hit_rate = d.mean_hit_rate;
      record->backtest_pai = d.mean_pai;
      record->backtest_area_share = d.mean_area_share;
      record->backtest_baseline_pai = d.baseline_mean_pai;
    }
  }
  const auto total = static_cast<long>(incidents);
  const HotspotTableContext table{theme, run.wards.wards, cfg.period.label, run.ward_set->area_m2(), total,
                                  area_count_text(shared.wards, theme, incidents) != std::to_string(total),
                                  shared.params.output == KdeOutput::Raw, record ? &*record : nullptr, classed};
  layer.table = hotspot_table(published, table);
  for (const Hotspot& h : published)
    layer.wkb.push_back(reproject_wkb(run.geos, geom_to_wkb(run.geos, h.geom.get()), run.to_wgs84));
  return layer;
}

// The report's and QGIS's shapes of the widest class's hotspots (it holds the
// others); those ranked up to `numbered` are numbered.
std::vector<HotspotShape> hotspot_shapes(const RunInputs& run, const Theme& theme,
                                         const std::vector<Hotspot>& published, int numbered) {
  std::vector<HotspotShape> shapes;
  for (const Hotspot& h : published) {
    if (h.level != 1) continue;
    HotspotShape shape;
    shape.id = fmt::format("{}-{}-{}", theme.id, h.level, h.rank);
    shape.label = hotspot_label(h, run.wards.wards);
    shape.geom = own(run.geos, GEOSGeom_clone_r(run.geos.get(), h.geom.get()), "clone");
    shape.rank = h.rank;
    shape.numbered = h.rank <= numbered;
    shape.ward = h.main_ward;
    shape.space_time = h.space_time;
    shapes.push_back(std::move(shape));
  }
  return shapes;
}

// One theme: its surface for the period, its hotspots (from the forecast for
// the coming month, or from the surface's classes), its raster and layer.
KdeTheme kde_theme(KdeShared& shared, std::size_t t, Diagnostics& diag) {
  const RunInputs& run = shared.run;
  const RunConfig& cfg = run.cfg;
  const KdeConfig& k = cfg.kde;
  const Theme& theme = cfg.taxonomy.themes[t];
  const std::vector<const Incident*> incidents = run.period_incidents(t);
  // Each hotspot's own past, for change against it (the months ward statistics use).
  const std::vector<const Incident*> history = run.incidents_in(t, cfg.period.needed_window());
  // Protected content (incidents of a protected theme this one can contain)
  // is drawn from its regions; the rest exactly, from its points.
  const ThemeProtection& prot = shared.protection[t];
  std::vector<WeightedPoint> points, exact, covered;
  for (const Incident* inc : incidents) {
    points.push_back({inc->x, inc->y, inc->weight});
    (prot.any() && prot.covers(inc->themes) ? covered : exact).push_back(points.back());
  }

  KdeTheme sum;
  sum.theme = theme.id;
  KdeParams& params = shared.params;
  params.bandwidth = k.bandwidth ? *k.bandwidth : default_bandwidth(points, run.ward_set->area_m2(), k.cell);
  sum.bandwidth = params.bandwidth;
  if (params.bandwidth < 2 * k.cell)
    diag.warn(fmt::format("kde {}: bandwidth {:.0f} m is under two cells of {:.0f} m; the surface will be "
                          "spiky. Raise kde.bandwidth or lower kde.cell.", theme.id, params.bandwidth, k.cell));
  sum.spec = surface_grid(run, theme, prot, prot.any() ? exact : points, !covered.empty(), params, diag);
  Grid& grid = sum.surface;
  grid.spec = sum.spec;
  grid.in_area = shared.in_area(grid.spec);
  AggregatePartition partition;
  if (!covered.empty()) {
    partition = aggregate_partition(covered, shared.squares, shared.square_in_area, prot.min_count,
                                    k.disclosure_occupied ? Spread::Occupied : Spread::Block);
    const int q = std::max(1, static_cast<int>(std::lround(k.disclosure_square / k.cell)));
    for (const WeightedPoint& p : aggregate_points(partition, std::min(q, 8))) exact.push_back(p);
    grid.values = kde(exact, grid.spec, params);
  } else {
    grid.values = kde(points, grid.spec, params);
  }
  const ThemeForecast* fc = shared.forecast ? &shared.forecast->themes[t] : nullptr;
  if (fc) {
    sum.forecast = *fc;
    sum.forecast->grid = Grid{};  // the manifest needs the record, not the cells
    sum.forecast->tracks = HotspotTracks{};
    sum.forecast->drawing.hotspot.clear();
    sum.forecast->drawing.total.clear();
  }
  sum.classes = fc ? std::vector<HotspotClass>{{1, fc->cut, fmt::format("top {:g}% forecast", k.coverage * 100)}}
                : k.classes == HotspotClasses::Sd ? sd_classes(grid)
                                                  : top_percent_classes(grid, k.top_percent);
  std::vector<Hotspot> published = draw_hotspots(run, shared.overlap, fc ? fc->grid : grid, sum.classes, t, fc,
                                                 incidents, history, shared.has_data, sum);
  // New, persistent, ...: the class most of the Gi* cells it overlaps hold, and its hot months of the last 12.
  if (shared.emerging && t < shared.emerging->cells.size()) {
    const EmergingCells& cells = shared.emerging->cells[t];
    for (Hotspot& h : published)
      h.space_time = space_time_of(cells_overlapping(run.geos, h.geom.get(), cells.spec), cells.cls,
                                   cells.recent_hot, std::min(12, shared.emerging->window.months()));
  }
  sum.published = static_cast<int>(published.size());
  sum.hotspots = hotspot_shapes(run, theme, published, fc ? k.numbered : std::numeric_limits<int>::max());
  // Disclosure: the surface is published whole; its protected content is already regions.
  sum.published_surface = publishable_surface(grid, partition);
  sum.protection = prot;
  describe_raster(shared, theme, points.size(), sum);
  sum.hotspot_layer = hotspot_layer(shared, theme, fc, published, incidents.size());
  return sum;
}

}  // namespace

KdeResult compute_kde(const RunInputs& run, const WardResult* wards, const EmergingResult* emerging,
                      Progress& progress, Diagnostics& diag) {
  const RunConfig& cfg = run.cfg;
  const KdeConfig& k = cfg.kde;
  KdeShared shared{run, wards, emerging, KdeParams{}, WardOverlap(run.geos, *run.ward_set),
                   months_with_data(run.ingest.incidents, cfg.period.needed_window()), std::nullopt, {}, {}, {}, {}};
  shared.params.kernel = k.kernel;
  shared.params.output = k.output;
  shared.params.gaussian_truncation = k.gaussian_truncation;
  shared.protection = theme_protection(cfg);
  {
    const Bounds& e = run.ward_set->extent();
    shared.squares = square_lattice(e.min_x, e.min_y, e.max_x, e.max_y, k.disclosure_square);
    shared.square_in_area = cells_in_area(run.geos, run.ward_set->area(), shared.squares, true);
  }
  if (k.classes == HotspotClasses::Coverage)
    shared.forecast = pack_forecast(cfg, run.ward_set->index(), run.ward_set->area_m2(), run.ingest.incidents,
                                    run.grid_budget(), progress, diag);
  KdeResult result;
  for (std::size_t t = 0; t < cfg.taxonomy.themes.size(); ++t) {
    progress.update("kde", t, cfg.taxonomy.themes.size(), cfg.taxonomy.themes[t].label);
    result.themes.push_back(kde_theme(shared, t, diag));
  }
  result.params = shared.params;
  if (emerging) {  // hotspot_history.csv: each hotspot's space-time class
    std::vector<HotspotHistoryRow> rows;
    for (std::size_t t = 0; t < result.themes.size(); ++t)
      for (const HotspotShape& h : result.themes[t].hotspots)
        if (h.space_time) rows.push_back({&cfg.taxonomy.themes[t], h.id, h.label, *h.space_time});
    result.history = hotspot_history_table(rows, emerging->window.label);
  }
  progress.finish("kde", fmt::format("{} surfaces", result.themes.size()));
  if (shared.forecast) {
    for (const ForecastMethod& m : shared.forecast->methods) result.forecast_methods.push_back(m.id());
    result.backtest_unavailable = shared.forecast->backtest_unavailable;
  }
  return result;
}

namespace {

// The stage's manifest entry: the parameters, and per theme its grid, classes,
// what was published and the forecast's backtest.
std::function<void(JsonWriter&)> kde_record(const KdeResult& r, const KdeConfig& k) {
  return [&r, k](JsonWriter& j) {
    j.value("kernel", kernel_name(r.params.kernel)).value("output", name_of(k.output)).value("cell_m", k.cell)
        .value("grid", name_of(k.grid)).value("classes", name_of(k.classes)).value("min_area_m2", k.min_area_m2)
        .value("min_incidents", k.min_incidents).value("join", k.join).value("max_hotspots", k.max_hotspots)
        .value("numbered", k.numbered);
    if (r.params.kernel == Kernel::Gaussian) j.value("gaussian_truncation_sigmas", k.gaussian_truncation);
    j.begin_array("themes");
    for (const KdeTheme& s : r.themes) {
      j.begin_object().value("theme", s.theme).value("bandwidth_m", s.bandwidth)
          .value("grid_origin_x", s.spec.origin_x).value("grid_origin_y", s.spec.origin_y)
          .value("grid_columns", s.spec.nx).value("grid_rows", s.spec.ny);
      j.begin_array("classes");
      for (const HotspotClass& c : s.classes)
        j.begin_object().value("level", c.level).value("name", c.name).value("threshold", c.threshold).end_object();
      j.end_array();
      j.value("hotspots_published", s.published).value("hotspots_withheld_small_count", s.withheld)
          .value("fragments_dropped", s.dropped);
      if (s.protection.any()) {
        const PublishedSurface& p = s.published_surface;
        j.begin_object("disclosure").value("min_count", s.protection.min_count).value("from", s.protection.from)
            .value("square_m", k.disclosure_square).value("regions", static_cast<long>(p.regions))
            .value("residues_joined", p.pinned).end_object();
      }
      if (s.forecast) write_forecast(j, *s.forecast, k.coverage, r.forecast_methods, r.backtest_unavailable);
      j.end_object();
    }
    j.end_array();
  };
}

}  // namespace

void publish_kde(RunContext& run, const KdeResult& r, std::ostream& out) {
  const RunConfig& cfg = run.cfg;
  const KdeConfig& k = cfg.kde;
  const bool raw = r.params.output == KdeOutput::Raw;
  for (std::size_t t = 0; t < r.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    const KdeTheme& sum = r.themes[t];
    const std::string tif = "kde_" + theme.id + ".tif";
    const Grid published = sum.published_surface.applied_to(sum.surface);  // only while it is written
    const RasterOutput raster{&published, cfg.crs, -9999.0, sum.raster_description, sum.raster_metadata};
    write_geotiff(run.output_path(tif), raster);
    run.record_output(tif);

    const VectorLayer layer = sum.hotspot_layer.view();
    tally_table(*layer.table, theme.id, layer.name + ".geojson", run.disclosure);
    const std::string name = layer.name + ".geojson";
    write_geojson(run.output_path(name), layer);
    run.record_output(name);

    std::vector<std::string> class_names;
    std::vector<double> thresholds;
    for (const HotspotClass& c : sum.classes) {
      class_names.push_back(c.name);
      thresholds.push_back(c.threshold);
    }
    double peak = 0;
    for (std::size_t i = 0; i < published.values.size(); ++i)  // of the surface as published
      if (published.inside(i)) peak = std::max(peak, published.values[i]);
    VectorLayerSpec spec = theme_polygons(layer, theme);
    // One name for them in QGIS and in the report (its legends and pages): "Forecast hotspots".
    spec.name = fmt::format("{}: {}", theme.label, sum.forecast ? "Forecast hotspots" : "KDE hotspots");
    spec.style = sum.forecast ? forecast_hotspot_style(r.history.has_value()) : hotspot_classes_style(class_names);
    spec.stack = draw_order(DrawOrder::Hotspots);
    run.layers.push_back(vector_layer(std::move(spec)));
    // In the overview map theme each theme's hotspots take their own colour.
    run.layers.back().named_styles.emplace_back(kOverviewStyle, vector_style_xml(overview_hotspot_style(t)));
    ProjectLayer rl;
    rl.id = "kde_" + theme.id;
    rl.name = fmt::format("{}: KDE surface ({})", theme.label, raw ? "raw" : "per km2");
    rl.file = tif;
    rl.group = theme.label;
    rl.raster = true;
    rl.style_xml = raster_style_xml(kde_raster_stops(thresholds, peak, raw ? "" : "per km2"), 0.8);
    rl.stack = draw_order(DrawOrder::Surface);
    rl.abstract = raster.description;
    run.layers.push_back(rl);
    fmt::print(out, "  {:<24} {:>4} hotspots (bandwidth {:.0f} m){}\n", theme.label, sum.published, sum.bandwidth,
               sum.withheld ? fmt::format(", {} withheld as too small to publish", sum.withheld) : "");
  }

  if (r.history) {
    write_file_atomically(run.output_path("hotspot_history.csv"), to_csv(*r.history));
    run.record_output("hotspot_history.csv");
  }

  run.stages.push_back({"kde", kde_record(r, k)});
}

}  // namespace hotspot
