#include "analysis/forecast_measures.hpp"

#include <algorithm>
#include <cstdint>
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

CoverageMeasures measure_cells(std::span<const std::uint8_t> chosen, std::span<const double> target,
                               std::span<const double> before, double cell_area_m2, double study_area_m2) {
  const std::size_t n = chosen.size();
  if (target.size() != n || before.size() != n)
    throw internal_error("evaluate", "chosen, target and before must cover the same cells");
  CoverageMeasures m;
  double before_total = 0, before_hits = 0;
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i) {
    m.target_total += target[i];
    before_total += before[i];
    if (!chosen[i]) continue;
    ++k;
    m.hits += target[i];
    before_hits += before[i];
  }
  m.cells = static_cast<double>(k);
  m.area_share = m.cells * cell_area_m2 / study_area_m2;
  m.coverage = m.area_share;
  if (k > 0) m.best_hits = top_sum(target, k);
  m.hit_rate = ratio(m.hits, m.target_total);
  m.pai = ratio(m.hit_rate, m.area_share);
  m.pei = ratio(m.hits, m.best_hits);
  m.rri = ratio(m.hit_rate, ratio(before_hits, before_total));
  return m;
}

std::vector<CoverageMeasures> measure_at_coverages(std::span<const double> score, std::span<const double> target,
                                                   std::span<const double> before, std::span<const double> coverages,
                                                   double cell_area_m2, double study_area_m2) {
  const std::size_t n = score.size();
  if (target.size() != n || before.size() != n)
    throw internal_error("evaluate", "score, target and before must cover the same cells");
  std::size_t most = 0;
  for (const double c : coverages) most = std::max(most, cells_for_coverage(c, cell_area_m2, study_area_m2, n));
  // Only the top `most` cells need an order: partition them off in O(n), then
  // sort just those, with running sums of target and before along the order.
  const auto higher = [&](std::uint32_t a, std::uint32_t b) { return score[a] > score[b] || (score[a] == score[b] && a < b); };
  std::vector<std::uint32_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
  std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(most), order.end(), higher);
  std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(most), higher);
  std::vector<double> hit_sum(most + 1, 0.0), before_sum(most + 1, 0.0);
  for (std::size_t r = 0; r < most; ++r) {
    hit_sum[r + 1] = hit_sum[r] + target[order[r]];
    before_sum[r + 1] = before_sum[r] + before[order[r]];
  }
  std::vector<double> best(target.begin(), target.end());
  std::nth_element(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(most), best.end(), std::greater<>());
  std::sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(most), std::greater<>());
  std::vector<double> best_sum(most + 1, 0.0);
  for (std::size_t r = 0; r < most; ++r) best_sum[r + 1] = best_sum[r] + best[r];
  double target_total = 0, before_total = 0;
  for (std::size_t i = 0; i < n; ++i) target_total += target[i], before_total += before[i];

  std::vector<CoverageMeasures> out;
  for (const double coverage : coverages) {
    CoverageMeasures m;
    m.coverage = coverage;
    const std::size_t k = cells_for_coverage(coverage, cell_area_m2, study_area_m2, n);
    m.cells = static_cast<double>(k);
    m.area_share = m.cells * cell_area_m2 / study_area_m2;
    m.target_total = target_total;
    double before_hits = 0;
    if (k > 0) {
      // The tied run around rank k shares the places left after the cells above it.
      const double cut = score[order[k - 1]];
      std::size_t lo = k - 1, hi = k;
      while (lo > 0 && score[order[lo - 1]] == cut) --lo;
      while (hi < most && score[order[hi]] == cut) ++hi;
      double tied = static_cast<double>(hi - lo);
      double tied_hits = hit_sum[hi] - hit_sum[lo], tied_before = before_sum[hi] - before_sum[lo];
      if (hi == most)  // the run may go on among the cells left unsorted
        for (std::size_t r = most; r < n; ++r)
          if (score[order[r]] == cut) ++tied, tied_hits += target[order[r]], tied_before += before[order[r]];
      const double share = static_cast<double>(k - lo) / tied;
      m.hits = hit_sum[lo] + share * tied_hits;
      before_hits = before_sum[lo] + share * tied_before;
      m.best_hits = best_sum[k];
    }
    m.hit_rate = ratio(m.hits, m.target_total);
    m.pai = ratio(m.hit_rate, m.area_share);
    m.pei = ratio(m.hits, m.best_hits);
    m.rri = ratio(m.hit_rate, ratio(before_hits, before_total));
    out.push_back(m);
  }
  return out;
}

}  // namespace hotspot
