#pragma once
// Point-in-ward lookup.
//
// A lookup grid is burnt with GDAL's rasterizer: each cell holds the ward that
// contains it entirely, "outside every ward", or "near a boundary". Boundary
// cells are found by rasterising every ward's boundary with ALL_TOUCHED and
// growing the result by one cell, so any cell not marked lies wholly inside one
// ward or wholly outside all of them. Only points in boundary cells pay for an
// exact test: Boost.Geometry R-tree over ward envelopes, then GEOS prepared
// `covers` in ward order. That keeps the exact answer while most points cost
// one array read (GEOS 3.11 has no ContainsXY, so each exact test allocates a
// point). A point on an edge shared by two wards goes to the ward that comes
// first in ward order (wards are sorted by code), so the choice is deterministic.
// Overlapping wards (a boundary file that is not a tiling, or two editions
// selected at once) follow the same rule: a point in the overlap goes to the
// ward with the lowest code, and the constructor warns naming each pair.
//
// Not thread-safe: GEOS prepared geometries build their indexes lazily.
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cstdint>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/incident.hpp"
#include "core/ward.hpp"
#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

class WardIndex {
 public:
  // Warnings about overlapping wards go to `diag` when given.
  WardIndex(const GeosContext& ctx, const std::vector<Ward>& wards, Diagnostics* diag = nullptr);
  // Index of the ward holding (x, y), or kNoWard.
  std::uint32_t locate(double x, double y) const;
  const Bounds& extent() const { return extent_; }
  std::size_t ward_count() const { return geoms_.size(); }
  double cell_size() const { return cell_; }
  // Share of lookup cells that need an exact test (for benchmarks and tuning).
  double boundary_cell_share() const;

 private:
  using BPoint = boost::geometry::model::point<double, 2, boost::geometry::cs::cartesian>;
  using BBox = boost::geometry::model::box<BPoint>;
  using Entry = std::pair<BBox, std::uint32_t>;
  static constexpr std::uint32_t kBoundary = 0xfffffffeu;

  std::uint32_t locate_exact(double x, double y) const;
  void build_lookup_grid();
  void warn_overlaps(const std::vector<Ward>& wards, Diagnostics& diag) const;

  const GeosContext& ctx_;
  std::vector<GeomPtr> geoms_;
  std::vector<PreparedPtr> prepared_;
  boost::geometry::index::rtree<Entry, boost::geometry::index::quadratic<16>> tree_;
  Bounds extent_;
  double cell_ = 0;
  double origin_x_ = 0, origin_y_ = 0;  // top-left corner of the lookup grid
  int nx_ = 0, ny_ = 0;
  std::vector<std::uint32_t> cells_;
  mutable std::vector<Entry> hits_;
};

}  // namespace hotspot
