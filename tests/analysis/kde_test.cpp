// KDE: known answers per kernel, exactness against a plain double loop, mass
// conservation, thread independence, grid alignment.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "analysis/kde.hpp"

using namespace hotspot;
using Catch::Matchers::WithinRel;

namespace {

const Kernel kAll[] = {Kernel::Quartic, Kernel::Epanechnikov, Kernel::Triangular,
                       Kernel::Uniform, Kernel::Triweight,    Kernel::Gaussian};

// The textbook sum, written independently of kde.cpp.
double brute(const std::vector<WeightedPoint>& pts, double x, double y, const KdeParams& p) {
  const double h = p.bandwidth;
  double sum = 0;
  for (const auto& q : pts) {
    const double d = std::hypot(x - q.x, y - q.y), u = d / h;
    double k = 0, c = 0;
    switch (p.kernel) {
      case Kernel::Uniform: k = u <= 1; c = 1 / M_PI; break;
      case Kernel::Triangular: k = u <= 1 ? 1 - u : 0; c = 3 / M_PI; break;
      case Kernel::Epanechnikov: k = u <= 1 ? 1 - u * u : 0; c = 2 / M_PI; break;
      case Kernel::Quartic: k = u <= 1 ? std::pow(1 - u * u, 2) : 0; c = 3 / M_PI; break;
      case Kernel::Triweight: k = u <= 1 ? std::pow(1 - u * u, 3) : 0; c = 4 / M_PI; break;
      case Kernel::Gaussian: {
        const double t = p.gaussian_truncation;
        k = u <= t ? std::exp(-u * u / 2) : 0;
        c = 1 / (2 * M_PI * (1 - std::exp(-t * t / 2)));
        break;
      }
    }
    sum += q.w * (p.output == KdeOutput::Raw ? k : c * k / (h * h) * 1e6);
  }
  return sum;
}

}  // namespace

TEST_CASE("every kernel: hand-computed values at the point and at half the bandwidth", "[kde]") {
  GridSpec g;
  g.origin_x = 0;
  g.origin_y = 100;
  g.cell = 10;
  g.nx = 10;
  g.ny = 10;
  const std::vector<WeightedPoint> one = {{45, 55, 1}};  // the centre of cell (row 4, col 4)
  struct Case { Kernel k; double c; double half; };       // c, and raw k(u = 0.5)
  const Case cases[] = {{Kernel::Uniform, 1 / M_PI, 1.0},    {Kernel::Triangular, 3 / M_PI, 0.5},
                        {Kernel::Epanechnikov, 2 / M_PI, 0.75}, {Kernel::Quartic, 3 / M_PI, 0.5625},
                        {Kernel::Triweight, 4 / M_PI, 0.421875}};
  for (const Case& c : cases) {
    INFO(kernel_name(c.k));
    KdeParams p;
    p.kernel = c.k;
    p.bandwidth = 20;
    p.output = KdeOutput::Raw;
    auto raw = kde(one, g, p);
    CHECK(raw[g.index(4, 4)] == Approx(1.0));
    CHECK(raw[g.index(4, 5)] == Approx(c.half));  // 10 m east: u = 0.5
    CHECK(raw[g.index(4, 7)] == 0.0);             // 30 m: outside
    p.output = KdeOutput::Density;
    auto dens = kde(one, g, p);
    CHECK(dens[g.index(4, 4)] == Approx(c.c / 400.0 * 1e6));
  }
  KdeParams gp;
  gp.kernel = Kernel::Gaussian;
  gp.bandwidth = 10;  // sigma
  gp.output = KdeOutput::Raw;
  auto raw = kde(one, g, gp);
  CHECK(raw[g.index(4, 5)] == Approx(std::exp(-0.5)));    // one sigma
  CHECK(raw[g.index(4, 7)] == Approx(std::exp(-4.5)));    // three sigmas: still inside
  CHECK(raw[g.index(4, 8)] == 0.0);                       // four sigmas: truncated
  CHECK(kernel_support(gp) == 30);
}

TEST_CASE("every cell equals the textbook sum at its centre", "[kde]") {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> ux(1000, 3000), uy(5000, 6500), uw(0.5, 2);
  std::vector<WeightedPoint> pts;
  for (int i = 0; i < 500; ++i) pts.push_back({ux(rng), uy(rng), uw(rng)});
  pts.push_back({2000, 5500, 1});
  pts.push_back({2000, 5500, 1});  // ties
  const GridSpec g = aligned_grid(1000, 5000, 3000, 6500, 37, 150);
  for (Kernel k : kAll) {
    for (KdeOutput out : {KdeOutput::Raw, KdeOutput::Density}) {
      KdeParams p;
      p.kernel = k;
      p.bandwidth = k == Kernel::Gaussian ? 50 : 150;
      p.output = out;
      const auto v = kde(pts, g, p);
      double worst = 0;
      for (int r = 0; r < g.ny; r += 3)
        for (int c = 0; c < g.nx; c += 3) {
          const double want = brute(pts, g.center_x(c), g.center_y(r), p);
          const double got = v[g.index(r, c)];
          worst = std::max(worst, want == 0 ? std::fabs(got) : std::fabs(got - want) / std::fabs(want));
        }
      INFO(kernel_name(k));
      CHECK(worst < 1e-9);
    }
  }
}

TEST_CASE("coincident points, as police.uk snaps them, give the textbook sum", "[kde]") {
  // 2,000 incidents on 40 map points, in shuffled order, some of weight 0 or
  // fractional: the merged splat equals the sum over every incident.
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> ux(1000, 2000), uy(5000, 6000);
  std::vector<WeightedPoint> map_points;
  for (int i = 0; i < 40; ++i) map_points.push_back({ux(rng), uy(rng), 1});
  std::vector<WeightedPoint> pts;
  std::uniform_int_distribution<std::size_t> pick(0, map_points.size() - 1);
  for (int i = 0; i < 2000; ++i) {
    WeightedPoint q = map_points[pick(rng)];
    q.w = i % 97 == 0 ? 0.0 : i % 13 == 0 ? 0.5 : 1.0;
    pts.push_back(q);
  }
  const GridSpec g = aligned_grid(1000, 5000, 2000, 6000, 25, 200);
  for (Kernel k : kAll) {
    KdeParams p;
    p.kernel = k;
    p.bandwidth = k == Kernel::Gaussian ? 60 : 200;
    const auto v = kde(pts, g, p);
    double worst = 0, mass = 0, want_mass = 0;
    for (int r = 0; r < g.ny; ++r)
      for (int c = 0; c < g.nx; ++c) {
        const double want = brute(pts, g.center_x(c), g.center_y(r), p), got = v[g.index(r, c)];
        worst = std::max(worst, want == 0 ? std::fabs(got) : std::fabs(got - want) / std::fabs(want));
        mass += got;
        want_mass += want;
      }
    INFO(kernel_name(k));
    CHECK(worst < 1e-12);
    CHECK(mass == Approx(want_mass).epsilon(1e-12));
  }
}

TEST_CASE("density integrates to the number of incidents, threads change nothing", "[kde]") {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> n(0, 200);
  std::vector<WeightedPoint> pts;
  for (int i = 0; i < 300; ++i) pts.push_back({5000 + n(rng), 5000 + n(rng), 1});
  const GridSpec g = aligned_grid(3000, 3000, 7000, 7000, 5, 0);
  for (Kernel k : kAll) {
    KdeParams p;
    p.kernel = k;
    p.bandwidth = k == Kernel::Gaussian ? 40 : 120;
    p.threads = 1;
    const auto one = kde(pts, g, p);
    double mass = 0;
    for (double v : one) mass += v * g.cell * g.cell / 1e6;
    INFO(kernel_name(k));
    CHECK(mass == Approx(300).epsilon(0.005));
    for (int threads : {2, 3, 7}) {
      p.threads = threads;
      CHECK(kde(pts, g, p) == one);  // bit for bit
    }
  }
}

TEST_CASE("points outside the grid and non-finite points", "[kde]") {
  const GridSpec g = aligned_grid(0, 0, 100, 100, 10, 0);
  KdeParams p;
  p.bandwidth = 30;
  p.output = KdeOutput::Raw;
  const auto v = kde({{-20, 45, 1}, {NAN, 5, 1}, {1e9, 1e9, 1}}, g, p);
  CHECK(v[g.index(5, 0)] == Approx(std::pow(1 - 25.0 * 25.0 / 900.0, 2)));  // 25 m from the point
  CHECK(v[g.index(5, 3)] == 0.0);
}

TEST_CASE("grids: aligned edges and QGIS's Heatmap grid", "[kde]") {
  const GridSpec a = aligned_grid(530012.3, 180007.9, 531987.6, 181003.2, 25, 250);
  CHECK(std::fmod(a.origin_x, 25.0) == 0.0);
  CHECK(std::fmod(a.origin_y, 25.0) == 0.0);
  CHECK(a.origin_x <= 530012.3 - 250);
  CHECK(a.origin_y >= 181003.2 + 250);
  CHECK(a.origin_x + a.nx * 25 >= 531987.6 + 250);
  CHECK(a.origin_y - a.ny * 25 <= 180007.9 - 250);
  const GridSpec q = qgis_heatmap_grid(100, 200, 1100, 700, 25, 250);
  CHECK(q.origin_x == -150);
  CHECK(q.origin_y == 950);
  CHECK(q.nx == static_cast<int>(std::ceil((1000 + 500) / 25.0)) + 1);
  CHECK(q.ny == static_cast<int>(std::ceil((500 + 500) / 25.0)) + 1);
}

TEST_CASE("default bandwidth is in the low hundreds of metres for a borough", "[kde]") {
  CHECK(default_bandwidth({}, 80e6, 25) == 300);     // the sample borough: sqrt(80 km2) / 30 = 298 m
  CHECK(default_bandwidth({}, 112e6, 25) == 350);    // Havering
  CHECK(default_bandwidth({}, 1572e6, 25) == 1000);  // all of London: capped
  CHECK(default_bandwidth({}, 1e6, 25) == 100);      // a tiny area: at least 100 m
  CHECK(std::fmod(default_bandwidth({}, 47e6, 25), 25.0) == 0.0);
  CHECK_THROWS(parse_kernel("biweight"));
  CHECK(parse_kernel("triweight") == Kernel::Triweight);
}
