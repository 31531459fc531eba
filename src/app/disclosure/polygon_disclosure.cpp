#include "app/disclosure/polygon_disclosure.hpp"

#include <algorithm>
#include <cmath>

namespace hotspot {

IncidentCounter::IncidentCounter(const GeosContext& ctx, const std::vector<const Incident*>& incidents) : ctx_(ctx) {
  xy_.reserve(incidents.size());
  for (const Incident* inc : incidents)
    if (std::isfinite(inc->x) && std::isfinite(inc->y)) xy_.emplace_back(inc->x, inc->y);
  std::sort(xy_.begin(), xy_.end());
}

long IncidentCounter::inside(const GeosContext& ctx, const GEOSGeometry* polygon) const {
  if (xy_.empty() || predicate_result(ctx, GEOSisEmpty_r(ctx.get(), polygon), "emptiness check")) return 0;
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  GEOSGeom_getXMin_r(ctx.get(), polygon, &x0);
  GEOSGeom_getXMax_r(ctx.get(), polygon, &x1);
  GEOSGeom_getYMin_r(ctx.get(), polygon, &y0);
  GEOSGeom_getYMax_r(ctx.get(), polygon, &y1);
  const PreparedPtr prepared = prepare(ctx, polygon);
  long n = 0;
  auto it = std::lower_bound(xy_.begin(), xy_.end(), std::pair<double, double>{x0, -HUGE_VAL});
  for (; it != xy_.end() && it->first <= x1; ++it) {
    if (it->second < y0 || it->second > y1) continue;
    const GeomPtr pt = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), it->first, it->second), "point");
    if (predicate_result(ctx, GEOSPreparedContainsProperly_r(ctx.get(), prepared.get(), pt.get()), "counting incidents"))
      ++n;
  }
  return n;
}

}  // namespace hotspot
