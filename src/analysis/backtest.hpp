#pragma once
// Rolling-origin backtest of hotspot forecasts: for each target month, each
// method predicts from the months strictly before it (forecast.hpp) and is
// measured on the target month at each coverage (forecast_measures.hpp).
#include <cstddef>
#include <functional>
#include <limits>
#include <span>
#include <vector>

#include <optional>

#include "analysis/forecast.hpp"
#include "analysis/forecast_measures.hpp"
#include "analysis/hotspot_drawing.hpp"
#include "core/period.hpp"

namespace hotspot {

struct BacktestRow {
  Month target = 0;
  std::size_t method = 0;          // index into the methods given
  int history_missing = 0;         // months with no data inside the method's look-back
  CoverageMeasures measures;
  // A drawn row measures the method's hotspot drawing (hotspot_drawing.hpp),
  // the squares the pack would publish, at the area it covers
  // (measures.coverage = measures.area_share); the others a fixed coverage.
  bool drawn = false;
  int hotspots = 0;                // drawn: the drawing's hotspots
  // Drawn: the mean PAI of the comparison rankings at the same area: the last
  // 12 months' top squares (cells_l12), and the hindsight reference. NaN when
  // not measured.
  double baseline_pai = std::numeric_limits<double>::quiet_NaN();
  double ceiling_pai = std::numeric_limits<double>::quiet_NaN();
};

// What the backtest draws besides the fixed coverages: each method that
// draws hotspots is drawn with `rule` and measured at the area the drawing
// covers, and `baseline` (cells_l12) at that same area.
struct BacktestDrawing {
  DrawingRule rule;
  std::optional<std::size_t> baseline;  // index into the methods; none: no baseline PAI on drawn rows
  // Called with each method's drawing (for tests: the pack publishes the same).
  std::function<void(std::size_t method, const HotspotDrawing&)> observe;
};

// One target month, every method and coverage, rows in that order (then, with
// `drawing`, each drawing method's drawn row after its coverages). `history`
// holds the months before the target, newest first (null: no data), as many
// as the longest look-back; `actual` is the target month itself. The caller
// builds layers in month order and keeps only this window, so memory does not
// grow with the number of months. The hindsight reference is skipped here:
// it needs months after the target (hindsight_rows).
std::vector<BacktestRow> backtest_month(Month target, std::span<const MonthLayer* const> history,
                                        const MonthLayer& actual, const EvalGrid& grid,
                                        std::span<const ForecastMethod> methods, std::span<const double> coverages,
                                        std::span<const double> bandwidths, const BacktestDrawing* drawing = nullptr);

// The hindsight reference's rows for one target month at each coverage, from
// its score (forecast.hpp's hindsight()); and, on each drawn row of that month
// in `drawn`, its PAI at the drawing's area (ceiling_pai).
std::vector<BacktestRow> hindsight_rows(Month target, std::size_t method, std::span<const double> score,
                                        std::span<const double> actual, std::span<const double> before,
                                        const EvalGrid& grid, std::span<const double> coverages,
                                        std::span<BacktestRow> drawn);

// The longest look-back among the methods.
int longest_lookback(std::span<const ForecastMethod> methods);

// A method's record over its drawn rows: its hotspot drawing at the area it
// covers, against cells_l12 and the hindsight reference at the same areas.
struct DrawnRecord {
  int months = 0;
  double mean_area_share = 0, mean_hotspots = 0;
  double mean_hit_rate = 0, mean_pai = 0, mean_pei = 0;
  double baseline_mean_pai = 0;  // cells_l12 at the same areas, the same months
  double ceiling_mean_pai = 0;   // the hindsight reference likewise (NaN without it)
  int wins = 0, losses = 0, ties = 0;  // months its PAI beat cells_l12's at the same area
};

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
  std::optional<DrawnRecord> drawn;  // when the rows hold drawn rows of the method
};

// The share of the possible gain over a baseline a method reaches:
// (method - baseline) / (ceiling - baseline), NaN when the ceiling does not
// beat the baseline (there is no gain to reach) or a value is missing.
double share_of_gain(double method, double baseline, double ceiling);

// Means skip months where a measure is undefined (no incidents); medians
// likewise. Fixed-coverage rows at `coverage` give the record; drawn rows its
// `drawn` record.
std::vector<MethodSummary> summarise(std::span<const BacktestRow> rows, std::size_t methods, double coverage,
                                     std::span<const std::size_t> against);

}  // namespace hotspot
