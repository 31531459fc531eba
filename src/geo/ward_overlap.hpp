#pragma once
// Which wards a polygon (a hotspot, a cluster hull) lies in, and the one it
// overlaps most, which names it ("Hotspot 1 — Romford Town"); and the check
// that the wards themselves do not overlap.
#include <vector>

#include "core/diagnostics.hpp"
#include "core/ward.hpp"
#include "geo/crs_transform.hpp"
#include "geo/envelope.hpp"
#include "geo/geos_handle.hpp"
#include "geo/ward_set.hpp"

namespace hotspot {

struct WardOverlapResult {
  std::vector<std::size_t> wards;  // overlapped with positive area, in ward order
  std::size_t main = 0;            // largest overlap (first in ward order on ties)
};

// A view of a WardSet for one thread: `ctx` is that thread's context. It reads
// only the set's polygons and R-tree, never its prepared geometries, so worker
// threads each make their own (it copies nothing).
class WardOverlap {
 public:
  WardOverlap(const GeosContext& ctx, const WardSet& wards) : ctx_(ctx), wards_(wards) {}
  WardOverlapResult of(const GEOSGeometry* g) const;

 private:
  const GeosContext& ctx_;
  const WardSet& wards_;
};

// Warns naming each pair of wards that overlap by more than a digitising
// sliver: a point in an overlap counts in the ward with the lowest code only.
void warn_overlapping_wards(const WardSet& set, const std::vector<Ward>& wards, Diagnostics& diag);

}  // namespace hotspot
