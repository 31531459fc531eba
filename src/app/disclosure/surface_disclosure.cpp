#include "app/disclosure/surface_disclosure.hpp"

namespace hotspot {

PublishedSurface publishable_surface(const Grid& surface, const AggregatePartition& partition) {
  PublishedSurface out;
  out.in_area = surface.in_area;
  if (out.in_area.empty()) out.in_area.assign(surface.spec.size(), 1);
  for (std::uint8_t c : out.in_area) out.published += c != 0;
  out.regions = partition.regions.size();
  for (const AggregateRegion& r : partition.regions) out.protected_incidents += r.count;
  out.undrawn = partition.undrawn;
  out.pinned = partition.pinned;
  return out;
}

Grid PublishedSurface::applied_to(const Grid& surface) const {
  Grid g;
  g.spec = surface.spec;
  g.values = surface.values;
  g.in_area = in_area;
  return g;
}

}  // namespace hotspot
