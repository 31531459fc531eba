#pragma once
// How well a ranked-cell forecast caught the target month's incidents, at a
// fixed share of the study area ("coverage"), as crime-prediction studies
// report it (Chainey, Tompson & Uhlig 2008; Levine 2008; Hunt 2016).
//
// The study area is a set of equal cells (a cell belongs to it when its centre
// does). For coverage c the forecast selects k = floor(c * A / a) cells, A the
// study area and a the cell area, in descending order of score.
//
// Ties at the boundary: when the k-th cell's score is shared by t cells of
// which only r fit, each of those t cells is credited r / t of its incidents:
// the expected result of breaking the tie at random, without a seed. So a
// forecast that scores every cell the same (a uniform random ranking) gets
// exactly hit rate = share of area, PAI = 1.
//
//   hit rate  h = n / N          n: target incidents in the selected cells, N: all
//   PAI       h / (k a / A)      Predictive Accuracy Index
//   PEI       n / n*             n*: the most any k cells held (the target's own top k)
//   RRI       (n / N) / (n1 / N1), n1 and N1 the same for the month before the
//             target (Recapture Rate Index: how much of its share the area kept)
// Each is NaN when its denominator is zero.
#include <cstdint>
#include <span>
#include <vector>

namespace hotspot {

struct CoverageMeasures {
  double coverage = 0;    // as asked
  double cells = 0;       // k
  double area_share = 0;  // k a / A
  double hits = 0;        // n (fractional when ties are split)
  double target_total = 0;
  double best_hits = 0;   // n*
  double hit_rate = 0, pai = 0, pei = 0, rri = 0;
};

// score, target and before are per study-area cell, in the same order.
CoverageMeasures measure_at_coverage(std::span<const double> score, std::span<const double> target,
                                     std::span<const double> before, double coverage, double cell_area_m2,
                                     double study_area_m2);

// The same at several coverages at once, equal to measure_at_coverage for each:
// the top cells of the widest coverage are partitioned off in O(n) and only
// they are sorted, so the backtest pays one linear pass per method and month
// rather than one per coverage (the measures were 60% of `evaluate`'s time).
std::vector<CoverageMeasures> measure_at_coverages(std::span<const double> score, std::span<const double> target,
                                                   std::span<const double> before, std::span<const double> coverages,
                                                   double cell_area_m2, double study_area_m2);

// The same for a chosen set of cells (a hotspot drawing, which keeps its ties
// whole): chosen[i] != 0 marks study-area cell i; k = the cells chosen, n the
// target's incidents in them, and `coverage` = the area share k a / A.
CoverageMeasures measure_cells(std::span<const std::uint8_t> chosen, std::span<const double> target,
                               std::span<const double> before, double cell_area_m2, double study_area_m2);

// k for a coverage (at least 0, at most n).
std::size_t cells_for_coverage(double coverage, double cell_area_m2, double study_area_m2, std::size_t n);

}  // namespace hotspot
