// DBSCAN against hand-made layouts and a plain O(n^2) reference.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include "analysis/dbscan.hpp"

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

}  // namespace

TEST_CASE("two groups and noise; eps is inclusive as in scikit-learn", "[dbscan]") {
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
  const auto t0 = std::chrono::steady_clock::now();
  const DbscanResult r = dbscan(p, 50, 10);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(r.clusters == 1);
  CHECK(r.label[0] == 0);
  CHECK(r.label[20000] == -1);
  CHECK(r.label[20001] == 0);
  CHECK(r.core[20001]);  // it reaches the 20,000 tied points
  CHECK(s < 1.0);        // not quadratic in the ties (20,000^2 pairs would take far longer)
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
