#pragma once
// The rolling-origin backtest behind `hotspot evaluate` and the accuracy the
// pack states for its own hotspot method: typed result, no files.
#include <cstddef>
#include <optional>
#include <vector>

#include "analysis/backtest.hpp"
#include "app/config/config.hpp"
#include "app/context/progress.hpp"
#include "core/grid_budget.hpp"
#include "core/incident.hpp"
#include "geo/ward_index.hpp"

namespace hotspot {

struct EvaluationPlan {
  std::vector<ForecastMethod> methods;
  std::vector<std::size_t> baselines;  // indices into methods
  std::optional<std::size_t> pack_method;  // the method the pack's hotspots use; none for "backtest"
  std::vector<double> coverages;
  double primary_coverage = 0.03;      // the pack's coverage: summaries and wins are at this one
  std::vector<double> bandwidths;      // every KDE bandwidth among the methods
  double cell = 100;
};

// The forecast the pack's hotspots are drawn from (kde.forecast); none when
// it is "backtest", chosen per theme.
std::optional<ForecastMethod> pack_forecast_method(const KdeConfig& k);

// The methods `hotspot evaluate` compares: the naive baselines, the KDE grid
// of [evaluate] and the pack's own method.
EvaluationPlan evaluation_plan(const RunConfig& cfg);

struct EvaluationResult {
  EvaluationPlan plan;
  EvalGrid grid;
  Month first_data = 0, last_data = 0, first_target = 0, last_target = 0;
  std::vector<Month> missing_months;  // inside the data span, no incident at all
  struct Theme {
    std::vector<BacktestRow> rows;
    std::vector<MethodSummary> summary;  // at plan.primary_coverage, paired against the baselines
  };
  std::vector<Theme> themes;             // in taxonomy order
  int target_months() const;
};

// Which target months to backtest. Each target month reads only the months
// before it, so its rows do not depend on the others: a backtest split into
// month ranges gives, row for row, the rows of the whole (docs/scale.md).
struct TargetMonths {
  std::optional<Month> first;  // default: the first month with `history` months of data before it
  std::optional<Month> last;   // default: the last month with data
  int at_most = 0;             // > 0: only the last `at_most` of them
};

// The evaluation grid of `cell` over the wards, before it is built: its size,
// and the share of its cells the study area holds, for the budget check.
struct EvalGridPlan {
  GridSize size;
  double area_share = 1;
};
EvalGridPlan eval_grid_plan(const WardIndex& wards, double study_area_m2, double cell);

// What the backtest holds at once, per cell of its evaluation grid: the grid's
// cell index, and on each of min(threads, themes) threads the month layers of
// the longest look-back (plus the target month and one being built), the
// scores, and the KDE sub-grid while a layer is smoothed.
double backtest_bytes_per_cell(const EvaluationPlan& plan, std::size_t themes, int threads, double area_share);

// Backtests the target months. Throws a bad-input Error naming both lengths
// when the data are too short for one target month, and the budget's Error,
// before any grid is allocated, when its grids would not fit.
EvaluationResult evaluate(const RunConfig& cfg, const EvaluationPlan& plan, const WardIndex& wards,
                          double study_area_m2, const std::vector<Incident>& incidents, const GridBudget& budget,
                          Progress& progress, const TargetMonths& targets = {});

}  // namespace hotspot
