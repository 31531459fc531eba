// Nearest Neighbour Hierarchical clustering, against hand-made layouts, a
// plain O(n^2) reference and the KD-tree version the grid version replaced.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "analysis/nnh.hpp"
#include "analysis/point_index.hpp"

using namespace hotspot;

namespace {

// The linked sets as clusters, as the previous implementation made them:
// members ascending, centres summed in member order, largest first, then by
// first member.
std::vector<NnhCluster> groups_to_clusters(const std::vector<WeightedPoint>& pts, DisjointSets& sets,
                                           const std::vector<std::size_t>& set_of_point, int min_size, int order) {
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t p = 0; p < pts.size(); ++p) groups[sets.find(set_of_point[p])].push_back(p);
  std::vector<NnhCluster> out;
  for (auto& [root, members] : groups) {
    if (static_cast<int>(members.size()) < min_size) continue;
    NnhCluster c;
    c.order = order;
    for (std::size_t m : members) {
      c.centre_x += pts[m].x;
      c.centre_y += pts[m].y;
    }
    c.centre_x /= static_cast<double>(members.size());
    c.centre_y /= static_cast<double>(members.size());
    c.members = members;
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const NnhCluster& a, const NnhCluster& b) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    return a.members.front() < b.members.front();
  });
  return out;
}

struct Plain {};
struct KdTree {};

// Plain: every pair tested. KdTree: the previous implementation's nanoflann
// radius searches over distinct locations.
template <class Method>
std::vector<NnhCluster> reference_link(const std::vector<WeightedPoint>& pts, double threshold, int min_size, int order) {
  if (pts.empty() || !(threshold > 0)) return {};
  const double radius_sq = threshold * threshold;
  if constexpr (std::is_same_v<Method, Plain>) {
    DisjointSets sets(pts.size());
    for (std::size_t a = 0; a < pts.size(); ++a)
      for (std::size_t b = 0; b < a; ++b) {
        const double dx = pts[a].x - pts[b].x, dy = pts[a].y - pts[b].y;
        if (dx * dx + dy * dy < radius_sq) sets.unite(a, b);
      }
    std::vector<std::size_t> self(pts.size());
    for (std::size_t p = 0; p < pts.size(); ++p) self[p] = p;
    return groups_to_clusters(pts, sets, self, min_size, order);
  } else {
    const Locations loc = distinct_locations(pts);
    LocationTree tree(2, loc, nanoflann::KDTreeSingleIndexAdaptorParams(16));
    tree.buildIndex();
    DisjointSets sets(loc.x.size());
    std::vector<std::uint32_t> near;
    for (std::size_t i = 0; i < loc.x.size(); ++i) {
      neighbours(tree, loc, i, radius_sq, false, near);
      for (std::uint32_t j : near) sets.unite(i, j);
    }
    return groups_to_clusters(pts, sets, loc.of_point, min_size, order);
  }
}

template <class Method>
NnhResult reference_nnh(const std::vector<WeightedPoint>& points, const NnhParams& params) {
  NnhResult r;
  r.threshold = params.fixed_distance ? *params.fixed_distance
                                      : nnh_threshold(points.size(), params.study_area_m2, params.p);
  r.first_order = reference_link<Method>(points, r.threshold, params.min_points, 1);
  if (params.second_order && r.first_order.size() >= 2) {
    std::vector<WeightedPoint> centres;
    for (const NnhCluster& c : r.first_order) centres.push_back({c.centre_x, c.centre_y, 1});
    const double t2 = params.fixed_distance ? *params.fixed_distance
                                            : nnh_threshold(centres.size(), params.study_area_m2, params.p);
    r.second_order = reference_link<Method>(centres, t2, params.min_clusters, 2);
  }
  return r;
}

void check_same(const std::vector<NnhCluster>& a, const std::vector<NnhCluster>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    CHECK(a[k].order == b[k].order);
    CHECK(a[k].members == b[k].members);
    CHECK(a[k].centre_x == b[k].centre_x);  // same summation order: bit-identical
    CHECK(a[k].centre_y == b[k].centre_y);
  }
}

void check_same(const NnhResult& a, const NnhResult& b) {
  CHECK(a.threshold == b.threshold);
  check_same(a.first_order, b.first_order);
  check_same(a.second_order, b.second_order);
}

// Lattice points (exact distances, so links at exactly the threshold occur),
// repeated snap points and groups, in random order.
std::vector<WeightedPoint> lattice_points(std::mt19937_64& rng, std::size_t n, double extent, double step) {
  std::uniform_real_distribution<double> u(0, extent);
  std::normal_distribution<double> spread(0, extent / 25);
  const auto snap = [&](double v) { return 520000 + std::round(v / step) * step; };
  std::vector<std::pair<double, double>> centres(2 + rng() % 8);
  for (auto& c : centres) c = {u(rng), u(rng)};
  std::vector<WeightedPoint> p;
  while (p.size() < n) {
    const auto kind = rng() % 10;
    if (kind < 3 && !p.empty()) p.push_back(p[rng() % p.size()]);
    else if (kind < 8) {
      const auto& c = centres[rng() % centres.size()];
      p.push_back({snap(c.first + spread(rng)), snap(c.second + spread(rng)), 1});
    } else {
      p.push_back({snap(u(rng)), snap(u(rng)), 1});
    }
  }
  std::shuffle(p.begin(), p.end(), rng);
  return p;
}

}  // namespace

TEST_CASE("the threshold is the lower confidence bound of the CSR mean distance", "[nnh]") {
  // N = 400 in 4 km^2: mean = 0.5 sqrt(1e4) = 50, SE = 0.26136 sqrt(4e6 / 160000) = 1.3068.
  CHECK(nnh_threshold(400, 4e6, 0.05) == Approx(50 - 1.6448536 * 1.3068).epsilon(1e-6));
  CHECK(nnh_threshold(400, 4e6, 0.01) == Approx(50 - 2.3263479 * 1.3068).epsilon(1e-6));
  CHECK(nnh_threshold(0, 4e6, 0.05) == 0);
}

TEST_CASE("first- and second-order clusters on a hand-made layout", "[nnh]") {
  std::vector<WeightedPoint> p;
  auto square = [&](double x, double y, int n) {
    for (int i = 0; i < n; ++i) p.push_back({x + (i % 4) * 3.0, y + (i / 4) * 3.0, 1});
  };
  square(0, 0, 12);     // cluster, points 3 m apart
  square(60, 0, 10);    // another, 60 m away
  square(5000, 0, 16);  // a third, far away
  square(9000, 0, 5);   // too small
  NnhParams params;
  params.fixed_distance = 10;
  params.min_points = 10;
  params.second_order = true;
  params.min_clusters = 2;
  NnhResult r = nnh(p, params);
  CHECK(r.threshold == 10);
  REQUIRE(r.first_order.size() == 3);
  CHECK(r.first_order[0].members.size() == 16);  // largest first
  CHECK(r.first_order[0].members.front() == 22);
  CHECK(r.first_order[1].members.size() == 12);
  CHECK(r.first_order[1].centre_x == Approx(4.5));
  CHECK(r.first_order[2].members.size() == 10);
  CHECK(r.second_order.empty());  // a fixed 10 m cannot join centres 60 m apart

  // With the CSR thresholds (area 0.2 km^2): 29.6 m for 43 points keeps the
  // squares apart; 65 m for 3 cluster centres joins the two that are 60 m apart.
  NnhParams csr;
  csr.study_area_m2 = 200000;
  csr.min_points = 10;
  csr.second_order = true;
  r = nnh(p, csr);
  CHECK(r.threshold == Approx(nnh_threshold(43, 200000, 0.05)));
  REQUIRE(r.first_order.size() == 3);
  REQUIRE(r.second_order.size() == 1);
  CHECK(r.second_order[0].order == 2);
  CHECK(r.second_order[0].members == std::vector<std::size_t>{1, 2});  // the 12- and 10-point clusters
}

TEST_CASE("grid NNH equals the plain reference and the KD-tree version on 300 random tie-heavy layouts", "[nnh]") {
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    std::mt19937_64 rng(seed);
    const std::size_t n = 1 + rng() % 400;
    const double extent = 30 + static_cast<double>(rng() % 400);
    const std::vector<WeightedPoint> p = lattice_points(rng, n, extent, seed % 2 ? 1.0 : 0.5);
    NnhParams params;
    params.min_points = 1 + static_cast<int>(rng() % 8);
    params.min_clusters = 2;
    params.second_order = true;
    if (seed % 3) {
      const double distances[] = {0.5, 1, 2, 2.5, 5, 10, 13, 25};  // exact squares: links at exactly d are dropped
      params.fixed_distance = distances[rng() % 8];
    } else {
      params.study_area_m2 = extent * extent;
    }
    INFO("seed " << seed << " n " << n << " min " << params.min_points);
    const NnhResult grid = nnh(p, params);
    check_same(grid, reference_nnh<Plain>(p, params));
    check_same(grid, reference_nnh<KdTree>(p, params));
    ++compared;
  }
  CHECK(compared == 300);
}

TEST_CASE("grid NNH equals the KD-tree version at 100,000 points", "[nnh]") {
  std::mt19937_64 rng(42);
  const std::vector<WeightedPoint> p = lattice_points(rng, 100000, 20000, 5);
  NnhParams params;
  params.study_area_m2 = 20000.0 * 20000.0;
  params.second_order = true;
  const NnhResult grid = nnh(p, params);
  CHECK(grid.first_order.size() > 10);
  check_same(grid, reference_nnh<KdTree>(p, params));
  params.fixed_distance = 25;
  check_same(nnh(p, params), reference_nnh<KdTree>(p, params));
}

TEST_CASE("location grid links, tight or not, match every-pair linking", "[nnh][point_index]") {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    std::mt19937_64 rng(seed);
    const std::vector<WeightedPoint> p = lattice_points(rng, 1 + rng() % 300, 60, 0.5);
    for (const double ratio : {LocationGrid::kCellRatio, 0.55, 1.0}) {
      const LocationGrid grid(p, 5, /*inclusive=*/false, ratio);
      DisjointSets sets(grid.locations().size());
      unite_within_radius(grid, std::vector<char>(grid.locations().size(), 1), sets);
      std::vector<std::size_t> of_point(p.size());
      for (std::size_t k = 0; k < p.size(); ++k) of_point[k] = grid.location_of(k);
      INFO("seed " << seed << " ratio " << ratio);
      check_same(groups_to_clusters(p, sets, of_point, 1, 1), reference_link<Plain>(p, 5, 1, 1));
    }
  }
}
