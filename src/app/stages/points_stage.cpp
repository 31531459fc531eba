// The points stage: points_<theme>.geojson in the restricted folder, only for
// a theme that sets export_points = true; otherwise no incident point leaves.
#include "app/stages/stages.hpp"
#include "app/tables/points_table.hpp"
#include "geo/reproject.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {

PointsResult compute_points(const RunInputs& run) {
  const RunConfig& cfg = run.cfg;
  PointsResult r;
  for (std::size_t t = 0; t < cfg.taxonomy.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    if (!theme.export_points) continue;  // points leave only when a theme asks
    const std::vector<const Incident*> incidents = run.period_incidents(t);
    FeatureLayer layer{"points_" + theme.id, "Incident points exported because export_points = true",
                       points_table(incidents, run.wards.wards), {}, wkbPoint};
    for (const Incident* inc : incidents) {
      double x = inc->x, y = inc->y;
      run.to_wgs84.apply(x, y);
      GeomPtr p = own(run.geos, GEOSGeom_createPointFromXY_r(run.geos.get(), x, y), "point");
      layer.wkb.push_back(geom_to_wkb(run.geos, p.get()));
    }
    r.layers.push_back(std::move(layer));
  }
  return r;
}

void publish_points(RunContext& run, const PointsResult& r, std::ostream&) {
  for (const FeatureLayer& layer : r.layers) {
    const std::string name = layer.name + ".geojson";
    write_geojson(run.restricted_path(name), layer.view());  // row-level: never in the pack
    run.record_restricted(name);
  }
}

}  // namespace hotspot
