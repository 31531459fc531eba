#pragma once
// Rolling-origin backtest of hotspot forecasts: for each target month, each
// method predicts from the months strictly before it (forecast.hpp) and is
// measured on the target month at each coverage (forecast_measures.hpp).
#include <cstddef>
#include <span>
#include <vector>

#include "analysis/forecast.hpp"
#include "analysis/forecast_measures.hpp"
#include "core/period.hpp"

namespace hotspot {

struct BacktestRow {
  Month target = 0;
  std::size_t method = 0;          // index into the methods given
  int history_missing = 0;         // months with no data inside the method's look-back
  CoverageMeasures measures;
};

// One target month, every method and coverage, rows in that order. `history`
// holds the months before the target, newest first (null: no data), as many
// as the longest look-back; `actual` is the target month itself. The caller
// builds layers in month order and keeps only this window, so memory does not
// grow with the number of months.
std::vector<BacktestRow> backtest_month(Month target, std::span<const MonthLayer* const> history,
                                        const MonthLayer& actual, const EvalGrid& grid,
                                        std::span<const ForecastMethod> methods, std::span<const double> coverages,
                                        std::span<const double> bandwidths);

// The longest look-back among the methods.
int longest_lookback(std::span<const ForecastMethod> methods);

// A method's record at one coverage over the target months, with paired
// comparisons on PAI: a win when it beat the other method in a month.
struct MethodSummary {
  std::size_t method = 0;
  double coverage = 0;
  int months = 0;
  double mean_hit_rate = 0, mean_pai = 0, median_pai = 0, mean_pei = 0, mean_rri = 0;
  struct Paired {
    std::size_t other = 0;
    int wins = 0, losses = 0, ties = 0;
  };
  std::vector<Paired> paired;  // one per method in `against`
};

// Means skip months where a measure is undefined (no incidents); medians likewise.
std::vector<MethodSummary> summarise(std::span<const BacktestRow> rows, std::size_t methods, double coverage,
                                     std::span<const std::size_t> against);

}  // namespace hotspot
