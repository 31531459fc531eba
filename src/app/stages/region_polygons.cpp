#include "app/stages/region_polygons.hpp"

#include "analysis/regions.hpp"
#include "app/disclosure/polygon_disclosure.hpp"
#include <optional>

#include "app/stages/worker_geos.hpp"
#include "geo/polygonize.hpp"

namespace hotspot {

namespace {

// Each region's cells, the range and mean of `values` over them (the mean
// still a sum: divided once clipped), and the incidents whose cell it holds,
// with their months for `history`.
std::vector<RegionPolygon> region_counts(const Regions& regions, const GridSpec& spec, const std::vector<double>& values,
                                         const std::vector<const Incident*>& incidents,
                                         const std::vector<const Incident*>& history, const Period& history_window) {
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
  return out;
}

}  // namespace

std::vector<RegionPolygon> region_polygons(const RunInputs& run, const WardOverlap& overlap, const GridSpec& spec,
                                           const std::vector<std::uint8_t>& mask, const std::vector<double>& values,
                                           const std::vector<const Incident*>& incidents,
                                           const std::vector<const Incident*>& history,
                                           const Period& history_window,
                                           const IncidentCounter* shared_counter) {
  const Regions regions = label_regions(mask, spec);
  if (regions.count == 0) return {};
  std::vector<GeomPtr> polygons = polygonize_regions(run.geos, regions.label, regions.count, spec);
  std::vector<RegionPolygon> out = region_counts(regions, spec, values, incidents, history, history_window);
  std::optional<IncidentCounter> own_counter;
  if (!shared_counter) own_counter.emplace(run.geos, incidents);
  const IncidentCounter& counter = shared_counter ? *shared_counter : *own_counter;

  // Clipping to the study area is most of the time: regions are clipped on
  // run.threads threads (WorkerGeos), which read the shared study area and
  // ward polygons, which nobody changes after the WardSet is built; every
  // region's result goes to its own slot.
  const WorkerGeos workers(run, overlap, out.size(), 8);
  const GEOSGeometry* area = run.ward_set->area();
  parallel_for(out.size(), workers.count(), [&](std::size_t k, int worker) {
    const GeosContext& ctx = workers.context(worker);
    RegionPolygon& r = out[k];
    r.mean_value /= static_cast<double>(r.cells);
    GeomPtr clipped = own(ctx, GEOSIntersection_r(ctx.get(), polygons[k].get(), area), "clipping a region");
    GEOSArea_r(ctx.get(), clipped.get(), &r.area_m2);
    const Inside in = counter.count(ctx, clipped.get());
    r.inside = in.all;
    r.inside_protected = in.covered;
    r.wards = workers.overlap(worker).of(clipped.get());
    r.geom = GeomPtr(clipped.release(), GeomDeleter{run.geos.get()});  // outlives the worker's context
  });
  return out;
}

}  // namespace hotspot
