// Local G, G* and Local Moran's I against published values: PySAL esda's
// six-point example (GeoDa's Guerry results: local_stats_guerry_test.cpp, real data).
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/local_stats.hpp"
#include "test_support.hpp"

using namespace hotspot;

namespace {

// The esda fixture: 6 points, distance band 15 (inclusive), values y.
struct SixPoints {
  std::vector<double> y;
  SpatialWeights w;
};

SixPoints six_points() {
  const double xy[6][2] = {{10, 10}, {20, 10}, {40, 10}, {15, 20}, {30, 20}, {30, 30}};
  SixPoints s{{2, 3, 3.2, 5, 8, 7}, {}};
  s.w.neighbours.resize(6);
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j)
      if (i != j && std::hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]) <= 15) s.w.neighbours[i].emplace_back(j, 1.0);
  return s;
}

}  // namespace

TEST_CASE("Gi and Gi* z-scores equal PySAL esda's published values", "[local_stats]") {
  const SixPoints s = six_points();
  CHECK(local_g(s.y, s.w, false, false).z[0] == Approx(-1.0136729).margin(1e-7));
  CHECK(local_g(s.y, s.w, false, true).z[0] == Approx(-0.62074534).margin(1e-7));
  CHECK(local_g(s.y, s.w, true, true).z[0] == Approx(-0.62488094).margin(1e-7));
  const std::vector<double> star = {-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331};
  const LocalG g = local_g(s.y, s.w, true, false);
  for (int i = 0; i < 6; ++i) CHECK(g.z[static_cast<std::size_t>(i)] == Approx(star[static_cast<std::size_t>(i)]).margin(1e-7));
  // Also the esda docstring's full Gi vector (binary).
  const std::vector<double> gi = {-1.0136729, -0.04361589, 1.31558703, -0.31412676, 1.15373986, 1.77833941};
  const LocalG b = local_g(s.y, s.w, false, false);
  for (int i = 0; i < 6; ++i) CHECK(b.z[static_cast<std::size_t>(i)] == Approx(gi[static_cast<std::size_t>(i)]).margin(1e-7));
  CHECK(b.p[5] == Approx(2 * 0.037673).margin(1e-4));  // two-sided normal p of z = 1.778
}

TEST_CASE("Local Moran's I: a high cluster is high-high, and the seed makes it repeat", "[local_stats]") {
  // A chain of 30 areas, each touching the next; areas 10..14 hold high values.
  SpatialWeights chain;
  chain.neighbours.resize(30);
  for (int i = 0; i < 30; ++i) {
    if (i > 0) chain.neighbours[static_cast<std::size_t>(i)].emplace_back(i - 1, 1.0);
    if (i < 29) chain.neighbours[static_cast<std::size_t>(i)].emplace_back(i + 1, 1.0);
  }
  const SpatialWeights w = chain.row_standardised();
  CHECK(w.neighbours[5][0].second == 0.5);
  std::vector<double> x(30, 1.0);
  for (int i = 0; i < 30; ++i) x[static_cast<std::size_t>(i)] += (i * 7 % 5) * 0.1;  // mild noise
  for (int i = 10; i <= 14; ++i) x[static_cast<std::size_t>(i)] = 10;
  const LocalMoran a = local_moran(x, w, 999, 42, 0.05), b = local_moran(x, w, 999, 42, 0.05);
  CHECK(a.p_sim == b.p_sim);
  CHECK(a.quadrant[12] == LisaQuadrant::HighHigh);
  CHECK(a.i[12] > 0);
  CHECK(a.p_sim[12] < 0.05);
  CHECK(a.quadrant[25] != LisaQuadrant::HighHigh);
  const LocalMoran c = local_moran(x, w, 999, 7, 0.05);
  for (double p : c.p_sim) CHECK((p > 0 && p <= 1));
  // I_i = (n - 1) z_i lag_i / sum z^2, from first principles for area 12.
  double mean = 0;
  for (double v : x) mean += v / 30;
  double ss = 0;
  for (double v : x) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / 30);
  const double z12 = (x[12] - mean) / sd, lag = ((x[11] - mean) / sd + (x[13] - mean) / sd) / 2;
  CHECK(a.i[12] == Approx(29.0 * z12 * lag / 30.0));
}
