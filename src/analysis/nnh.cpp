#include "analysis/nnh.hpp"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

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
// least `min_size` members; largest first, ties by first member. Linking runs
// on a grid of distinct locations (coincident points are at distance 0:
// always linked), so memory is linear and no neighbour list is kept.
std::vector<NnhCluster> link(const std::vector<WeightedPoint>& pts, double threshold, int min_size, int order) {
  std::vector<NnhCluster> out;
  if (pts.empty() || !(threshold > 0)) return out;
  const LocationGrid grid(pts, threshold, /*inclusive=*/false);
  const std::size_t locations = grid.locations().size();
  DisjointSets sets(locations);
  unite_within_radius(grid, std::vector<char>(locations, 1), sets);

  // Points per group, then the members of the groups kept, gathered in input
  // order (ascending, so centres are summed in the same order as before).
  std::vector<std::size_t> size(locations, 0);
  for (std::size_t i = 0; i < locations; ++i) size[sets.find(i)] += grid.locations()[i].count;
  const auto need = static_cast<std::size_t>(std::max(min_size, 0));
  std::vector<std::size_t> slot(locations, std::numeric_limits<std::size_t>::max());  // by root
  for (std::size_t p = 0; p < pts.size(); ++p) {
    const std::size_t root = sets.find(grid.location_of(p));
    if (size[root] < need) continue;
    if (slot[root] == std::numeric_limits<std::size_t>::max()) {
      slot[root] = out.size();
      out.emplace_back();
      out.back().order = order;
      out.back().members.reserve(size[root]);
    }
    out[slot[root]].members.push_back(p);
  }
  for (NnhCluster& c : out) {
    for (std::size_t m : c.members) {
      c.centre_x += pts[m].x;
      c.centre_y += pts[m].y;
    }
    c.centre_x /= static_cast<double>(c.members.size());
    c.centre_y /= static_cast<double>(c.members.size());
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
