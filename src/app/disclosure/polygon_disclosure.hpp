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
//
// Overlapping themes (theme_protection.hpp): a theme that can hold a
// protected theme's incidents (police.uk violence holds every VAWG incident)
// has each polygon withheld also when the protected incidents strictly inside
// it number 1 to m - 1, m the protected theme's minimum. Its own count alone
// would not do: a violence polygon of 12 holding 2 VAWG incidents, beside a
// robbery and a weapons polygon of the same cells, gives 2 by subtraction.
#include <cstddef>
#include <tuple>
#include <utility>
#include <vector>

#include "core/incident.hpp"
#include "core/theme.hpp"
#include "core/withheld.hpp"
#include "app/disclosure/theme_protection.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

// What lies strictly inside a polygon: every incident of the theme, and those
// of them that are protected content.
struct Inside {
  long all = 0;
  long covered = 0;
};

// The judge of every layer. `incidents`: the count the polygon stands for (its
// cells' or cluster's, which its table may print); `inside`: what lies
// strictly inside it as published; `protection`: the theme's, from the
// protected themes it can contain.
inline bool polygon_withheld(const Theme& theme, const ThemeProtection& protection, long incidents, Inside inside) {
  return primary_suppressed(static_cast<double>(incidents), theme.min_count) ||
         (theme.min_count > 1 && inside.all < theme.min_count) ||
         (protection.any() && inside.covered >= 1 && inside.covered < protection.min_count);
}

// Counts incidents strictly inside polygons; their distinct locations are
// sorted by x once, so each count tests only the locations in the polygon's x
// range, each once however many incidents it holds (police.uk snaps 1.16 M
// incidents onto ~100 k map points: sorting every incident was 6% of a
// London-density run).
class IncidentCounter {
 public:
  // `protection`: which incidents are protected content (none when null).
  IncidentCounter(const GeosContext& ctx, const std::vector<const Incident*>& incidents,
                  const ThemeProtection* protection = nullptr);
  long inside(const GEOSGeometry* polygon) const { return count(ctx_, polygon).all; }
  // The same on another thread's context (the counter itself is only read).
  long inside(const GeosContext& ctx, const GEOSGeometry* polygon) const { return count(ctx, polygon).all; }
  Inside count(const GeosContext& ctx, const GEOSGeometry* polygon) const;
  const ThemeProtection& protection() const { return protection_; }

 private:
  const GeosContext& ctx_;
  ThemeProtection protection_;
  struct Location {
    double x, y;
    bool covered;  // protected content
    long incidents;
    auto key() const { return std::tie(x, y, covered); }
  };
  std::vector<Location> at_;  // sorted by key
};

}  // namespace hotspot
