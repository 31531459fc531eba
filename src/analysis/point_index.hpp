#pragma once
// Distinct locations of a point set with their multiplicities, and a
// nanoflann KD-tree over them for radius queries. Police.uk snaps hundreds of
// incidents onto one map point; collapsing them first keeps neighbour queries
// from growing with the square of the ties.
#include <nanoflann.hpp>

#include <cmath>
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

// Union-find with path halving, for connected groups.
class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n);
  std::size_t find(std::size_t a);
  void unite(std::size_t a, std::size_t b);

 private:
  std::vector<std::size_t> parent_;
};

}  // namespace hotspot
