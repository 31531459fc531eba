// KDE benchmark: a London-wide year (1.2 million points, 25 m cells, 250 m
// quartic bandwidth), a borough month, and scaling with N and bandwidth/cell.
// Baseline, measured in the same run on the same data: the straightforward
// exact method (every cell of each point's bounding square, sqrt and pow per
// cell, one thread). The two must agree to 1e-9 relative.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <random>

#include "analysis/kde.hpp"

using namespace hotspot;

namespace {

double seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Clustered like crime: 2,000 hotspots of varying size plus a uniform background.
std::vector<WeightedPoint> points(std::size_t n, double w, double h, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> ux(0, w), uy(0, h);
  std::vector<std::pair<double, double>> centres(2000);
  for (auto& c : centres) c = {ux(rng), uy(rng)};
  std::normal_distribution<double> spread(0, 1);
  std::vector<WeightedPoint> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 3 == 0) {
      out.push_back({530000 + ux(rng), 175000 + uy(rng), 1});
    } else {
      const auto& c = centres[rng() % centres.size()];
      const double s = 50 + static_cast<double>(rng() % 400);
      out.push_back({530000 + c.first + s * spread(rng), 175000 + c.second + s * spread(rng), 1});
    }
  }
  return out;
}

std::vector<double> baseline(const std::vector<WeightedPoint>& pts, const GridSpec& g, double h) {
  std::vector<double> v(g.size(), 0);
  const double c = 3 / M_PI / (h * h) * 1e6;
  for (const auto& p : pts) {
    const int c0 = std::max(0, static_cast<int>((p.x - h - g.origin_x) / g.cell));
    const int c1 = std::min(g.nx - 1, static_cast<int>((p.x + h - g.origin_x) / g.cell));
    const int r0 = std::max(0, static_cast<int>((g.origin_y - p.y - h) / g.cell));
    const int r1 = std::min(g.ny - 1, static_cast<int>((g.origin_y - p.y + h) / g.cell));
    for (int r = r0; r <= r1; ++r)
      for (int col = c0; col <= c1; ++col) {
        const double d = std::sqrt(std::pow(g.center_x(col) - p.x, 2) + std::pow(g.center_y(r) - p.y, 2));
        if (d <= h) v[g.index(r, col)] += p.w * c * std::pow(1 - std::pow(d / h, 2), 2);
      }
  }
  return v;
}

double max_rel_diff(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (b[i] != 0) worst = std::max(worst, std::fabs(a[i] - b[i]) / std::fabs(b[i]));
    else worst = std::max(worst, std::fabs(a[i]));
  return worst;
}

void row(const std::string& name, const std::vector<WeightedPoint>& pts, double w, double h, double cell, double bw,
         bool with_baseline) {
  const GridSpec g = aligned_grid(530000, 175000, 530000 + w, 175000 + h, cell, bw);
  KdeParams p;
  p.bandwidth = bw;
  p.threads = 1;
  auto t0 = std::chrono::steady_clock::now();
  const auto one = kde(pts, g, p);
  const double t1 = seconds(t0);
  p.threads = 2;
  t0 = std::chrono::steady_clock::now();
  const auto two = kde(pts, g, p);
  const double t2 = seconds(t0);
  if (!with_baseline) {
    fmt::print("| {} | {:.3f} s (2 threads), {:.3f} s (1 thread) | - | - | - |\n", name, t2, t1);
    return;
  }
  t0 = std::chrono::steady_clock::now();
  const auto base = baseline(pts, g, bw);
  const double tb = seconds(t0);
  fmt::print("| {} | {:.3f} s (2 threads), {:.3f} s (1 thread) | {:.3f} s | {:.1f}x | {:.1e} |\n", name, t2, t1, tb,
             tb / t2, std::max(max_rel_diff(two, base), max_rel_diff(one, two)));
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::string(argv[1]) == "--quick";
  fmt::print("| case | hotspot | baseline (bounding square, 1 thread) | ratio | max relative difference |\n");
  fmt::print("|---|---|---|---|---|\n");
  const auto london = points(quick ? 120000 : 1200000, 50000, 45000, 1);
  row(fmt::format("London year: {} points, 50 x 45 km, 25 m cells, 250 m", london.size()), london, 50000, 45000, 25, 250, true);
  const auto borough = points(2000, 10000, 8000, 2);
  row("borough month: 2,000 points, 10 x 8 km, 25 m, 250 m", borough, 10000, 8000, 25, 250, true);
  for (std::size_t n : {10000u, 100000u, 1200000u}) {
    if (quick && n > 100000) continue;
    const auto pts = points(n, 50000, 45000, 3);
    row(fmt::format("N = {} (25 m, 250 m)", n), pts, 50000, 45000, 25, 250, false);
  }
  const auto fixed = points(quick ? 20000 : 200000, 50000, 45000, 4);
  for (double ratio : {5.0, 10.0, 20.0, 40.0})
    row(fmt::format("bandwidth/cell = {:g} ({} points, 25 m cells)", ratio, fixed.size()), fixed, 50000, 45000, 25,
        25 * ratio, false);
  return 0;
}
