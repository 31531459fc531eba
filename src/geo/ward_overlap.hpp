#pragma once
// Which wards a polygon (a hotspot, a cluster hull) lies in, and the one it
// overlaps most, which names it ("Hotspot 1 — Romford Town").
#include <vector>

#include "core/ward.hpp"
#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

struct WardOverlapResult {
  std::vector<std::size_t> wards;  // overlapped with positive area, in ward order
  std::size_t main = 0;            // largest overlap (first in ward order on ties)
};

class WardOverlap {
 public:
  WardOverlap(const GeosContext& ctx, const std::vector<Ward>& wards);
  WardOverlapResult of(const GEOSGeometry* g) const;

 private:
  const GeosContext& ctx_;
  std::vector<GeomPtr> geoms_;
  std::vector<Bounds> boxes_;
};

Bounds envelope(const GeosContext& ctx, const GEOSGeometry* g);

}  // namespace hotspot
