#include "app/disclosure/polygon_disclosure.hpp"

#include <algorithm>
#include <cmath>

#include "geo/envelope.hpp"

namespace hotspot {

IncidentCounter::IncidentCounter(const GeosContext& ctx, const std::vector<const Incident*>& incidents,
                                 const ThemeProtection* protection)
    : ctx_(ctx), protection_(protection ? *protection : ThemeProtection{}) {
  xy_.reserve(incidents.size());
  for (const Incident* inc : incidents)
    if (std::isfinite(inc->x) && std::isfinite(inc->y))
      xy_.emplace_back(inc->x, inc->y, protection_.any() && protection_.covers(inc->themes));
  std::sort(xy_.begin(), xy_.end());
}

Inside IncidentCounter::count(const GeosContext& ctx, const GEOSGeometry* polygon) const {
  Inside n;
  if (xy_.empty() || predicate_result(ctx, GEOSisEmpty_r(ctx.get(), polygon), "emptiness check")) return n;
  const auto [x0, y0, x1, y1] = envelope(ctx, polygon);
  const PreparedPtr prepared = prepare(ctx, polygon);
  auto it = std::lower_bound(xy_.begin(), xy_.end(), std::tuple<double, double, bool>{x0, -HUGE_VAL, false});
  for (; it != xy_.end() && std::get<0>(*it) <= x1; ++it) {
    const auto [x, y, covered] = *it;
    if (y < y0 || y > y1) continue;
    const GeomPtr pt = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), x, y), "point");
    if (predicate_result(ctx, GEOSPreparedContainsProperly_r(ctx.get(), prepared.get(), pt.get()), "counting incidents")) {
      ++n.all;
      n.covered += covered;
    }
  }
  return n;
}

}  // namespace hotspot
