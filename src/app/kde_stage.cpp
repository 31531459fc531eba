// KDE stage: one density surface per theme for the period, hotspot classes
// from it, and ranked hotspot polygons with the statistics a tasking meeting
// reads: incidents inside, hit rate, PAI, peak and mean density, wards.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <map>
#include <ostream>

#include "analysis/hotspot_classes.hpp"
#include "analysis/kde.hpp"
#include "analysis/ward_stats.hpp"
#include "app/layer_styles.hpp"
#include "app/pack_forecast.hpp"
#include "app/stages.hpp"
#include "app/table_columns.hpp"
#include "app/region_polygons.hpp"
#include "app/ward_outputs.hpp"
#include "geo/grid_cells.hpp"
#include "geo/grid_reference.hpp"
#include "geo/reproject.hpp"
#include "geo/study_area.hpp"
#include "geo/ward_overlap.hpp"
#include "app/polygon_disclosure.hpp"
#include "app/surface_disclosure.hpp"
#include "io/csv_writer.hpp"
#include "io/raster_writer.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {
namespace {

struct Hotspot {
  int level = 0;
  std::string class_name;
  double threshold = 0;
  GeomPtr geom{nullptr, GeomDeleter{nullptr}};
  double area_m2 = 0;
  long incidents = 0;
  long inside = 0;    // strictly inside the polygon: judged by polygon_withheld
  ChangeStats change;  // the same cells' period count against their own past (previous, baseline)
  double peak = 0, mean = 0;
  double forecast_monthly = 0;  // coverage hotspots: the forecast's mass as incidents per month
  std::vector<std::size_t> wards;  // touched, in ward order
  std::size_t main_ward = 0;       // largest overlap
  long cells = 0;                  // grid cells in the region
  int rank = 0;
  // Coverage hotspots: identity over time (analysis/hotspot_tracking.hpp).
  std::string ref;                 // the 100 m square of its track's anchor: "TQ515888"
  std::string since;               // the first target month its track was a hotspot
  int months_present = 0;          // of the last kTrackedMonths target months
};


// Hotspots of one class: connected cells at or above the threshold.
std::vector<Hotspot> class_hotspots(const RunInputs& run, const WardOverlap& overlap, const Grid& grid,
                                    const HotspotClass& cls, const Theme& theme,
                                    const std::vector<const Incident*>& incidents,
                                    const std::vector<const Incident*>& history, const std::vector<bool>& has_data) {
  const Period& period = run.cfg.period;
  std::vector<std::uint8_t> mask(grid.spec.size(), 0);
  for (std::size_t i = 0; i < mask.size(); ++i)
    mask[i] = grid.inside(i) && grid.values[i] > 0 && grid.values[i] >= cls.threshold;
  std::vector<Hotspot> out;
  for (RegionPolygon& r : region_polygons(run, overlap, grid.spec, mask, grid.values, incidents, history,
                                                         period.needed_window())) {
    Hotspot h;
    h.level = cls.level;
    h.class_name = cls.name;
    h.threshold = cls.threshold;
    h.geom = std::move(r.geom);
    h.area_m2 = r.area_m2;
    h.incidents = r.incidents;
    h.inside = r.inside;
    h.change = change_against(static_cast<std::uint64_t>(r.incidents), r.monthly, has_data, period,
                              theme, run.cfg.significance);
    h.peak = r.max_value;
    h.mean = r.mean_value;
    h.cells = r.cells;
    h.wards = r.wards.wards;
    h.main_ward = r.wards.main;
    out.push_back(std::move(h));
  }
  return out;
}

// hotspots_<theme>.geojson's properties and the report's hotspot table: the
// columns, each with its disclosure rule (app/table_columns.hpp).
Table hotspot_table(const RunInputs& run, const WardResult* wards, const Theme& theme,
                    const std::vector<Hotspot>& hotspots, long total, bool raw, const ThemeForecast* fc) {
  const bool total_withheld = area_count_text(wards, theme, static_cast<std::uint64_t>(total)) != std::to_string(total);
  const int m = theme.min_count;
  const auto hit = [total](const Hotspot& h) {
    return total > 0 ? static_cast<double>(h.incidents) / static_cast<double>(total) : 0.0;
  };
  // The baseline mean, and the test that would give it back from the count, go with its total.
  const auto has_baseline = [](const Hotspot& h) { return h.change.baseline_mean.has_value(); };
  const auto baseline_withheld = [m](const Hotspot& h) { return primary_suppressed(h.change.baseline_total, m); };
  const auto has_previous = [](const Hotspot& h) { return h.change.previous.has_value(); };
  // hit rate and PAI = incidents / the area's count: withheld with that count
  const auto with_total = [total_withheld](const Hotspot&) { return total_withheld; };
  const auto text = [](auto f) { return [f](const Hotspot& h) { return Cell::text(f(h)); }; };
  const auto ward_list = [&run](const Hotspot& h, const char* sep, bool names) {
    std::vector<std::string> out;
    for (std::size_t w : h.wards) out.push_back(names ? run.wards.wards[w].name : run.wards.wards[w].code);
    return fmt::format("{}", fmt::join(out, sep));
  };

  TableColumns<Hotspot> cols;
  cols.add("hotspot_id", CellType::Text, text([&theme](const Hotspot& h) { return fmt::format("{}-{}-{}", theme.id, h.level, h.rank); }));
  cols.add("label", CellType::Text, text([&run](const Hotspot& h) {
    return fmt::format("Hotspot {} \u2014 {}", h.rank, run.wards.wards[h.main_ward].name);
  }));
  cols.add("theme", CellType::Text, text([&theme](const Hotspot&) { return theme.id; }));
  cols.add("theme_label", CellType::Text, text([&theme](const Hotspot&) { return theme.label; }));
  cols.add("period", CellType::Text, text([&run](const Hotspot&) { return run.cfg.period.label; }));
  cols.add("class_level", CellType::Integer, [](const Hotspot& h) { return Cell::integer(h.level); });
  cols.add("class_name", CellType::Text, text([](const Hotspot& h) { return h.class_name; }));
  cols.add("rank", CellType::Integer, [](const Hotspot& h) { return Cell::integer(h.rank); });
  cols.add("area_m2", CellType::Real, 0, [](const Hotspot& h) { return Cell::real(h.area_m2); });
  cols.add("incidents", CellType::Integer, [](const Hotspot& h) { return Cell::integer(h.incidents); });
  cols.add("previous_incidents", CellType::Integer, [](const Hotspot& h) {
    return Cell::integer(static_cast<long>(*h.change.previous));
  }).count_of(m).only_when(has_previous);
  cols.add("change_previous_pct", CellType::Real, 1, [](const Hotspot& h) {
    return h.change.change_previous ? Cell::real(*h.change.change_previous * 100) : Cell::null();
  }).derived_from({"previous_incidents"}).only_when(has_previous);
  cols.add("baseline_mean", CellType::Real, 1, [](const Hotspot& h) { return Cell::real(*h.change.baseline_mean); })
      .withheld_with(baseline_withheld).only_when(has_baseline);
  cols.add("change_baseline_pct", CellType::Real, 1, [](const Hotspot& h) {
    return h.change.change_baseline ? Cell::real(*h.change.change_baseline * 100) : Cell::null();
  }).withheld_with(baseline_withheld).only_when(has_baseline);
  cols.add("direction", CellType::Text, text([](const Hotspot& h) { return std::string(direction_name(h.change.direction)); }))
      .withheld_with(baseline_withheld).only_when(has_baseline);
  cols.add("p_value", CellType::Real, 4, [](const Hotspot& h) { return Cell::real(h.change.p_value); })
      .withheld_with(baseline_withheld).only_when(has_baseline);
  cols.add("significant", CellType::Bool, [](const Hotspot& h) { return Cell::boolean(h.change.significant); })
      .withheld_with(baseline_withheld).only_when(has_baseline);
  cols.add("hit_rate_in_period", CellType::Real, 4, [hit](const Hotspot& h) { return Cell::real(hit(h)); })
      .withheld_with(with_total);
  cols.add("pai_in_period", CellType::Real, 2, [&run, hit](const Hotspot& h) {
    const double share = h.area_m2 / run.ward_set->area_m2();
    return share > 0 ? Cell::real(hit(h) / share) : Cell::null();
  }).withheld_with(with_total);
  if (fc) {
    const bool known = fc->backtest && fc->backtest->months > 0;
    const double coverage = run.cfg.kde.coverage;
    cols.add("forecast_method", CellType::Text, text([fc](const Hotspot&) { return fc->method.id(); }));
    cols.add("forecast_monthly", CellType::Real, 1, [](const Hotspot& h) { return Cell::real(h.forecast_monthly); });
    cols.add("coverage", CellType::Real, 3, [coverage](const Hotspot&) { return Cell::real(coverage); });
    cols.add("backtest_months", CellType::Integer, [fc, known](const Hotspot&) { return Cell::integer(known ? fc->backtest->months : 0); });
    cols.add("backtest_hit_rate", CellType::Real, 3, [fc](const Hotspot&) { return Cell::real(fc->backtest->mean_hit_rate); })
        .only_when([known](const Hotspot&) { return known; });
    cols.add("backtest_pai", CellType::Real, 2, [fc](const Hotspot&) { return Cell::real(fc->backtest->mean_pai); })
        .only_when([known](const Hotspot&) { return known; });
    cols.add("hotspot_ref", CellType::Text, text([](const Hotspot& h) { return h.ref; }));
    cols.add("hotspot_since", CellType::Text, text([](const Hotspot& h) { return h.since; }));
    cols.add("months_hotspot_of_12", CellType::Integer, [](const Hotspot& h) { return Cell::integer(h.months_present); });
  }
  cols.add("peak_density", CellType::Real, raw ? 4 : 2, [](const Hotspot& h) { return Cell::real(h.peak); });
  cols.add("mean_density", CellType::Real, raw ? 4 : 2, [](const Hotspot& h) { return Cell::real(h.mean); });
  const std::string units = fc ? "forecast incidents per cell" : raw ? "raw kernel sum" : "incidents per km2";
  cols.add("density_units", CellType::Text, text([units](const Hotspot&) { return units; }));
  cols.add("ward_codes", CellType::Text, text([ward_list](const Hotspot& h) { return ward_list(h, ";", false); }));
  cols.add("ward_names", CellType::Text, text([ward_list](const Hotspot& h) { return ward_list(h, "; ", true); }));
  if (theme.proxy) cols.add("proxy_note", CellType::Text, text([&theme](const Hotspot&) { return theme.proxy_note; }));
  return cols.build(hotspots);
}

// Names each hotspot by its track (the place it has been a hotspot since):
// the track covering most of its cells, named by the 1 km square of the
// track's anchor. Two hotspots in one square: the older track keeps the plain
// name, later ones get b, c, ... so a name does not move to a newer hotspot.
void name_by_track(const RunInputs& run, const ThemeForecast& fc, std::vector<Hotspot>& hotspots) {
  const HotspotTracks& tracks = fc.tracks;
  std::vector<int> track(hotspots.size(), -1);
  for (std::size_t i = 0; i < hotspots.size(); ++i) {
    std::map<int, int> votes;
    for (std::size_t cell : cells_with_centre_in(run.geos, hotspots[i].geom.get(), fc.grid.spec))
      if (tracks.last_month[cell] >= 0) ++votes[tracks.last_month[cell]];
    int most = 0;
    for (const auto& [t, n] : votes)
      if (n > most) track[i] = t, most = n;
  }
  std::vector<std::size_t> order(hotspots.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto born = [&](std::size_t i) { return track[i] < 0 ? SIZE_MAX : tracks.tracks[static_cast<std::size_t>(track[i])].born; };
    return born(a) != born(b) ? born(a) < born(b) : track[a] < track[b];
  });
  std::map<std::string, int> taken;
  for (std::size_t i : order) {
    Hotspot& h = hotspots[i];
    double x = 0, y = 0;
    if (track[i] >= 0) {
      const HotspotTrack& tr = tracks.tracks[static_cast<std::size_t>(track[i])];
      const GridSpec& g = fc.grid.spec;
      x = g.center_x(static_cast<int>(tr.anchor % static_cast<std::size_t>(g.nx)));
      y = g.center_y(static_cast<int>(tr.anchor / static_cast<std::size_t>(g.nx)));
      const Month since = fc.first_tracked + static_cast<Month>(tr.born);
      h.since = tr.born == 0 ? format_month(since) + " or earlier" : format_month(since);
      h.months_present = tr.months_present;
    } else {  // no track (cannot happen for a forecast hotspot; kept safe): its own centroid's square
      const GeomPtr c = own(run.geos, GEOSGetCentroid_r(run.geos.get(), h.geom.get()), "centroid");
      GEOSGeomGetX_r(run.geos.get(), c.get(), &x);
      GEOSGeomGetY_r(run.geos.get(), c.get(), &y);
    }
    const std::string square = grid_reference_100m(x, y, run.cfg.crs);
    const int n = taken[square]++;
    h.ref = n == 0 ? square : square + static_cast<char>('a' + std::min(n, 25));
  }
}

// The forecast's manifest entry: method, cut, and the backtest it rests on.
void write_forecast(JsonWriter& j, const ThemeForecast& f, double coverage, const std::vector<std::string>& methods,
                    const std::string& unavailable) {
  j.begin_object("forecast").value("method", f.method.id()).value("label", f.method.label())
      .value("coverage", coverage).value("cut", f.cut).value("chosen_by_backtest", f.chosen_by_backtest);
  if (f.backtest) {
    j.value("backtest_target_months", f.backtest->months).value("backtest_mean_hit_rate", f.backtest->mean_hit_rate)
        .value("backtest_mean_pai", f.backtest->mean_pai).value("backtest_median_pai", f.backtest->median_pai);
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

}  // namespace

KdeResult compute_kde(const RunInputs& run, const WardResult* wards, Progress& progress, Diagnostics& diag) {
  const RunConfig& cfg = run.cfg;
  const KdeConfig& k = cfg.kde;
  KdeResult result;
  KdeParams& params = result.params;
  params.kernel = k.kernel;
  params.output = k.output;
  params.gaussian_truncation = k.gaussian_truncation;
  const bool raw = params.output == KdeOutput::Raw;
  const WardOverlap overlap(run.geos, *run.ward_set);
  std::map<std::tuple<double, double, int, int>, std::vector<std::uint8_t>> masks;  // per grid

  const std::vector<bool> has_data = months_with_data(run.ingest.incidents, cfg.period.needed_window());
  const GridBudget budget = run.grid_budget();
  std::optional<PackForecast> forecast;
  if (k.classes == HotspotClasses::Coverage)
    forecast = pack_forecast(cfg, run.ward_set->index(), run.ward_set->area_m2(), run.ingest.incidents, budget,
                             progress, diag);
  for (std::size_t t = 0; t < cfg.taxonomy.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    progress.update("kde", t, cfg.taxonomy.themes.size(), theme.label);
    const std::vector<const Incident*> incidents = run.period_incidents(t);
    // Each hotspot's own past, for change against it (the months ward statistics use).
    const std::vector<const Incident*> history = run.incidents_in(t, cfg.period.needed_window());
    std::vector<WeightedPoint> points;
    for (const Incident* inc : incidents) points.push_back({inc->x, inc->y, inc->weight});

    KdeTheme sum;
    sum.theme = theme.id;
    params.bandwidth = k.bandwidth ? *k.bandwidth : default_bandwidth(points, run.ward_set->area_m2(), k.cell);
    sum.bandwidth = params.bandwidth;
    if (params.bandwidth < 2 * k.cell)
      diag.warn(fmt::format("kde {}: bandwidth {:.0f} m is under two cells of {:.0f} m; the surface will be "
                            "spiky. Raise kde.bandwidth or lower kde.cell.", theme.id, params.bandwidth, k.cell));
    const double support = kernel_support(params);
    const Bounds& e = run.ward_set->extent();
    budget.check(grid_size(e.max_x - e.min_x, e.max_y - e.min_y, support, k.cell), k.cell, kKdeBytesPerCell,
                 "the KDE surface of " + theme.id, "kde.cell, kde.bandwidth and kde.gaussian_truncation");
    const bool qgis_grid = k.grid == KdeGrid::Qgis && !points.empty() && grid_may_follow_incidents(theme);
    if (k.grid == KdeGrid::Qgis && !qgis_grid && !points.empty())
      diag.warn(fmt::format("kde {}: the aligned grid is used, not kde.grid = \"qgis\": QGIS's grid starts at "
                            "the outermost incidents, so its origin would locate them, and the theme is "
                            "suppressed (min_count {})", theme.id, theme.min_count));
    if (qgis_grid) {
      Bounds p{HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL};
      for (const auto& pt : points)
        p = Bounds{std::min(p.min_x, pt.x), std::min(p.min_y, pt.y), std::max(p.max_x, pt.x), std::max(p.max_y, pt.y)};
      sum.spec = qgis_heatmap_grid(p.min_x, p.min_y, p.max_x, p.max_y, k.cell, params.bandwidth);
    } else {
      sum.spec = aligned_grid(e.min_x, e.min_y, e.max_x, e.max_y, k.cell, support);
    }

    Grid& grid = sum.surface;
    grid.spec = sum.spec;
    const auto key = std::make_tuple(grid.spec.origin_x, grid.spec.origin_y, grid.spec.nx, grid.spec.ny);
    if (!masks.count(key)) masks[key] = cells_in_area(run.geos, run.ward_set->area(), grid.spec);
    grid.in_area = masks[key];
    grid.values = kde(points, grid.spec, params);
    // Hotspots come from the forecast for the coming month, or from this period's surface.
    const ThemeForecast* fc = forecast ? &forecast->themes[t] : nullptr;
    const Grid& hot_grid = fc ? fc->grid : grid;
    if (fc) {
      sum.forecast = *fc;
      sum.forecast->grid = Grid{};  // the manifest needs the record, not the cells
      sum.forecast->tracks = HotspotTracks{};
    }
    sum.classes = fc                   ? std::vector<HotspotClass>{{1, fc->cut, fmt::format("top {:g}% forecast", k.coverage * 100)}}
                  : k.classes == HotspotClasses::Sd ? sd_classes(grid)
                                      : top_percent_classes(grid, k.top_percent);

    std::vector<Hotspot> published;
    for (const HotspotClass& cls : sum.classes) {
      std::vector<Hotspot> hs = class_hotspots(run, overlap, hot_grid, cls, theme, incidents, history, has_data);
      std::vector<Hotspot> kept;
      for (Hotspot& h : hs) {
        // A forecast hotspot is judged on what it forecasts, not on this period's own count.
        if (fc) h.forecast_monthly = h.mean * static_cast<double>(h.cells) / forecast_weight_sum(fc->method);
        if (h.area_m2 < k.min_area_m2 || (fc ? h.forecast_monthly < k.min_incidents : h.incidents < k.min_incidents)) {
          ++sum.dropped;
        } else if (is_suppressed(theme, static_cast<std::uint64_t>(h.incidents)) || polygon_withheld(theme, h.inside)) {
          ++sum.withheld;  // disclosure: too few incidents to publish
        } else {
          kept.push_back(std::move(h));
        }
      }
      std::sort(kept.begin(), kept.end(), [](const Hotspot& a, const Hotspot& b) {
        if (a.forecast_monthly != b.forecast_monthly) return a.forecast_monthly > b.forecast_monthly;
        if (a.incidents != b.incidents) return a.incidents > b.incidents;
        return a.area_m2 < b.area_m2;
      });
      for (std::size_t i = 0; i < kept.size(); ++i) kept[i].rank = static_cast<int>(i + 1);
      if (fc) name_by_track(run, *fc, kept);
      for (Hotspot& h : kept) published.push_back(std::move(h));
    }
    sum.published = static_cast<int>(published.size());
    for (const Hotspot& h : published) {
      if (h.level != 1) continue;  // the widest class holds the others
      sum.hotspots.push_back(HotspotShape{fmt::format("{}-{}-{}", theme.id, h.level, h.rank),
                                          fmt::format("Hotspot {} \u2014 {}", h.rank, run.wards.wards[h.main_ward].name),
                                          own(run.geos, GEOSGeom_clone_r(run.geos.get(), h.geom.get()), "clone"),
                                          h.rank});
    }

    // Disclosure (suppressed themes): cells with fewer than min_count contributing incidents are nodata.
    sum.published_surface = publishable_surface(grid, points, support, theme);
    const PublishedSurface& surface = sum.published_surface;
    sum.raster_description = fmt::format("{} {} ({})", theme.label, raw ? "raw kernel sum" : "density per km2", cfg.period.label);
    sum.raster_metadata = {{"HOTSPOT_THEME", theme.id},
                           {"HOTSPOT_PERIOD", cfg.period.label},
                           {"HOTSPOT_KERNEL", std::string(kernel_name(params.kernel))},
                           {"HOTSPOT_BANDWIDTH_M", fmt::format("{}", params.bandwidth)},
                           {"HOTSPOT_CELL_M", fmt::format("{}", k.cell)},
                           {"HOTSPOT_OUTPUT", raw ? "raw" : "density (incidents per km2)"},
                           {"HOTSPOT_GRID", std::string(name_of(k.grid))},
                           {"HOTSPOT_INCIDENTS", area_count_text(wards, theme, points.size())}};
    if (theme.min_count > 1)
      sum.raster_metadata.emplace_back("HOTSPOT_DISCLOSURE",
                                       fmt::format("cells with fewer than {} incidents within {:g} m of the cell centre "
                                                   "are nodata ({} of {} cells in the area)", theme.min_count, support,
                                                   surface.masked, surface.masked + surface.published));
    if (theme.proxy) sum.raster_metadata.emplace_back("HOTSPOT_PROXY_NOTE", theme.proxy_note);

    FeatureLayer& layer = sum.hotspot_layer;
    layer.name = "hotspots_" + theme.id;
    layer.description = fmt::format("{} hotspots, {}: KDE {} kernel, bandwidth {:.0f} m, {:.0f} m cells. {}",
                                    theme.label, cfg.period.label, kernel_name(params.kernel), params.bandwidth, k.cell,
                                    theme.proxy ? theme.proxy_note : "");
    layer.table = hotspot_table(run, wards, theme, published, static_cast<long>(incidents.size()), raw, fc);
    for (const Hotspot& h : published)
      layer.wkb.push_back(reproject_wkb(run.geos, geom_to_wkb(run.geos, h.geom.get()), run.to_wgs84));
    result.themes.push_back(std::move(sum));
  }
  progress.finish("kde", fmt::format("{} surfaces", result.themes.size()));
  if (forecast) {
    for (const ForecastMethod& m : forecast->methods) result.forecast_methods.push_back(m.id());
    result.backtest_unavailable = forecast->backtest_unavailable;
  }
  return result;
}

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
    tally_table(*layer.table, theme.id, layer.name + ".geojson", {"previous_incidents"}, run.disclosure);
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
    spec.name = fmt::format("{}: KDE hotspots", theme.label);
    spec.style = hotspot_classes_style(class_names);
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

  run.stages.push_back({"kde", [&r, k](JsonWriter& j) {
    j.value("kernel", kernel_name(r.params.kernel)).value("output", name_of(k.output)).value("cell_m", k.cell)
        .value("grid", name_of(k.grid)).value("classes", name_of(k.classes)).value("min_area_m2", k.min_area_m2)
        .value("min_incidents", k.min_incidents);
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
      if (s.forecast) write_forecast(j, *s.forecast, k.coverage, r.forecast_methods, r.backtest_unavailable);
      j.end_object();
    }
    j.end_array();
  }});
}

}  // namespace hotspot
