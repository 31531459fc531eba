#pragma once
// Point-in-ward lookup over a WardSet (which owns one; see ward_set.hpp).
//
// A lookup grid is burnt with GDAL's rasterizer: each cell holds the ward that
// contains it entirely, "outside every ward", or "near a boundary". Boundary
// cells are found by rasterising every ward's boundary with ALL_TOUCHED and
// growing the result by one cell, so any cell not marked lies wholly inside one
// ward or wholly outside all of them. Only points in boundary cells pay for an
// exact test: the WardSet's R-tree over ward envelopes, then GEOS prepared
// `covers` in ward order. That keeps the exact answer while most points cost
// one array read (GEOS 3.11 has no ContainsXY, so each exact test allocates a
// point). A point on an edge shared by two wards goes to the ward that comes
// first in ward order (wards are sorted by code), so the choice is deterministic.
// Overlapping wards (a boundary file that is not a tiling, or two editions
// selected at once) follow the same rule: a point in the overlap goes to the
// ward with the lowest code, and the WardSet warns naming each pair.
//
// Not thread-safe: GEOS prepared geometries build their indexes lazily, so
// only the thread that built the WardSet may call locate.
#include <cstdint>
#include <vector>

#include "core/incident.hpp"
#include "geo/crs_transform.hpp"
#include "geo/ward_set.hpp"

namespace hotspot {

class WardIndex {
 public:
  // Keeps a reference to `wards`, which must outlive it (the WardSet owns its index).
  explicit WardIndex(const WardSet& wards);
  // Index of the ward holding (x, y), or kNoWard.
  std::uint32_t locate(double x, double y) const;
  const Bounds& extent() const { return wards_.extent(); }
  std::size_t ward_count() const { return wards_.size(); }
  double cell_size() const { return cell_; }
  // Share of lookup cells that need an exact test (for benchmarks and tuning).
  double boundary_cell_share() const;

 private:
  static constexpr std::uint32_t kBoundary = 0xfffffffeu;

  std::uint32_t locate_exact(double x, double y) const;
  void build_lookup_grid();

  const WardSet& wards_;
  double cell_ = 0;
  double origin_x_ = 0, origin_y_ = 0;  // top-left corner of the lookup grid
  int nx_ = 0, ny_ = 0;
  std::vector<std::uint32_t> cells_;
  mutable std::vector<std::uint32_t> hits_;  // reused by locate_exact
};

}  // namespace hotspot
