#pragma once
// The pack's hotspots for the coming month: per theme, the forecast of
// kde.forecast from the months up to the period's end, on the evaluation
// cells, with the cut that keeps the top kde.coverage of the study area; and
// the method's backtested accuracy at that coverage over the last 12 target
// months, from the same code as `hotspot evaluate`.
#include <optional>
#include <string>
#include <vector>

#include "analysis/backtest.hpp"
#include "analysis/hotspot_tracking.hpp"
#include "app/config/config.hpp"
#include "app/context/progress.hpp"
#include "core/diagnostics.hpp"
#include "core/grid.hpp"
#include "core/grid_budget.hpp"
#include "core/incident.hpp"
#include "geo/ward_index.hpp"

namespace hotspot {

struct ThemeForecast {
  ForecastMethod method;
  bool chosen_by_backtest = false;
  Grid grid;           // the evaluation grid with the forecast score per cell
  double cut = 0;      // cells scoring at least this (and above 0) are hotspots; ties at the cut are all kept
  std::optional<MethodSummary> backtest;  // at kde.coverage over the last 12 target months
  std::vector<MethodSummary> candidates;  // every method tried, when kde.forecast = "backtest"
  // The same method's hotspots for each of the last kTrackedMonths target
  // months (the coming month last), chained into tracks on `grid`'s cells.
  HotspotTracks tracks;
  Month first_tracked = 0;  // the target month of tracks' month 0
};

// Target months whose hotspots are chained into tracks (the coming month included).
constexpr int kTrackedMonths = 12;

struct PackForecast {
  std::vector<ThemeForecast> themes;  // in taxonomy order
  std::vector<ForecastMethod> methods;  // of the backtest, indexed by MethodSummary::method
  Month first_target = 0, last_target = 0;
  std::string backtest_unavailable;   // why, when there was too little history
};

// Months of data the forecast and its backtest read, ending at the period's end.
int pack_forecast_months(const RunConfig& cfg);

// Checks the memory of every grid it and its backtest hold against `budget`
// before allocating any (core/grid_budget.hpp).
PackForecast pack_forecast(const RunConfig& cfg, const WardIndex& wards, double study_area_m2,
                           const std::vector<Incident>& incidents, const GridBudget& budget, Progress& progress,
                           Diagnostics& diag);

}  // namespace hotspot
