#pragma once
// Prospective hotspot forecasts on a grid of evaluation cells (100 m by
// default), built only from months before the target month.
//
// A forecast scores every cell of the study area; the top cells at a fixed
// coverage are the predicted hotspots (see forecast_measures.hpp). Methods:
//   kde          sum over the look-back months of w(age) * (s * the month's
//                KDE surface + (1 - s) * the month's cell counts): quartic
//                kernel, bandwidth h, integrated over each cell on a 4 x 4
//                sub-grid and scaled so each incident adds the same mass as a
//                count; s = 1 is plain KDE, s < 1 keeps part of each incident
//                in its own cell (smoothing as a tie-breaker for counts)
//   cell_counts  sum over the look-back months of w(age) * the month's count
//                in the cell (the naive "top squares" an analyst would count)
//   ward_density sum over the look-back months of w(age) * the count of the
//                cell's ward per cell of that ward (the naive "top wards")
//   uniform      every cell the same: a uniform random ranking, measured by
//                its expectation (hit rate = coverage)
// where age 1 is the month just before the target and
//   w(age) = 0.5 ^ ((age - 1) / half_life), or 1 when half_life = 0.
// Every method is linear in the monthly layers, so a month's layer is built
// once and reused by every target month and method.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/kde.hpp"
#include "core/grid.hpp"

namespace hotspot {

enum class ForecastKind { Kde, CellCounts, WardDensity, Uniform };

struct ForecastMethod {
  ForecastKind kind = ForecastKind::Kde;
  double bandwidth = 0;  // metres (kde)
  int lookback = 1;      // months before the target
  double half_life = 0;  // months; 0 = equal weights
  double smoothing = 1;  // kde: share of each incident spread by the kernel; the rest stays in its cell

  std::string id() const;     // "kde_h100_l12_t6", "kde_h100_l12_t6_s0.25", "cells_l1", "wards_l1", "uniform"
  std::string label() const;  // "KDE 100 m, 12 months, half-life 6"
  bool operator==(const ForecastMethod&) const = default;
};

// Parses an id as written by ForecastMethod::id; throws a usage Error otherwise.
ForecastMethod parse_forecast_method(const std::string& id);

double month_weight(int age, double half_life);
// The sum of the look-back's month weights: a forecast score divided by it is
// a weighted mean of monthly counts, i.e. incidents per month.
double forecast_weight_sum(const ForecastMethod& m);

// The cells of the study area on an evaluation grid.
struct EvalGrid {
  GridSpec spec;                       // cell = evaluation cell size
  std::vector<std::int64_t> compact;   // per grid cell: index among the study-area cells, or -1
  std::vector<std::uint32_t> ward;     // per study-area cell: its ward (for ward_density)
  std::size_t wards = 0;
  double study_area_m2 = 0;

  std::size_t cells() const { return ward.size(); }
  // Study-area cell holding (x, y), or -1.
  std::int64_t cell_of(double x, double y) const;
};

// One month of one theme on the evaluation cells.
struct MonthLayer {
  std::vector<double> counts;                 // per cell
  std::vector<std::vector<double>> smoothed;  // [bandwidth][cell]
  std::vector<double> ward_density;           // per cell
};

// Memory, for the budget check (core/grid_budget.hpp). A month layer, per
// study-area cell: counts and ward density, and one smoothed layer per KDE
// bandwidth.
double month_layer_bytes(std::size_t bandwidths);
// While a month's KDE layers are built, per cell of the whole evaluation grid:
// the surface on the sub-grid (kSubCells^2 doubles), one bandwidth at a time;
// nothing without a bandwidth.
double kde_subgrid_bytes(std::size_t bandwidths);
// The cells of an evaluation grid of `cell` over a `width` x `height` extent
// that the study area of `area_m2` may hold: its area in cells plus a ring of
// edge cells, at most every cell of the grid.
double study_area_cells(double width, double height, double area_m2, double cell);

// Points outside every study-area cell are not counted (the caller keeps only
// incidents inside the study area, whose cells are all in the grid).
MonthLayer build_month_layer(const std::vector<WeightedPoint>& points, const EvalGrid& grid,
                             std::span<const double> bandwidths);

// The forecast for one target month. history[0] is the month just before the
// target, history[1] the one before, and so on; a null entry is a month with
// no data, which adds nothing. Only `method.lookback` entries are read, and
// the function is never given the target month or any later one.
std::vector<double> forecast(const ForecastMethod& method, std::span<const MonthLayer* const> history,
                             std::span<const double> bandwidths, std::size_t cells);

}  // namespace hotspot
