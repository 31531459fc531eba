#include "analysis/dbscan.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "analysis/point_index.hpp"

namespace hotspot {

DbscanResult dbscan(const std::vector<WeightedPoint>& points, double eps, int min_points) {
  DbscanResult r;
  r.label.assign(points.size(), -1);
  r.core.assign(points.size(), false);
  if (points.empty()) return r;
  const Locations loc = distinct_locations(points);  // must outlive the tree
  LocationTree tree(2, loc, nanoflann::KDTreeSingleIndexAdaptorParams(16));
  tree.buildIndex();
  const double radius_sq = eps * eps;  // squared once, here
  const std::size_t L = loc.x.size();

  // Neighbourhoods of distinct locations, with multiplicities: core status is
  // shared by every point at a location.
  std::vector<std::vector<std::uint32_t>> near(L);
  std::vector<char> core(L, 0);
  for (std::size_t i = 0; i < L; ++i) {
    neighbours(tree, loc, i, radius_sq, true, near[i]);
    std::size_t count = 0;
    for (std::uint32_t j : near[i]) count += loc.members[j].size();
    core[i] = count >= static_cast<std::size_t>(min_points);
  }
  // Clusters: core locations connected through core neighbours.
  DisjointSets sets(L);
  for (std::size_t i = 0; i < L; ++i)
    if (core[i])
      for (std::uint32_t j : near[i])
        if (core[j]) sets.unite(i, j);
  // Number clusters by the input order of their first core point.
  std::map<std::size_t, std::size_t> first_point;  // root -> smallest input index among its core points
  for (std::size_t i = 0; i < L; ++i)
    if (core[i]) {
      auto [it, fresh] = first_point.emplace(sets.find(i), loc.members[i].front());
      if (!fresh) it->second = std::min(it->second, loc.members[i].front());
    }
  std::vector<std::pair<std::size_t, std::size_t>> order;  // (first point, root)
  for (const auto& [root, first] : first_point) order.emplace_back(first, root);
  std::sort(order.begin(), order.end());
  std::map<std::size_t, int> id_of_root;
  for (std::size_t k = 0; k < order.size(); ++k) id_of_root[order[k].second] = static_cast<int>(k);
  r.clusters = static_cast<int>(order.size());

  for (std::size_t i = 0; i < L; ++i) {
    int label = -1;
    if (core[i]) {
      label = id_of_root[sets.find(i)];
    } else {
      // Border: the cluster of the first core point, in input order, within eps.
      std::size_t best = std::numeric_limits<std::size_t>::max();
      for (std::uint32_t j : near[i])
        if (core[j] && loc.members[j].front() < best) {
          best = loc.members[j].front();
          label = id_of_root[sets.find(j)];
        }
    }
    for (std::size_t p : loc.members[i]) {
      r.label[p] = label;
      r.core[p] = core[i];
    }
  }
  return r;
}

}  // namespace hotspot
