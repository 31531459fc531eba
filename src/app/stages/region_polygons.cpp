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
// with their months for `history`, and the count of `window` when given.
std::vector<RegionPolygon> region_counts(const Regions& regions, const GridSpec& spec, const RegionSources& in) {
  std::vector<RegionPolygon> out(static_cast<std::size_t>(regions.count));
  for (std::size_t i = 0; i < spec.size(); ++i) {
    if (!regions.label[i]) continue;
    RegionPolygon& r = out[static_cast<std::size_t>(regions.label[i] - 1)];
    r.max_value = std::max(r.max_value, in.values[i]);
    r.min_value = std::min(r.min_value, in.values[i]);
    r.mean_value += in.values[i];
    ++r.cells;
  }
  auto region_of = [&](const Incident* inc) -> std::int32_t {
    const double fc = (inc->x - spec.origin_x) / spec.cell, fr = (spec.origin_y - inc->y) / spec.cell;
    if (!(fc >= 0 && fr >= 0 && fc < spec.nx && fr < spec.ny)) return 0;
    return regions.label[spec.index(static_cast<int>(fr), static_cast<int>(fc))];
  };
  for (const Incident* inc : in.incidents)
    if (const std::int32_t label = region_of(inc)) ++out[static_cast<std::size_t>(label - 1)].incidents;
  const Period& months = in.history_window;
  if (!in.history.empty())
    for (RegionPolygon& r : out) r.monthly.assign(static_cast<std::size_t>(months.months()), 0);
  for (const Incident* inc : in.history)
    if (const std::int32_t label = region_of(inc); label && months.contains(inc->month))
      ++out[static_cast<std::size_t>(label - 1)].monthly[static_cast<std::size_t>(inc->month - months.first)];
  if (in.window)
    for (const Incident* inc : *in.window)
      if (const std::int32_t label = region_of(inc)) ++out[static_cast<std::size_t>(label - 1)].window_incidents;
  return out;
}

}  // namespace

// Labelled regions as polygons clipped to the study area, with what lies inside.
std::vector<RegionPolygon> region_polygons(const RunInputs& run, const WardOverlap& overlap, const GridSpec& spec,
                                           const Regions& regions, const RegionSources& in) {
  if (regions.count == 0) return {};
  std::vector<GeomPtr> polygons = polygonize_regions(run.geos, regions.label, regions.count, spec);
  std::vector<RegionPolygon> out = region_counts(regions, spec, in);
  std::optional<IncidentCounter> own_counter, window_counter;
  if (!in.counter) own_counter.emplace(run.geos, in.incidents);
  if (in.window) window_counter.emplace(run.geos, *in.window, in.window_protection);
  const IncidentCounter& counter = in.counter ? *in.counter : *own_counter;

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
    const Inside counted = counter.count(ctx, clipped.get());
    r.inside = counted.all;
    r.inside_protected = counted.covered;
    if (window_counter) {
      const Inside w = window_counter->count(ctx, clipped.get());
      r.window_inside = w.all;
      r.window_inside_protected = w.covered;
    }
    r.wards = workers.overlap(worker).of(clipped.get());
    r.geom = GeomPtr(clipped.release(), GeomDeleter{run.geos.get()});  // outlives the worker's context
  });
  return out;
}

std::vector<RegionPolygon> region_polygons(const RunInputs& run, const WardOverlap& overlap, const GridSpec& spec,
                                           const std::vector<std::uint8_t>& mask, const RegionSources& sources) {
  return region_polygons(run, overlap, spec, label_regions(mask, spec), sources);
}

}  // namespace hotspot
