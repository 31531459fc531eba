// Clusters stage: DBSCAN and NNH clusters outlined by convex hull, concave hull
// and standard deviational ellipse; Gi* hot and cold spots on a grid.
// Disclosure: outlines are built from clusters.shape_cell cells, never from
// incidents, and every polygon is checked by polygon_withheld before it is written.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "analysis/dbscan.hpp"
#include "analysis/gistar_grid.hpp"
#include "analysis/nnh.hpp"
#include "app/tables/gistar_table.hpp"
#include "app/disclosure/polygon_disclosure.hpp"
#include "app/tables/polygon_table.hpp"
#include "app/stages/region_polygons.hpp"
#include "app/qgis/layer_styles.hpp"
#include "app/stages/stages.hpp"
#include "app/stages/worker_geos.hpp"
#include "app/stages/theme_layer.hpp"
#include "core/parallel.hpp"
#include "geo/cluster_shapes.hpp"
#include "geo/reproject.hpp"
#include "geo/study_area.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {
namespace {

struct Cluster {
  std::string method;  // dbscan, nnh1, nnh2
  std::vector<WeightedPoint> points;
  int rank = 0;
};

std::vector<Cluster> dbscan_clusters(const std::vector<WeightedPoint>& pts, const ClusterConfig& c) {
  const DbscanResult r = dbscan(pts, c.dbscan_eps, c.dbscan_min_points);
  std::vector<Cluster> out(static_cast<std::size_t>(r.clusters));
  for (auto& cl : out) cl.method = "dbscan";
  for (std::size_t i = 0; i < pts.size(); ++i)
    if (r.label[i] >= 0) out[static_cast<std::size_t>(r.label[i])].points.push_back(pts[i]);
  return out;
}

std::vector<Cluster> nnh_clusters(const std::vector<WeightedPoint>& pts, const ClusterConfig& c, double area_m2,
                                  double& threshold) {
  NnhParams p;
  p.study_area_m2 = area_m2;
  p.p = c.nnh_p;
  p.fixed_distance = c.nnh_distance;
  p.min_points = c.nnh_min_points;
  p.second_order = c.nnh_second_order;
  const NnhResult r = nnh(pts, p);
  threshold = r.threshold;
  std::vector<Cluster> out;
  for (const NnhCluster& f : r.first_order) {
    Cluster cl{"nnh1", {}, 0};
    for (std::size_t m : f.members) cl.points.push_back(pts[m]);
    out.push_back(std::move(cl));
  }
  for (const NnhCluster& s : r.second_order) {
    Cluster cl{"nnh2", {}, 0};
    for (std::size_t f : s.members)
      for (std::size_t m : r.first_order[f].members) cl.points.push_back(pts[m]);
    out.push_back(std::move(cl));
  }
  return out;
}


// The theme's DBSCAN and NNH clusters that may be published, ranked within
// each method, largest first, up to clusters.max_drawn of each. Disclosure: a
// cluster smaller than the theme's minimum is not published. The cap keeps a
// layer a map can show: at London's density, 30 months of all crime give some
// 77,000 first-order NNH clusters (most a single police.uk map point), whose
// outlines were half the run's time.
std::vector<Cluster> published_clusters(const RunInputs& run, const Theme& theme, const std::vector<WeightedPoint>& pts,
                                        ClusterTheme& sum) {
  const ClusterConfig& c = run.cfg.clusters;
  std::vector<Cluster> clusters = dbscan_clusters(pts, c);
  std::vector<Cluster> more = nnh_clusters(pts, c, run.ward_set->area_m2(), sum.nnh_threshold);
  clusters.insert(clusters.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  std::vector<Cluster> kept;
  for (Cluster& cl : clusters) {
    if (primary_suppressed(static_cast<double>(cl.points.size()), theme.min_count)) ++sum.withheld;  // its outlines would be
    else kept.push_back(std::move(cl));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Cluster& a, const Cluster& b) {
    if (a.method != b.method) return a.method < b.method;
    return a.points.size() > b.points.size();
  });
  for (std::size_t i = 0; i < kept.size(); ++i)
    kept[i].rank = (i > 0 && kept[i - 1].method == kept[i].method) ? kept[i - 1].rank + 1 : 1;
  std::vector<Cluster> drawn;
  for (Cluster& cl : kept) {
    if (c.max_drawn > 0 && cl.rank > c.max_drawn) ++sum.not_drawn;
    else drawn.push_back(std::move(cl));
  }
  return drawn;
}

// A cluster's three outlines, the incidents inside each, and the wards it covers.
struct Shaped {
  std::vector<std::pair<std::string, GeomPtr>> shapes;
  std::vector<Inside> inside;
  WardOverlapResult w;
};

// The outlines (the concave hull above all) are most of the stage: built on
// run.threads threads (WorkerGeos), into a slot per cluster.
std::vector<Shaped> shape_clusters(const RunInputs& run, const std::vector<Cluster>& kept, const IncidentCounter& counter,
                                   const WardOverlap& overlap) {
  const ClusterConfig& c = run.cfg.clusters;
  std::vector<Shaped> shaped(kept.size());
  const WorkerGeos workers(run, overlap, kept.size(), 4);
  parallel_for(kept.size(), workers.count(), [&](std::size_t k, int worker) {
    const GeosContext& ctx = workers.context(worker);
    const WardOverlap& ov = workers.overlap(worker);
    const Cluster& cl = kept[k];
    Shaped& out = shaped[k];
    // Cells, not points: every vertex is a cell corner, the ellipse centre a cell centre.
    const std::vector<LatticeCell> cells = occupied_cells(cl.points, c.shape_cell);
    out.shapes.emplace_back("convex_hull", convex_hull(ctx, cells, c.shape_cell));
    out.shapes.emplace_back("concave_hull", concave_hull(ctx, cells, c.shape_cell, c.concave_ratio));
    out.shapes.emplace_back("ellipse", ellipse_polygon(ctx, deviational_ellipse(cells, c.shape_cell)));
    out.w = ov.of(out.shapes.front().second.get());
    for (auto& shape : out.shapes) {
      out.inside.push_back(counter.count(ctx, shape.second.get()));
      shape.second = GeomPtr(shape.second.release(), GeomDeleter{run.geos.get()});  // outlives the worker's context
    }
  });
  return shaped;
}

// Cluster outlines for one theme: three shapes per published cluster, the
// table and layer filled in cluster order.
FeatureLayer cluster_layer(const RunInputs& run, const Theme& theme, const std::vector<WeightedPoint>& pts,
                           const IncidentCounter& counter, const WardOverlap& overlap, ClusterTheme& sum) {
  const ClusterConfig& c = run.cfg.clusters;
  const std::vector<Cluster> kept = published_clusters(run, theme, pts, sum);
  const std::vector<Shaped> shaped = shape_clusters(run, kept, counter, overlap);
  std::vector<PolygonRow> rows;
  FeatureLayer layer{.name = "clusters_" + theme.id,
                     .description = fmt::format(
                         "{} clusters, {}: DBSCAN (eps {:.0f} m, min {} points) and NNH (threshold {:.0f} m, min {} "
                         "points). Shapes from the {:.0f} m cells the incidents occupy: convex hull, concave hull, 1-sd "
                         "ellipse. {}",
                         theme.label, run.cfg.period.label, c.dbscan_eps, c.dbscan_min_points, sum.nnh_threshold,
                         c.nnh_min_points, c.shape_cell, theme.proxy ? theme.proxy_note : "")};
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const Cluster& cl = kept[k];
    (cl.method == "dbscan" ? sum.dbscan : cl.method == "nnh1" ? sum.nnh1 : sum.nnh2)++;
    const WardOverlapResult& w = shaped[k].w;
    const std::string method_name = cl.method == "dbscan" ? "DBSCAN" : cl.method == "nnh1" ? "NNH" : "NNH 2nd-order";
    const std::string label = fmt::format("{} cluster {} \u2014 {}", method_name, cl.rank, ward_name_of(run, w));
    for (std::size_t j = 0; j < shaped[k].shapes.size(); ++j) {
      const auto& [shape, geom] = shaped[k].shapes[j];
      if (polygon_withheld(theme, counter.protection(), static_cast<long>(cl.points.size()), shaped[k].inside[j])) {
        ++sum.shapes_withheld;
        continue;
      }
      double area = 0;
      GEOSArea_r(run.geos.get(), geom.get(), &area);
      rows.push_back({.id = fmt::format("{}-{}-{}", theme.id, cl.method, cl.rank), .label = label, .method = cl.method,
                      .shape = shape, .rank = cl.rank, .count = static_cast<long>(cl.points.size()), .area_m2 = area,
                      .wards = w});
      layer.wkb.push_back(reproject_wkb(run.geos, geom_to_wkb(run.geos, geom.get()), run.to_wgs84));
    }
  }
  layer.table = polygon_table(run, theme, rows);
  return layer;
}

// The theme's incidents counted on the Gi* grid over the study area.
Grid gistar_counts(const RunInputs& run, const Theme& theme, const std::vector<const Incident*>& incidents) {
  const ClusterConfig& c = run.cfg.clusters;
  const Bounds& e = run.ward_set->extent();
  run.grid_budget().check(grid_size(e.max_x - e.min_x, e.max_y - e.min_y, 0, c.gistar_cell), c.gistar_cell,
                          kGiStarBytesPerCell, "the Gi* grid of " + theme.id, "clusters.gistar_cell");
  Grid counts;
  counts.spec = aligned_grid(e.min_x, e.min_y, e.max_x, e.max_y, c.gistar_cell, 0);
  counts.in_area = cells_in_area(run.geos, run.ward_set->area(), counts.spec);
  counts.values.assign(counts.spec.size(), 0.0);
  for (const Incident* inc : incidents) {
    const double fc = (inc->x - counts.spec.origin_x) / c.gistar_cell, fr = (counts.spec.origin_y - inc->y) / c.gistar_cell;
    if (fc >= 0 && fr >= 0 && fc < counts.spec.nx && fr < counts.spec.ny)
      counts.values[counts.spec.index(static_cast<int>(fr), static_cast<int>(fc))] += 1;
  }
  return counts;
}

// Gi* hot and cold spots: connected cells sharing a significance bin.
FeatureLayer gistar_layer(const RunInputs& run, const Theme& theme, const std::vector<const Incident*>& incidents,
                          const WardOverlap& overlap, ClusterTheme& sum) {
  const ClusterConfig& c = run.cfg.clusters;
  const Grid counts = gistar_counts(run, theme, incidents);
  const double band = c.gistar_band ? *c.gistar_band : c.gistar_cell * std::sqrt(2.0) * (1 + 1e-9);
  const ThemeProtection protection = protection_of(run.cfg, theme);
  const IncidentCounter counter(run.geos, incidents, &protection);  // one sort for the six bins
  const GiStarGridResult gi = gistar_grid(counts, band, c.correction);
  std::vector<double> z = gi.z;
  for (double& v : z) if (!std::isfinite(v)) v = 0;

  std::vector<GistarRow> rows;
  FeatureLayer layer{.name = "gistar_" + theme.id,
                     .description = fmt::format(
                         "{} Gi* hot and cold spots, {}: {:.0f} m cells, band {:.0f} m, {} correction. Bins as ArcGIS "
                         "Gi_Bin: +-3 99%, +-2 95%, +-1 90% confidence. {}",
                         theme.label, run.cfg.period.label, c.gistar_cell, band, name_of(c.correction),
                         theme.proxy ? theme.proxy_note : "")};
  const char* confidence[] = {"", "90%", "95%", "99%"};
  for (int b : {3, 2, 1, -1, -2, -3}) {
    std::vector<std::uint8_t> mask(counts.spec.size(), 0);
    for (std::size_t i = 0; i < mask.size(); ++i) mask[i] = gi.bin[i] == b;
    std::vector<RegionPolygon> regions = region_polygons(run, overlap, counts.spec, mask,
                                                         {.values = z, .incidents = incidents, .counter = &counter});
    std::stable_sort(regions.begin(), regions.end(), [](const RegionPolygon& x, const RegionPolygon& y) {
      return x.incidents > y.incidents;
    });
    int rank = 0;
    for (RegionPolygon& r : regions) {
      // On sparse monthly counts a lone incident makes its cell "significant";
      // hot spots need as many incidents as a KDE hotspot does.
      if (b > 0 && r.incidents < run.cfg.kde.min_incidents) {
        ++sum.dropped;
        continue;
      }
      if (polygon_withheld(theme, protection, r.incidents, {r.inside, r.inside_protected})) {
        ++sum.withheld;
        continue;
      }
      ++rank;
      (b > 0 ? sum.hot : sum.cold)++;
      const std::string kind = b > 0 ? "Hot spot" : "Cold spot";
      rows.push_back({.polygon = {.id = fmt::format("{}-gi{:+d}-{}", theme.id, b, rank),
                                  .label = fmt::format("{} {} \u2014 {} ({})", kind, rank, ward_name_of(run, r.wards),
                                                       confidence[std::abs(b)]),
                                  .method = "gistar", .shape = "cells", .rank = rank, .count = r.incidents,
                                  .area_m2 = r.area_m2, .wards = r.wards},
                      .bin = b, .confidence = confidence[std::abs(b)],
                      .max_abs_z = b > 0 ? r.max_value : -r.min_value});
      layer.wkb.push_back(reproject_wkb(run.geos, geom_to_wkb(run.geos, r.geom.get()), run.to_wgs84));
    }
  }
  layer.table = gistar_table(run, theme, rows);
  return layer;
}

}  // namespace

ClusterResult compute_clusters(const RunInputs& run, Progress& progress) {
  const RunConfig& cfg = run.cfg;
  const WardOverlap overlap(run.geos, *run.ward_set);
  ClusterResult r;
  for (std::size_t t = 0; t < cfg.taxonomy.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    progress.update("clusters", t, cfg.taxonomy.themes.size(), theme.label);
    const std::vector<const Incident*> incidents = run.period_incidents(t);
    std::vector<WeightedPoint> pts;
    for (const Incident* inc : incidents) pts.push_back({inc->x, inc->y, inc->weight});
    ClusterTheme sum;
    sum.theme = theme.id;
    const ThemeProtection protection = protection_of(cfg, theme);
    sum.clusters = cluster_layer(run, theme, pts, IncidentCounter(run.geos, incidents, &protection), overlap, sum);
    sum.gistar = gistar_layer(run, theme, incidents, overlap, sum);
    r.themes.push_back(std::move(sum));
  }
  progress.finish("clusters", fmt::format("{} themes", r.themes.size()));
  return r;
}

void publish_clusters(RunContext& run, const ClusterResult& r, std::ostream& out) {
  for (std::size_t t = 0; t < r.themes.size(); ++t) {
    const ClusterTheme& sum = r.themes[t];
    publish_theme_polygons(run, sum.clusters, t, {"clusters (DBSCAN, NNH)", cluster_outline_style(), DrawOrder::Clusters});
    publish_theme_polygons(run, sum.gistar, t, {"Gi* hot and cold spots", gistar_bins_style(), DrawOrder::SpaceTime});
    fmt::print(out, "  {:<24} {:>3} DBSCAN, {:>3} NNH, {:>3} Gi* hot spots{}\n", run.cfg.taxonomy.themes[t].label,
               sum.dbscan, sum.nnh1 + sum.nnh2, sum.hot,
               sum.not_drawn ? fmt::format(" ({} smaller clusters not drawn: clusters.max_drawn)", sum.not_drawn) : "");
  }
  const ClusterConfig c = run.cfg.clusters;
  run.stages.push_back({"clusters", [&r, c](JsonWriter& j) {
    j.value("dbscan_eps_m", c.dbscan_eps).value("dbscan_min_points", c.dbscan_min_points)
        .value("dbscan_border_rule", "first core point in input order").value("nnh_p", c.nnh_p);
    if (c.nnh_distance) j.value("nnh_fixed_distance_m", *c.nnh_distance);
    j.value("nnh_min_points", c.nnh_min_points).value("nnh_second_order", c.nnh_second_order)
        .value("max_drawn", c.max_drawn).value("concave_ratio", c.concave_ratio).value("ellipse", "1 sd, semi-axes sqrt(2) sd (ArcGIS)")
        .value("shape_cell_m", c.shape_cell)
        .value("shape_rule", "outlines built from occupied shape cells: hull vertices are cell corners, the ellipse "
                             "centre a cell centre; a polygon holding fewer than min_count incidents is withheld")
        .value("gistar_cell_m", c.gistar_cell)
        .value("gistar_band_m", c.gistar_band ? *c.gistar_band : c.gistar_cell * std::sqrt(2.0))
        .value("correction", name_of(c.correction)).value("outputs", "clusters_<theme>.geojson: one layer, method and shape properties");
    j.begin_array("themes");
    for (const ClusterTheme& s : r.themes)
      j.begin_object().value("theme", s.theme).value("dbscan_clusters", s.dbscan).value("nnh_threshold_m", s.nnh_threshold)
          .value("nnh_first_order", s.nnh1).value("nnh_second_order", s.nnh2).value("gistar_hot", s.hot)
          .value("gistar_cold", s.cold).value("gistar_hot_dropped_below_min_incidents", s.dropped)
          .value("withheld_small_count", s.withheld).value("shapes_withheld_small_count", s.shapes_withheld)
          .value("not_drawn_beyond_max_drawn", s.not_drawn).end_object();
    j.end_array();
  }});
}

}  // namespace hotspot
