#pragma once
// The one publication rule for every polygon in the pack (cluster outlines,
// Gi* regions, emerging areas, KDE hotspots), count and shape together: a
// polygon of a theme with min_count = m > 1 is withheld when the count it
// stands for (the incidents of the cells or cluster it was drawn from, which
// its table may print) is small by the primary rule, or when fewer than m of
// the theme's incidents lie strictly inside it. The second count is taken on
// the geometry as published (after clipping and generalisation), because that
// is what a reader can count. Points on the boundary do not count: a reader
// cannot tell on which side they fall. A polygon holding no incident is
// withheld too for such a theme: the rule is simply "fewer than m".
#include <cstddef>
#include <utility>
#include <vector>

#include "core/incident.hpp"
#include "core/theme.hpp"
#include "core/withheld.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

inline bool polygon_withheld(const Theme& theme, long incidents, long inside) {
  return primary_suppressed(static_cast<double>(incidents), theme.min_count) ||
         (theme.min_count > 1 && inside < theme.min_count);
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
