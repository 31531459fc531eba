// DBSCAN against hand-made layouts, a plain O(n^2) reference and the KD-tree
// implementation that the grid version replaced (kept here as a reference).
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <random>

#include "analysis/dbscan.hpp"
#include "analysis/point_index.hpp"

using namespace hotspot;

namespace {

// Reference DBSCAN written plainly: inclusive eps, same border rule.
DbscanResult reference(const std::vector<WeightedPoint>& p, double eps, int min_points) {
  const std::size_t n = p.size();
  auto near = [&](std::size_t a, std::size_t b) { return std::hypot(p[a].x - p[b].x, p[a].y - p[b].y) <= eps; };
  DbscanResult r;
  r.core.assign(n, false);
  r.label.assign(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    int c = 0;
    for (std::size_t j = 0; j < n; ++j) c += near(i, j);
    r.core[i] = c >= min_points;
  }
  for (std::size_t i = 0; i < n; ++i) {  // clusters in order of their first core point
    if (!r.core[i] || r.label[i] >= 0) continue;
    const int id = r.clusters++;
    std::vector<std::size_t> stack = {i};
    r.label[i] = id;
    while (!stack.empty()) {
      const std::size_t a = stack.back();
      stack.pop_back();
      for (std::size_t b = 0; b < n; ++b)
        if (r.core[b] && r.label[b] < 0 && near(a, b)) {
          r.label[b] = id;
          stack.push_back(b);
        }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (r.core[i]) continue;
    for (std::size_t j = 0; j < n; ++j)
      if (r.core[j] && near(i, j)) {
        r.label[i] = r.label[j];
        break;  // the first core point in input order
      }
  }
  return r;
}

// The previous implementation, verbatim: nanoflann radius searches over the
// distinct locations, every neighbourhood stored.
DbscanResult kdtree_reference(const std::vector<WeightedPoint>& points, double eps, int min_points) {
  DbscanResult r;
  r.label.assign(points.size(), -1);
  r.core.assign(points.size(), false);
  if (points.empty()) return r;
  const Locations loc = distinct_locations(points);
  LocationTree tree(2, loc, nanoflann::KDTreeSingleIndexAdaptorParams(16));
  tree.buildIndex();
  const double radius_sq = eps * eps;
  const std::size_t L = loc.x.size();
  std::vector<std::vector<std::uint32_t>> near(L);
  std::vector<char> core(L, 0);
  for (std::size_t i = 0; i < L; ++i) {
    neighbours(tree, loc, i, radius_sq, true, near[i]);
    std::size_t count = 0;
    for (std::uint32_t j : near[i]) count += loc.members[j].size();
    core[i] = count >= static_cast<std::size_t>(min_points);
  }
  DisjointSets sets(L);
  for (std::size_t i = 0; i < L; ++i)
    if (core[i])
      for (std::uint32_t j : near[i])
        if (core[j]) sets.unite(i, j);
  std::map<std::size_t, std::size_t> first_point;
  for (std::size_t i = 0; i < L; ++i)
    if (core[i]) {
      auto [it, fresh] = first_point.emplace(sets.find(i), loc.members[i].front());
      if (!fresh) it->second = std::min(it->second, loc.members[i].front());
    }
  std::vector<std::pair<std::size_t, std::size_t>> order;
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

void check_same(const DbscanResult& a, const DbscanResult& b) {
  CHECK(a.clusters == b.clusters);
  CHECK(a.core == b.core);
  CHECK(a.label == b.label);
}

// Random layouts built for ties: points on a lattice of `step` metres (so
// distances equal to eps occur, and are exact), repeated snap points, tight
// groups and a sparse background, in random input order.
std::vector<WeightedPoint> tie_heavy_points(std::mt19937_64& rng, std::size_t n, double extent, double step) {
  std::uniform_real_distribution<double> u(0, extent);
  std::normal_distribution<double> spread(0, extent / 20);
  const auto snap = [&](double v) { return 500000 + std::round(v / step) * step; };
  std::vector<std::pair<double, double>> centres(1 + rng() % 6);
  for (auto& c : centres) c = {u(rng), u(rng)};
  std::vector<WeightedPoint> p;
  while (p.size() < n) {
    const auto kind = rng() % 10;
    if (kind < 3 && !p.empty()) {
      p.push_back(p[rng() % p.size()]);  // another incident on an existing snap point
    } else if (kind < 8) {
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

TEST_CASE("two groups and noise, eps is inclusive as in scikit-learn", "[dbscan]") {
  const std::vector<WeightedPoint> p = {{0, 0, 1}, {10, 0, 1}, {0, 10, 1},     // group A
                                        {500, 0, 1}, {510, 0, 1}, {505, 8, 1},  // group B
                                        {1000, 1000, 1},                        // noise
                                        {20, 0, 1}};                            // exactly eps from (10,0)
  const DbscanResult r = dbscan(p, 10, 3);
  CHECK(r.clusters == 2);
  CHECK(r.label == std::vector<int>{0, 0, 0, 1, 1, 1, -1, 0});
  CHECK(r.core[1]);       // (0,0), (10,0), (20,0) within 10 inclusive
  CHECK_FALSE(r.core[7]);  // (20,0) reaches only (10,0): a border point
  const DbscanResult strict = dbscan(p, 9.999, 3);
  CHECK(strict.label[7] == -1);
}

TEST_CASE("a border point reached by two clusters joins the first core point's cluster", "[dbscan]") {
  // Two tight groups 20 m apart; the point between them is within eps of one core point of each.
  std::vector<WeightedPoint> p = {{0, 0, 1},  {-1, 0, 1}, {-2, 0, 1}, {-3, 0, 1}, {20, 0, 1},
                                  {21, 0, 1}, {22, 0, 1}, {23, 0, 1}, {10, 0, 1}};
  DbscanResult r = dbscan(p, 10, 4);
  CHECK(r.clusters == 2);
  CHECK_FALSE(r.core[8]);
  CHECK(r.label[8] == r.label[0]);  // (0,0) comes before (20,0)
  std::swap(p[0], p[4]);            // now (20,0) comes first
  r = dbscan(p, 10, 4);
  CHECK(r.label[8] == r.label[0]);
  CHECK(p[0].x == 20);
}

TEST_CASE("all noise, and massive ties at one snap point", "[dbscan]") {
  CHECK(dbscan({{0, 0, 1}, {100, 0, 1}, {200, 0, 1}}, 50, 2).clusters == 0);
  std::vector<WeightedPoint> p(20000, WeightedPoint{530000, 180000, 1});
  p.push_back({530500, 180000, 1});
  p.push_back({530020, 180000, 1});
  const DbscanResult r = dbscan(p, 50, 10);  // the cost of ties is in bench/cluster_bench.cpp, not timed here
  CHECK(r.clusters == 1);
  CHECK(r.label[0] == 0);
  CHECK(r.label[20000] == -1);
  CHECK(r.label[20001] == 0);
  CHECK(r.core[20001]);  // it reaches the 20,000 tied points
}

TEST_CASE("agrees with the plain reference on clustered random points", "[dbscan]") {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> n(0, 40);
  std::uniform_real_distribution<double> u(0, 3000);
  std::vector<WeightedPoint> p;
  for (int c = 0; c < 12; ++c) {
    const double cx = u(rng), cy = u(rng);
    for (int i = 0; i < 120; ++i) p.push_back({std::round(cx + n(rng)), std::round(cy + n(rng)), 1});  // rounding makes ties
  }
  for (int i = 0; i < 500; ++i) p.push_back({std::round(u(rng)), std::round(u(rng)), 1});
  for (double eps : {15.0, 30.0, 60.0})
    for (int min_points : {3, 8, 20}) {
      INFO("eps " << eps << " min " << min_points);
      const DbscanResult a = dbscan(p, eps, min_points), b = reference(p, eps, min_points);
      CHECK(a.clusters == b.clusters);
      CHECK(a.core == b.core);
      CHECK(a.label == b.label);
    }
}

TEST_CASE("grid DBSCAN equals the plain reference and the KD-tree version on 400 random tie-heavy layouts", "[dbscan]") {
  // eps are whole or half metres on a 1 m or 0.5 m lattice: squared distances
  // and eps*eps are exact, so points exactly eps apart are common (3-4-5 ...).
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    std::mt19937_64 rng(seed);
    const double step = seed % 2 ? 1.0 : 0.5;
    const std::size_t n = 1 + rng() % 300;
    const std::vector<WeightedPoint> p = tie_heavy_points(rng, n, 20 + static_cast<double>(rng() % 200), step);
    const double eps_choices[] = {0.5, 1, 2, 2.5, 5, 6.5, 10, 13, 25};
    const double eps = eps_choices[rng() % 9];
    const int min_points = 1 + static_cast<int>(rng() % 12);
    INFO("seed " << seed << " n " << n << " eps " << eps << " min_points " << min_points);
    const DbscanResult grid = dbscan(p, eps, min_points);
    check_same(grid, reference(p, eps, min_points));
    check_same(grid, kdtree_reference(p, eps, min_points));
    ++compared;
  }
  CHECK(compared == 400);
}

TEST_CASE("grid DBSCAN equals the KD-tree version at 60,000 points with heavy snapping", "[dbscan]") {
  for (std::uint64_t seed : {7u, 8u, 9u}) {
    std::mt19937_64 rng(seed);
    const std::vector<WeightedPoint> p = tie_heavy_points(rng, 60000, 8000, 5);
    for (const auto& [eps, min_points] : {std::pair{25.0, 5}, std::pair{100.0, 10}, std::pair{50.0, 40}}) {
      INFO("seed " << seed << " eps " << eps << " min_points " << min_points);
      const DbscanResult grid = dbscan(p, eps, min_points);
      check_same(grid, kdtree_reference(p, eps, min_points));
      CHECK(grid.clusters > 0);
    }
  }
}

TEST_CASE("cells that are not provably within eps are tested pair by pair", "[dbscan]") {
  // Default cells are nearly always provably tight. Cells as wide as eps
  // often are not, which takes the pair-by-pair paths; results must match.
  long untight_total = 0;
  for (std::uint64_t seed = 1; seed <= 100; ++seed) {
    std::mt19937_64 rng(seed);
    const std::vector<WeightedPoint> p = tie_heavy_points(rng, 1 + rng() % 300, 60, 0.5);
    const double eps = seed % 3 ? 5 : 2.5;
    const int min_points = 1 + static_cast<int>(rng() % 10);
    const LocationGrid coarse(p, eps, true, 1.0);
    const auto untight = std::count_if(coarse.cells().begin(), coarse.cells().end(), [](const auto& c) { return !c.tight; });
    untight_total += untight;
    INFO("seed " << seed << " untight cells " << untight);
    check_same(dbscan(coarse, min_points), reference(p, eps, min_points));
    check_same(dbscan(LocationGrid(p, eps, true, 0.55), min_points), reference(p, eps, min_points));
  }
  CHECK(untight_total > 200);
}

TEST_CASE("location grid: same-cell pairs of a tight cell are within the radius, neighbours cover every close pair",
          "[dbscan][point_index]") {
  std::mt19937_64 rng(3);
  const std::vector<WeightedPoint> p = tie_heavy_points(rng, 2000, 300, 0.5);
  for (const bool inclusive : {true, false}) {
    const double radius = 5;
    const LocationGrid grid(p, radius, inclusive, inclusive ? LocationGrid::kCellRatio : 1.0);
    const auto& loc = grid.locations();
    const auto& cells = grid.cells();
    std::vector<std::uint32_t> cell_of(loc.size());
    for (std::uint32_t c = 0; c < cells.size(); ++c)
      for (std::uint32_t i = cells[c].begin; i < cells[c].end; ++i) cell_of[i] = c;
    std::size_t close_pairs = 0, counted = 0;
    for (std::uint32_t i = 0; i < loc.size(); ++i)
      for (std::uint32_t j = 0; j < loc.size(); ++j) {
        const double dx = loc[i].x - loc[j].x, dy = loc[i].y - loc[j].y;
        const bool close = inclusive ? dx * dx + dy * dy <= 25 : dx * dx + dy * dy < 25;
        CHECK(grid.within(i, j) == close);
        if (cell_of[i] == cell_of[j] && cells[cell_of[i]].tight) CHECK(close);  // tight means proved
        if (!close || cell_of[i] == cell_of[j]) continue;
        ++close_pairs;
        bool seen = false;
        grid.for_each_neighbour(cell_of[i], [&](std::uint32_t b) {
          seen = seen || b == cell_of[j];
          return true;
        });
        counted += seen;
      }
    CHECK(close_pairs > 1000);
    CHECK(counted == close_pairs);
    std::size_t points = 0;
    for (const auto& c : cells) points += c.points;
    CHECK(points == p.size());
    for (std::size_t k = 0; k < p.size(); ++k) {
      CHECK(loc[grid.location_of(k)].x == p[k].x);
      CHECK(loc[grid.location_of(k)].first <= k);
    }
  }
}
