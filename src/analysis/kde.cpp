#include "analysis/kde.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <fmt/format.h>
#include <thread>

#include "core/error.hpp"
#include "core/point_key.hpp"

namespace hotspot {
namespace {

struct KernelChoice {
  Kernel kernel;
  const char* name;
};
constexpr KernelChoice kKernels[] = {{Kernel::Quartic, "quartic"},     {Kernel::Epanechnikov, "epanechnikov"},
                                     {Kernel::Triangular, "triangular"}, {Kernel::Uniform, "uniform"},
                                     {Kernel::Triweight, "triweight"},   {Kernel::Gaussian, "gaussian"}};

// Density normalisation c of the table in kde.hpp (K = c * k / h^2).
double normalisation(const KdeParams& p) {
  switch (p.kernel) {
    case Kernel::Uniform: return 1.0 / M_PI;
    case Kernel::Triangular: return 3.0 / M_PI;
    case Kernel::Epanechnikov: return 2.0 / M_PI;
    case Kernel::Quartic: return 3.0 / M_PI;
    case Kernel::Triweight: return 4.0 / M_PI;
    case Kernel::Gaussian: {
      const double t = p.gaussian_truncation;
      return 1.0 / (2.0 * M_PI * (1.0 - std::exp(-t * t / 2.0)));
    }
  }
  return 0;
}

// Raw kernel shape k as a function of u^2 = d^2 / h^2, zero outside the support.
template <Kernel K>
inline double shape(double u2, double cutoff_u2) {
  if (u2 > cutoff_u2) return 0.0;
  if constexpr (K == Kernel::Uniform) return 1.0;
  if constexpr (K == Kernel::Triangular) return 1.0 - std::sqrt(u2);
  if constexpr (K == Kernel::Epanechnikov) return 1.0 - u2;
  if constexpr (K == Kernel::Quartic) {
    const double t = 1.0 - u2;
    return t * t;
  }
  if constexpr (K == Kernel::Triweight) {
    const double t = 1.0 - u2;
    return t * t * t;
  }
  if constexpr (K == Kernel::Gaussian) return std::exp(-0.5 * u2);
  return 0.0;
}

double shape_of(Kernel k, double u2, double cutoff_u2) {
  switch (k) {
    case Kernel::Uniform: return shape<Kernel::Uniform>(u2, cutoff_u2);
    case Kernel::Triangular: return shape<Kernel::Triangular>(u2, cutoff_u2);
    case Kernel::Epanechnikov: return shape<Kernel::Epanechnikov>(u2, cutoff_u2);
    case Kernel::Quartic: return shape<Kernel::Quartic>(u2, cutoff_u2);
    case Kernel::Triweight: return shape<Kernel::Triweight>(u2, cutoff_u2);
    case Kernel::Gaussian: return shape<Kernel::Gaussian>(u2, cutoff_u2);
  }
  return 0.0;
}

// Adds every point's kernel to the cells of rows [row0, row1) whose centres lie
// within the support: a disc of cells per point, never the whole grid. Points
// are visited in input order, so each cell's sum does not depend on how the
// rows are split between threads.
template <Kernel K>
void splat_rows(const std::vector<WeightedPoint>& points, const GridSpec& g, double h, double support, double scale,
                double cutoff_u2, int row0, int row1, std::vector<double>& out) {
  const double inv_h2 = 1.0 / (h * h), support2 = support * support;
  for (const WeightedPoint& pt : points) {
    if (!std::isfinite(pt.x) || !std::isfinite(pt.y) || pt.w == 0) continue;
    // Rows whose centre y is within the support: center_y(r) = origin_y - (r + 0.5) * cell.
    const int r_lo = std::max(row0, static_cast<int>(std::ceil((g.origin_y - pt.y - support) / g.cell - 0.5)));
    const int r_hi = std::min(row1 - 1, static_cast<int>(std::floor((g.origin_y - pt.y + support) / g.cell - 0.5)));
    const double weight = pt.w * scale;
    for (int r = r_lo; r <= r_hi; ++r) {
      const double dy = g.center_y(r) - pt.y;
      const double half = std::sqrt(std::max(0.0, support2 - dy * dy));
      const int c_lo = std::max(0, static_cast<int>(std::ceil((pt.x - half - g.origin_x) / g.cell - 0.5)));
      const int c_hi = std::min(g.nx - 1, static_cast<int>(std::floor((pt.x + half - g.origin_x) / g.cell - 0.5)));
      double* row = out.data() + g.index(r, 0);
      for (int c = c_lo; c <= c_hi; ++c) {
        const double dx = g.center_x(c) - pt.x;
        const double u2 = (dx * dx + dy * dy) * inv_h2;
        row[c] += weight * shape<K>(u2, cutoff_u2);
      }
    }
  }
}

template <Kernel K>
void splat(const std::vector<WeightedPoint>& points, const GridSpec& g, const KdeParams& p, double scale,
           std::vector<double>& out) {
  const double support = kernel_support(p);
  const double cutoff_u2 = (support / p.bandwidth) * (support / p.bandwidth);
  const int threads = std::max(1, std::min(p.threads, g.ny));
  if (threads == 1) {
    splat_rows<K>(points, g, p.bandwidth, support, scale, cutoff_u2, 0, g.ny, out);
    return;
  }
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    const int r0 = g.ny * t / threads, r1 = g.ny * (t + 1) / threads;
    pool.emplace_back([&, r0, r1] { splat_rows<K>(points, g, p.bandwidth, support, scale, cutoff_u2, r0, r1, out); });
  }
  for (auto& th : pool) th.join();
}

// One point per distinct location, weighted by the sum of its points' weights,
// in the order of first appearance; points of weight 0 are dropped. police.uk
// snaps incidents to map points, so at London's density 1.16 M incidents sit on
// about 100 k locations: the splat, the stage's cost, shrinks tenfold
// (BENCHMARKS.md, issue 28). A cell then sums W k instead of k + k + ... W times,
// equal up to rounding (tests/analysis/kde_test.cpp).
std::vector<WeightedPoint> merge_coincident(const std::vector<WeightedPoint>& points) {
  std::unordered_map<PointKey, std::size_t, PointKeyHash> index;
  index.reserve(points.size() / 4);  // repeats_worth_merging: many repeat
  std::vector<WeightedPoint> merged;
  for (const WeightedPoint& pt : points) {
    if (pt.w == 0) continue;
    const auto [it, fresh] = index.try_emplace(PointKey::of(pt.x, pt.y), merged.size());
    if (fresh) merged.push_back(pt);
    else merged[it->second].w += pt.w;
  }
  return merged;
}

}  // namespace

Kernel parse_kernel(std::string_view name) {
  for (const auto& k : kKernels)
    if (name == k.name) return k.kernel;
  throw usage_error("kde", fmt::format("'{}' is not a kernel: use quartic, epanechnikov, triangular, uniform, "
                                       "triweight or gaussian", name));
}

std::string_view kernel_name(Kernel k) {
  for (const auto& c : kKernels)
    if (c.kernel == k) return c.name;
  return "unknown";
}

KdeOutput parse_kde_output(std::string_view name) {
  if (name == "density") return KdeOutput::Density;
  if (name == "raw") return KdeOutput::Raw;
  throw usage_error("kde", fmt::format("'{}' is not a KDE output: use density or raw", name));
}

double kernel_support(const KdeParams& p) {
  return p.kernel == Kernel::Gaussian ? p.gaussian_truncation * p.bandwidth : p.bandwidth;
}

double kernel_value(const KdeParams& p, double d) {
  const double u = d / p.bandwidth;
  const double cutoff = kernel_support(p) / p.bandwidth;
  const double k = shape_of(p.kernel, u * u, cutoff * cutoff);
  return p.output == KdeOutput::Raw ? k : normalisation(p) * k / (p.bandwidth * p.bandwidth);
}

std::vector<double> kde(const std::vector<WeightedPoint>& points, const GridSpec& spec, const KdeParams& p) {
  std::vector<double> out(spec.size(), 0.0);
  if (spec.size() == 0 || !(p.bandwidth > 0)) return out;
  // Density is reported per km^2: the kernel is per m^2.
  const double scale = p.output == KdeOutput::Raw ? 1.0 : normalisation(p) / (p.bandwidth * p.bandwidth) * 1e6;
  const bool merge = repeats_worth_merging(points, [](const WeightedPoint& q) { return std::pair{q.x, q.y}; });
  const std::vector<WeightedPoint> merged = merge ? merge_coincident(points) : std::vector<WeightedPoint>{};
  const std::vector<WeightedPoint>& distinct = merge ? merged : points;
  switch (p.kernel) {
    case Kernel::Quartic: splat<Kernel::Quartic>(distinct, spec, p, scale, out); break;
    case Kernel::Epanechnikov: splat<Kernel::Epanechnikov>(distinct, spec, p, scale, out); break;
    case Kernel::Triangular: splat<Kernel::Triangular>(distinct, spec, p, scale, out); break;
    case Kernel::Uniform: splat<Kernel::Uniform>(distinct, spec, p, scale, out); break;
    case Kernel::Triweight: splat<Kernel::Triweight>(distinct, spec, p, scale, out); break;
    case Kernel::Gaussian: splat<Kernel::Gaussian>(distinct, spec, p, scale, out); break;
  }
  return out;
}

// Default bandwidth: the side of a square as large as the study area, over 30,
// rounded to whole cells and kept between max(2 cells, 100 m) and 1,000 m.
// This is Chainey's rule of thumb for crime hotspot maps (cell = shorter side
// of the area / 150, bandwidth = 5 cells) with the area's square root as the
// side. It depends on the area, not on the month's points, so surfaces of
// successive months are comparable; a London borough (40-110 km^2) gets
// 200-350 m, the low hundreds of metres analysts expect.
double default_bandwidth(const std::vector<WeightedPoint>&, double study_area_m2, double cell) {
  const double raw = std::sqrt(std::max(0.0, study_area_m2)) / 30.0;
  const double lo = std::max(2.0 * cell, 100.0), hi = std::max(lo, 1000.0);
  const double clamped = std::clamp(raw, lo, hi);
  return std::max(std::round(clamped / cell), std::ceil(lo / cell)) * cell;
}

}  // namespace hotspot
