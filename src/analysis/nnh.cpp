#include "analysis/nnh.hpp"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/point_index.hpp"

namespace hotspot {

double nnh_threshold(std::size_t n, double area_m2, double p) {
  if (n == 0 || !(area_m2 > 0)) return 0;
  const double N = static_cast<double>(n);
  const double mean = 0.5 * std::sqrt(area_m2 / N);
  const double se = 0.26136 * std::sqrt(area_m2 / (N * N));
  const double z = boost::math::quantile(boost::math::normal(), 1.0 - p);  // one-tailed
  return std::max(0.0, mean - z * se);
}

namespace {

// Groups of points linked by distances strictly below `threshold`, with at
// least `min_size` members; largest first, ties by first member.
std::vector<NnhCluster> link(const std::vector<WeightedPoint>& pts, double threshold, int min_size, int order) {
  std::vector<NnhCluster> out;
  if (pts.empty() || !(threshold > 0)) return out;
  const Locations loc = distinct_locations(pts);  // coincident points are at distance 0: always linked
  LocationTree tree(2, loc, nanoflann::KDTreeSingleIndexAdaptorParams(16));
  tree.buildIndex();
  const double radius_sq = threshold * threshold;
  DisjointSets sets(loc.x.size());
  std::vector<std::uint32_t> near;
  for (std::size_t i = 0; i < loc.x.size(); ++i) {
    neighbours(tree, loc, i, radius_sq, false, near);
    for (std::uint32_t j : near) sets.unite(i, j);
  }
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < loc.x.size(); ++i)
    for (std::size_t p : loc.members[i]) groups[sets.find(i)].push_back(p);
  for (auto& [root, members] : groups) {
    if (static_cast<int>(members.size()) < min_size) continue;
    std::sort(members.begin(), members.end());
    NnhCluster c;
    c.order = order;
    for (std::size_t m : members) {
      c.centre_x += pts[m].x;
      c.centre_y += pts[m].y;
    }
    c.centre_x /= static_cast<double>(members.size());
    c.centre_y /= static_cast<double>(members.size());
    c.members = std::move(members);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const NnhCluster& a, const NnhCluster& b) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    return a.members.front() < b.members.front();
  });
  return out;
}

}  // namespace

NnhResult nnh(const std::vector<WeightedPoint>& points, const NnhParams& params) {
  NnhResult r;
  r.threshold = params.fixed_distance ? *params.fixed_distance
                                      : nnh_threshold(points.size(), params.study_area_m2, params.p);
  r.first_order = link(points, r.threshold, params.min_points, 1);
  if (params.second_order && r.first_order.size() >= 2) {
    std::vector<WeightedPoint> centres;
    for (const NnhCluster& c : r.first_order) centres.push_back({c.centre_x, c.centre_y, 1});
    const double t2 = params.fixed_distance ? *params.fixed_distance
                                            : nnh_threshold(centres.size(), params.study_area_m2, params.p);
    r.second_order = link(centres, t2, params.min_clusters, 2);
  }
  return r;
}

}  // namespace hotspot
