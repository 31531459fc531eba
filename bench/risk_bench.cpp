// The denominator of London's risk surface (issue 27): the residents of its
// 4,835 LSOAs (ONS mid-2019, ../shared/data) spread over each LSOA's 100 m
// lattice points (geo/resident_points), then their quartic density on the
// 100 m grid over London's 649 wards (analysis/kde, the splat the risk stage
// uses). Baseline in the same run: the textbook direct sum, every resident
// point against every cell, timed on a sample of cells and scaled to the grid
// (the whole grid would take hours); the two must agree on the sampled cells.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

#include "analysis/kde.hpp"
#include "bench_timing.hpp"
#include "geo/resident_points.hpp"
#include "geo/ward_set.hpp"
#include "london_wards.hpp"

using namespace hotspot;

namespace {

constexpr int kRepeats = 3;
constexpr double kCell = 100, kBandwidth = 500;
constexpr std::size_t kSampledCells = 400;

// The 100 m grid, on multiples of the cell, over every ward's envelope.
GridSpec london_grid(const WardSet& set, std::size_t wards) {
  Bounds b = set.envelope(0);
  for (std::size_t i = 1; i < wards; ++i) {
    const Bounds& e = set.envelope(i);
    b = {std::min(b.min_x, e.min_x), std::min(b.min_y, e.min_y), std::max(b.max_x, e.max_x), std::max(b.max_y, e.max_y)};
  }
  GridSpec g;
  g.cell = kCell;
  g.origin_x = std::floor(b.min_x / kCell) * kCell;
  g.origin_y = std::ceil(b.max_y / kCell) * kCell;
  g.nx = static_cast<int>(std::ceil((b.max_x - g.origin_x) / kCell));
  g.ny = static_cast<int>(std::ceil((g.origin_y - b.min_y) / kCell));
  return g;
}

// Every point against one cell centre: the density there, per km^2.
double direct_sum(const std::vector<WeightedPoint>& points, const KdeParams& p, double x, double y) {
  const double reach2 = kernel_support(p) * kernel_support(p);
  double sum = 0;
  for (const WeightedPoint& q : points) {
    const double d2 = (q.x - x) * (q.x - x) + (q.y - y) * (q.y - y);
    if (d2 < reach2) sum += q.w * kernel_value(p, std::sqrt(d2));
  }
  return sum * 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const auto london = bench::load_london_small_areas(argc, argv);
  if (!london) return 0;
  const GeosContext& geos = london->geos;
  std::vector<ResidentArea> areas;
  for (const SmallArea& a : london->lsoas) areas.push_back({a.wkb, a.count});
  const std::vector<Ward>& wards = london->wards;
  const WardSet set(geos, wards);
  const GridSpec grid = london_grid(set, wards.size());
  const KdeParams params{.kernel = Kernel::Quartic, .bandwidth = kBandwidth, .output = KdeOutput::Density,
                         .gaussian_truncation = 3, .threads = 2};

  std::vector<WeightedPoint> people;
  const double t_points = bench::median_seconds(kRepeats, [&] { people = resident_points(geos, areas, kCell); });
  std::vector<double> surface;
  const double t_kde = bench::median_seconds(kRepeats, [&] { surface = kde(people, grid, params); });

  // The baseline on every k-th cell, and the largest difference from the splat there.
  const std::size_t stride = std::max<std::size_t>(1, grid.size() / kSampledCells);
  std::vector<std::size_t> cells;
  for (std::size_t c = stride / 2; c < grid.size(); c += stride) cells.push_back(c);
  double worst = 0, peak = 0;
  const double t_sample = bench::median_seconds(1, [&] {
    for (std::size_t c : cells) {
      const int row = static_cast<int>(c / static_cast<std::size_t>(grid.nx));
      const int col = static_cast<int>(c % static_cast<std::size_t>(grid.nx));
      const double v = direct_sum(people, params, grid.center_x(col), grid.center_y(row));
      worst = std::max(worst, std::abs(v - surface[c]));
      peak = std::max(peak, v);
    }
  });
  const double t_direct = t_sample / static_cast<double>(cells.size()) * static_cast<double>(grid.size());
  const bool same = worst <= 1e-9 * std::max(peak, 1.0);

  double residents = 0, expected = 0;
  for (const WeightedPoint& p : people) residents += p.w;
  for (const ResidentArea& a : areas) expected += a.residents;
  fmt::print("London's residents' density: {} LSOAs, {:.0f} residents as {} lattice points; {} x {} grid of {:.0f} m "
             "({} cells), quartic, h = {:.0f} m; median of {} runs\n",
             areas.size(), residents, people.size(), grid.nx, grid.ny, kCell, grid.size(), kBandwidth, kRepeats);
  fmt::print("| step | hotspot | baseline | baseline time | ratio (baseline / hotspot) | same result |\n");
  fmt::print("|---|---|---|---|---|---|\n");
  fmt::print("| residents as lattice points | {:.3f} s | | | | residents conserved: {} |\n", t_points,
             std::abs(residents - expected) < 1 ? "yes" : "NO");
  fmt::print("| density surface (splat, 2 threads) | {:.3f} s | direct sum, every point at every cell (timed on {} "
             "cells, scaled) | {:.0f} s | {:.0f}x | {} (largest difference {:.2g} per km2 of a peak {:.0f}) |\n",
             t_kde, cells.size(), t_direct, t_direct / t_kde, same ? "yes" : "NO", worst, peak);
  return same ? 0 : 1;
}
