#include "app/disclosure/polygon_disclosure.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>

#include "core/point_key.hpp"
#include "geo/envelope.hpp"

namespace hotspot {

IncidentCounter::IncidentCounter(const GeosContext& ctx, const std::vector<const Incident*>& incidents,
                                 const ThemeProtection* protection)
    : ctx_(ctx), protection_(protection ? *protection : ThemeProtection{}) {
  const bool merge = repeats_worth_merging(incidents, [](const Incident* i) { return std::pair{i->x, i->y}; });
  std::unordered_map<PointKey, std::size_t, PointKeyHash> index[2];  // by protected or not
  for (const Incident* inc : incidents) {
    if (!std::isfinite(inc->x) || !std::isfinite(inc->y)) continue;
    const bool covered = protection_.any() && protection_.covers(inc->themes);
    if (!merge) {
      at_.push_back({inc->x, inc->y, covered, 1});
      continue;
    }
    const auto [it, fresh] = index[covered].try_emplace(PointKey::of(inc->x, inc->y), at_.size());
    if (fresh) at_.push_back({inc->x, inc->y, covered, 0});
    ++at_[it->second].incidents;
  }
  std::sort(at_.begin(), at_.end(), [](const Location& a, const Location& b) { return a.key() < b.key(); });
}

Inside IncidentCounter::count(const GeosContext& ctx, const GEOSGeometry* polygon) const {
  Inside n;
  if (at_.empty() || predicate_result(ctx, GEOSisEmpty_r(ctx.get(), polygon), "emptiness check")) return n;
  const auto [x0, y0, x1, y1] = envelope(ctx, polygon);
  const PreparedPtr prepared = prepare(ctx, polygon);
  auto it = std::lower_bound(at_.begin(), at_.end(), x0, [](const Location& l, double x) { return l.x < x; });
  for (; it != at_.end() && it->x <= x1; ++it) {
    if (it->y < y0 || it->y > y1) continue;
    const GeomPtr pt = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), it->x, it->y), "point");
    if (predicate_result(ctx, GEOSPreparedContainsProperly_r(ctx.get(), prepared.get(), pt.get()), "counting incidents")) {
      n.all += it->incidents;
      if (it->covered) n.covered += it->incidents;
    }
  }
  return n;
}

}  // namespace hotspot
