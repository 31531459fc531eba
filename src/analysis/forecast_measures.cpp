#include "analysis/forecast_measures.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "core/error.hpp"

namespace hotspot {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double a, double b) { return b > 0 ? a / b : kNaN; }

// The k largest values' sum (k <= v.size()); order does not matter for the sum.
double top_sum(std::span<const double> v, std::size_t k) {
  std::vector<double> copy(v.begin(), v.end());
  std::nth_element(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(k), copy.end(), std::greater<>());
  double s = 0;
  for (std::size_t i = 0; i < k; ++i) s += copy[i];
  return s;
}

}  // namespace

std::size_t cells_for_coverage(double coverage, double cell_area_m2, double study_area_m2, std::size_t n) {
  // The small tolerance keeps 3% of exactly 100 cells at 3, not 2, after rounding in c * A / a.
  const double k = std::floor(coverage * study_area_m2 / cell_area_m2 + 1e-9);
  if (!(k > 0)) return 0;
  return std::min(n, static_cast<std::size_t>(k));
}

CoverageMeasures measure_at_coverage(std::span<const double> score, std::span<const double> target,
                                     std::span<const double> before, double coverage, double cell_area_m2,
                                     double study_area_m2) {
  const std::size_t n = score.size();
  if (target.size() != n || before.size() != n)
    throw internal_error("evaluate", "score, target and before must cover the same cells");
  CoverageMeasures m;
  m.coverage = coverage;
  const std::size_t k = cells_for_coverage(coverage, cell_area_m2, study_area_m2, n);
  m.cells = static_cast<double>(k);
  m.area_share = m.cells * cell_area_m2 / study_area_m2;
  double before_total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    m.target_total += target[i];
    before_total += before[i];
  }
  double before_hits = 0;
  if (k > 0) {
    // The k-th largest score splits the cells into those taken whole (above it)
    // and the tied ones, which share the remaining places.
    std::vector<double> sorted(score.begin(), score.end());
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k - 1), sorted.end(),
                     std::greater<>());
    const double cut = sorted[k - 1];
    std::size_t above = 0, tied = 0;
    double above_hits = 0, tied_hits = 0, above_before = 0, tied_before = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (score[i] > cut) {
        ++above;
        above_hits += target[i];
        above_before += before[i];
      } else if (score[i] == cut) {
        ++tied;
        tied_hits += target[i];
        tied_before += before[i];
      }
    }
    const double share = static_cast<double>(k - above) / static_cast<double>(tied);
    m.hits = above_hits + share * tied_hits;
    before_hits = above_before + share * tied_before;
    m.best_hits = top_sum(target, k);
  }
  m.hit_rate = ratio(m.hits, m.target_total);
  m.pai = ratio(m.hit_rate, m.area_share);
  m.pei = ratio(m.hits, m.best_hits);
  m.rri = ratio(m.hit_rate, ratio(before_hits, before_total));
  return m;
}

}  // namespace hotspot
