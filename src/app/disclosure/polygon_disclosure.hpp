#pragma once
// The one publication rule for every polygon in the pack (cluster outlines,
// Gi* regions, KDE hotspots): a polygon of a theme with min_count = m > 1 is
// published only when at least m of the theme's incidents lie strictly inside
// it. The count is taken on the geometry as published (after clipping and
// generalisation), not on the cells or cluster it came from, because that is
// what a reader can count. Points on the boundary do not count: a reader
// cannot tell on which side they fall. A polygon holding no incident is
// withheld too for such a theme: the rule is simply "fewer than m".
#include <cstddef>
#include <utility>
#include <vector>

#include "core/incident.hpp"
#include "core/theme.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

inline bool polygon_withheld(const Theme& theme, long inside) {
  return theme.min_count > 1 && inside < theme.min_count;
}

// Counts incidents strictly inside polygons; points are sorted by x once, so
// each count touches only the points in the polygon's x range.
class IncidentCounter {
 public:
  IncidentCounter(const GeosContext& ctx, const std::vector<const Incident*>& incidents);
  long inside(const GEOSGeometry* polygon) const { return inside(ctx_, polygon); }
  // The same on another thread's context (the counter itself is only read).
  long inside(const GeosContext& ctx, const GEOSGeometry* polygon) const;

 private:
  const GeosContext& ctx_;
  std::vector<std::pair<double, double>> xy_;
};

}  // namespace hotspot
