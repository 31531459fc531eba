// Gi* on grid counts against a direct implementation of the formula.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "analysis/gistar_grid.hpp"

using namespace hotspot;

namespace {

// Getis-Ord Gi* written out directly, O(n^2).
std::vector<double> brute(const Grid& g, double band) {
  const GridSpec& s = g.spec;
  std::vector<std::size_t> in;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (g.inside(i)) in.push_back(i);
  const double n = static_cast<double>(in.size());
  double mean = 0, m2 = 0;
  for (std::size_t i : in) {
    mean += g.values[i] / n;
    m2 += g.values[i] * g.values[i] / n;
  }
  const double S = std::sqrt(m2 - mean * mean);
  std::vector<double> z(s.size(), NAN);
  for (std::size_t i : in) {
    const double xi = s.center_x(static_cast<int>(i % s.nx)), yi = s.center_y(static_cast<int>(i / s.nx));
    double local = 0, w = 0;
    for (std::size_t j : in) {
      const double xj = s.center_x(static_cast<int>(j % s.nx)), yj = s.center_y(static_cast<int>(j / s.nx));
      if (std::hypot(xi - xj, yi - yj) <= band + 1e-9) {
        local += g.values[j];
        w += 1;
      }
    }
    z[i] = (local - mean * w) / (S * std::sqrt((n * w - w * w) / (n - 1)));
  }
  return z;
}

}  // namespace

TEST_CASE("grid Gi* equals the direct formula, with an irregular study area", "[gistar_grid]") {
  std::mt19937_64 rng(5);
  std::poisson_distribution<int> count(1.5);
  Grid g;
  g.spec.cell = 100;
  g.spec.nx = 40;
  g.spec.ny = 30;
  g.spec.origin_y = 3000;
  for (int r = 0; r < 30; ++r)
    for (int c = 0; c < 40; ++c) {
      g.values.push_back(count(rng));
      g.in_area.push_back(std::hypot(r - 15.0, c - 20.0) < 14 + (c % 3));  // a ragged blob
    }
  for (double band : {100 * std::sqrt(2.0) * (1 + 1e-9), 320.0}) {
    const GiStarGridResult r = gistar_grid(g, band, Correction::None);
    const std::vector<double> want = brute(g, band);
    for (std::size_t i = 0; i < g.values.size(); ++i) {
      if (!g.in_area[i]) {
        CHECK(std::isnan(r.z[i]));
        CHECK(r.bin[i] == 0);
        continue;
      }
      CHECK(r.z[i] == Approx(want[i]).margin(1e-9));
    }
  }
}

TEST_CASE("a planted hot block is a 99% hot spot, bins follow the adjusted p", "[gistar_grid]") {
  Grid g;
  g.spec.cell = 100;
  g.spec.nx = 30;
  g.spec.ny = 30;
  g.spec.origin_y = 3000;
  g.values.assign(900, 1.0);
  for (int r = 0; r < 30; ++r)
    for (int c = 0; c < 30; ++c) g.values[static_cast<std::size_t>(r * 30 + c)] += ((r * 13 + c * 7) % 3) * 0.5;
  for (int r = 10; r < 13; ++r)
    for (int c = 10; c < 13; ++c) g.values[static_cast<std::size_t>(r * 30 + c)] = 40;
  const GiStarGridResult fdr = gistar_grid(g, 150, Correction::FalseDiscoveryRate);
  CHECK(fdr.bin[11 * 30 + 11] == 3);
  CHECK(fdr.z[11 * 30 + 11] > 3);
  CHECK(fdr.bin[25 * 30 + 25] <= 0);
  const GiStarGridResult bonf = gistar_grid(g, 150, Correction::Bonferroni);
  for (std::size_t i = 0; i < 900; ++i) CHECK(bonf.p_adjusted[i] >= fdr.p_adjusted[i] - 1e-15);
  for (std::size_t i = 0; i < 900; ++i)
    if (fdr.bin[i] != 0) CHECK(fdr.p_adjusted[i] < 0.10);
}
