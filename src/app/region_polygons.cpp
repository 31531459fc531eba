#include "app/region_polygons.hpp"

#include "analysis/regions.hpp"
#include "app/polygon_disclosure.hpp"
#include "geo/polygonize.hpp"

namespace hotspot {

std::vector<RegionPolygon> region_polygons(const RunContext& run, const WardOverlap& overlap, const GridSpec& spec,
                                           const std::vector<std::uint8_t>& mask, const std::vector<double>& values,
                                           const std::vector<const Incident*>& incidents,
                                           const std::vector<const Incident*>& history,
                                           const Period& history_window) {
  const Regions regions = label_regions(mask, spec);
  if (regions.count == 0) return {};
  std::vector<GeomPtr> polygons = polygonize_regions(run.geos, regions.label, regions.count, spec);
  std::vector<RegionPolygon> out(static_cast<std::size_t>(regions.count));
  for (std::size_t i = 0; i < spec.size(); ++i) {
    if (!regions.label[i]) continue;
    RegionPolygon& r = out[static_cast<std::size_t>(regions.label[i] - 1)];
    r.max_value = std::max(r.max_value, values[i]);
    r.min_value = std::min(r.min_value, values[i]);
    r.mean_value += values[i];
    ++r.cells;
  }
  auto region_of = [&](const Incident* inc) -> std::int32_t {
    const double fc = (inc->x - spec.origin_x) / spec.cell, fr = (spec.origin_y - inc->y) / spec.cell;
    if (!(fc >= 0 && fr >= 0 && fc < spec.nx && fr < spec.ny)) return 0;
    return regions.label[spec.index(static_cast<int>(fr), static_cast<int>(fc))];
  };
  for (const Incident* inc : incidents)
    if (const std::int32_t label = region_of(inc)) ++out[static_cast<std::size_t>(label - 1)].incidents;
  if (!history.empty())
    for (RegionPolygon& r : out) r.monthly.assign(static_cast<std::size_t>(history_window.months()), 0);
  for (const Incident* inc : history)
    if (const std::int32_t label = region_of(inc); label && history_window.contains(inc->month))
      ++out[static_cast<std::size_t>(label - 1)].monthly[static_cast<std::size_t>(inc->month - history_window.first)];
  const IncidentCounter counter(run.geos, incidents);
  for (std::size_t k = 0; k < out.size(); ++k) {
    RegionPolygon& r = out[k];
    r.mean_value /= static_cast<double>(r.cells);
    r.geom = own(run.geos, GEOSIntersection_r(run.geos.get(), polygons[k].get(), run.area.get()), "clipping a region");
    GEOSArea_r(run.geos.get(), r.geom.get(), &r.area_m2);
    r.inside = counter.inside(r.geom.get());
    r.wards = overlap.of(r.geom.get());
  }
  return out;
}

}  // namespace hotspot
