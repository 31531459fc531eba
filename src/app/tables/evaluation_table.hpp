#pragma once
// evaluation.csv (a row per target month, theme, method and coverage) and
// evaluation_summary.csv (per theme and method at the pack's coverage, with
// paired wins and losses against each naive baseline), declared by their
// columns (app/tables/table_columns.hpp).
#include <cstddef>
#include <optional>
#include <vector>

#include "analysis/backtest.hpp"
#include "analysis/forecast.hpp"
#include "core/theme.hpp"
#include "io/table.hpp"

namespace hotspot {

// A backtest row, with the index of the theme it belongs to.
struct EvaluationRow {
  std::size_t theme;
  const BacktestRow* of;
};
Table evaluation_table(const std::vector<EvaluationRow>& rows, const std::vector<Theme>& themes,
                       const std::vector<ForecastMethod>& methods);

// A method's summary, with the index of its theme. `baselines` and
// `pack_method` index `methods`: each summary's `paired` follows `baselines`.
struct EvaluationSummaryRow {
  std::size_t theme;
  const MethodSummary* of;
};
Table evaluation_summary_table(const std::vector<EvaluationSummaryRow>& rows, const std::vector<Theme>& themes,
                               const std::vector<ForecastMethod>& methods, const std::vector<std::size_t>& baselines,
                               std::optional<std::size_t> pack_method);

}  // namespace hotspot
