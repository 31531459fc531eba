#include "app/disclosure/polygon_disclosure.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <tuple>
#include <unordered_map>

#include "geo/envelope.hpp"

namespace hotspot {

IncidentCounter::IncidentCounter(const GeosContext& ctx, const std::vector<const Incident*>& incidents,
                                 const ThemeProtection* protection)
    : ctx_(ctx), protection_(protection ? *protection : ThemeProtection{}) {
  struct Key {
    std::uint64_t x, y;
    bool covered;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      return std::hash<std::uint64_t>{}((k.x * 0x9E3779B97F4A7C15ULL ^ k.y) + k.covered);
    }
  };
  std::unordered_map<Key, std::size_t, KeyHash> index;
  for (const Incident* inc : incidents) {
    if (!std::isfinite(inc->x) || !std::isfinite(inc->y)) continue;
    const bool covered = protection_.any() && protection_.covers(inc->themes);
    const auto [it, fresh] =
        index.try_emplace(Key{std::bit_cast<std::uint64_t>(inc->x), std::bit_cast<std::uint64_t>(inc->y), covered},
                          at_.size());
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
