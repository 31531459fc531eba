#include "analysis/point_index.hpp"

#include <algorithm>
#include <numeric>

namespace hotspot {

Locations distinct_locations(const std::vector<WeightedPoint>& pts) {
  std::vector<std::size_t> order(pts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return pts[a].x < pts[b].x || (pts[a].x == pts[b].x && pts[a].y < pts[b].y);
  });
  Locations loc;
  loc.of_point.resize(pts.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t i = order[k];
    if (k == 0 || pts[i].x != loc.x.back() || pts[i].y != loc.y.back()) {
      loc.x.push_back(pts[i].x);
      loc.y.push_back(pts[i].y);
      loc.members.emplace_back();
    }
    loc.members.back().push_back(i);  // ascending: stable sort keeps input order
    loc.of_point[i] = loc.x.size() - 1;
  }
  return loc;
}

void neighbours(const LocationTree& tree, const Locations& loc, std::size_t i, double radius_sq, bool inclusive,
                std::vector<std::uint32_t>& out) {
  const double q[2] = {loc.x[i], loc.y[i]};
  RadiusCollector collector(radius_sq, inclusive, out);
  tree.findNeighbors(collector, q, nanoflann::SearchParams());
}

DisjointSets::DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }

std::size_t DisjointSets::find(std::size_t a) {
  while (parent_[a] != a) {
    parent_[a] = parent_[parent_[a]];
    a = parent_[a];
  }
  return a;
}

void DisjointSets::unite(std::size_t a, std::size_t b) {
  a = find(a);
  b = find(b);
  if (a != b) parent_[std::max(a, b)] = std::min(a, b);
}

}  // namespace hotspot
