#pragma once
// Distinct locations of a point set with their multiplicities, and a
// nanoflann KD-tree over them for radius queries. Police.uk snaps hundreds of
// incidents onto one map point; collapsing them first keeps neighbour queries
// from growing with the square of the ties.
#include <nanoflann.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "analysis/kde.hpp"

namespace hotspot {

struct Locations {
  std::vector<double> x, y;
  std::vector<std::vector<std::size_t>> members;  // input indices at each location, ascending
  std::vector<std::size_t> of_point;              // location of each input point

  std::size_t kdtree_get_point_count() const { return x.size(); }
  double kdtree_get_pt(std::size_t i, std::size_t dim) const { return dim == 0 ? x[i] : y[i]; }
  template <class Box>
  bool kdtree_get_bbox(Box&) const { return false; }
};

Locations distinct_locations(const std::vector<WeightedPoint>& pts);

using LocationTree =
    nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, Locations>, Locations, 2, std::uint32_t>;

// Location indices within `radius` of (x, y): inclusive (d <= radius) when
// `inclusive`, else strictly closer. nanoflann's own result set excludes the
// boundary, so the bound is nudged by one ulp for the inclusive case.
class RadiusCollector {
 public:
  RadiusCollector(double radius_sq, bool inclusive, std::vector<std::uint32_t>& out)
      : bound_(inclusive ? std::nextafter(radius_sq, std::numeric_limits<double>::infinity()) : radius_sq), out_(out) {
    out_.clear();
  }
  std::size_t size() const { return out_.size(); }
  bool full() const { return true; }
  bool addPoint(double dist_sq, std::uint32_t index) {
    if (dist_sq < bound_) out_.push_back(index);
    return true;
  }
  double worstDist() const { return bound_; }

 private:
  double bound_;
  std::vector<std::uint32_t>& out_;
};

// Neighbour locations of location i (itself included) within radius.
void neighbours(const LocationTree& tree, const Locations& loc, std::size_t i, double radius_sq, bool inclusive,
                std::vector<std::uint32_t>& out);

// Distinct locations bucketed into square cells for fixed-radius clustering
// (DBSCAN, NNH) in memory linear in the points and without neighbour lists.
//
// Cells have side radius / sqrt(2) (shrunk by 1e-9), so two locations in one
// cell are nearly always within the radius. A cell is `tight` when that is
// proved: the squared diagonal of its locations' bounding box passes the same
// floating-point test as a pair does (the test is monotone in |dx| and |dy|,
// so every pair inside the box passes too). Callers may then treat the cell
// as one mutually connected block; a cell that is not tight (tiny radius on
// large coordinates) is tested pair by pair. Any location within the radius
// of a location in cell (cx, cy) lies in cells cx-2..cx+2, cy-2..cy+2.
//
// Pair test, as nanoflann's L2 metric computes it: dx*dx + dy*dy <= r*r
// (inclusive, scikit-learn's DBSCAN) or < r*r (strict, NNH).
class LocationGrid {
 public:
  struct Location {
    double x = 0, y = 0;
    std::size_t first = 0;  // smallest input index at this location
    std::size_t count = 0;  // input points at this location
  };
  struct Cell {
    std::int64_t cx = 0, cy = 0;
    std::uint32_t begin = 0, end = 0;  // its locations: [begin, end)
    std::size_t points = 0;            // input points in the cell
    bool tight = false;
  };

  // Cell side / radius: just under 1/sqrt(2), so rounding rarely leaves a
  // cell untight. Tests pass coarser cells (up to 1) to exercise the
  // pair-by-pair path; the 5 x 5 reach holds for any ratio in [0.55, 1].
  static constexpr double kCellRatio = 0.70710678118654752 * (1 - 1e-9);

  // Throws std::invalid_argument for a radius that is not positive, a ratio
  // outside [0.55, 1], a non-finite coordinate, or a radius so small against
  // the points' extent (over 2^50 cells across) that rounding of cell
  // indices could break the 5 x 5 reach.
  LocationGrid(const std::vector<WeightedPoint>& pts, double radius, bool inclusive, double cell_ratio = kCellRatio);

  const std::vector<Location>& locations() const { return locations_; }
  const std::vector<Cell>& cells() const { return cells_; }
  std::size_t point_count() const { return location_of_point_.size(); }
  // Location of each input point.
  std::uint32_t location_of(std::size_t point) const { return location_of_point_[point]; }

  bool within(std::uint32_t a, std::uint32_t b) const {
    const double dx = locations_[a].x - locations_[b].x, dy = locations_[a].y - locations_[b].y;
    return passes(dx * dx + dy * dy);
  }

  // Calls visit(cell index) for every other cell that may hold a location
  // within the radius of one in cell c, in ascending index order; stops early
  // when visit returns false.
  template <class Visit>
  void for_each_neighbour(std::uint32_t c, Visit visit) const {
    const Cell& home = cells_[c];
    for (std::int64_t dx = -2; dx <= 2; ++dx) {
      std::uint32_t i = first_at_or_after(home.cx + dx, home.cy - 2);
      for (; i < cells_.size() && cells_[i].cx == home.cx + dx && cells_[i].cy <= home.cy + 2; ++i)
        if (i != c && !visit(i)) return;
    }
  }

 private:
  bool passes(double dist_sq) const { return inclusive_ ? dist_sq <= radius_sq_ : dist_sq < radius_sq_; }
  std::uint32_t first_at_or_after(std::int64_t cx, std::int64_t cy) const;

  double radius_sq_;
  bool inclusive_;
  std::vector<Location> locations_;  // grouped by cell, cells in (cx, cy) order
  std::vector<Cell> cells_;          // sorted by (cx, cy)
  std::vector<std::uint32_t> location_of_point_;
};

// Union-find with path halving, for connected groups.
class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n);
  std::size_t find(std::size_t a);
  void unite(std::size_t a, std::size_t b);

 private:
  std::vector<std::size_t> parent_;
};

// Unites, in `sets` (one element per grid location), every two locations
// flagged in `member` that pass the grid's pair test. A tight cell's members
// are one block at once; between two tight cells one pair is enough, and
// none is searched once both are in one set. Nothing is stored per pair.
void unite_within_radius(const LocationGrid& grid, const std::vector<char>& member, DisjointSets& sets);

}  // namespace hotspot
