#include "app/stages/pack_forecast.hpp"

#include <algorithm>
#include <functional>
#include <fmt/format.h>

#include "app/stages/evaluation.hpp"
#include "core/parallel.hpp"
#include "core/error.hpp"
#include "geo/evaluation_grid.hpp"

namespace hotspot {
namespace {

constexpr int kBacktestTargets = 12;
const char* const kFallbackMethod = "cells_l24_t12";

// The forecast for the month after `last` from the theme's incidents up to `last`.
ThemeForecast theme_forecast(const ForecastMethod& method, const EvalGrid& grid, const std::vector<Incident>& incidents,
                             std::size_t theme, Month last, double coverage) {
  ThemeForecast f;
  f.method = method;
  const std::vector<double> bands =
      method.kind == ForecastKind::Kde ? std::vector<double>{method.bandwidth} : std::vector<double>{};
  std::vector<std::vector<WeightedPoint>> months(static_cast<std::size_t>(method.lookback));
  const ThemeMask bit = ThemeMask{1} << theme;
  for (const Incident& i : incidents) {
    const int age = last - i.month;  // 0 = the period's last month = history[0]
    if ((i.themes & bit) && age >= 0 && age < method.lookback)
      months[static_cast<std::size_t>(age)].push_back({i.x, i.y, i.weight});
  }
  std::vector<MonthLayer> layers;
  layers.reserve(months.size());
  for (const auto& pts : months) layers.push_back(build_month_layer(pts, grid, bands));
  std::vector<const MonthLayer*> history;
  for (const MonthLayer& l : layers) history.push_back(&l);
  const std::vector<double> score = forecast(method, history, bands, grid.cells());

  f.grid.spec = grid.spec;
  f.grid.values.assign(grid.spec.size(), 0.0);
  f.grid.in_area.assign(grid.spec.size(), 0);
  for (std::size_t i = 0; i < grid.compact.size(); ++i)
    if (grid.compact[i] >= 0) {
      f.grid.in_area[i] = 1;
      f.grid.values[i] = score[static_cast<std::size_t>(grid.compact[i])];
    }
  const std::size_t k = cells_for_coverage(coverage, grid.spec.cell * grid.spec.cell, grid.study_area_m2, score.size());
  std::vector<double> sorted = score;
  if (k > 0) {
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k - 1), sorted.end(), std::greater<>());
    f.cut = sorted[k - 1];
  }
  // A cell the forecast gives nothing is never a hotspot, even below the coverage.
  if (!(f.cut > 0)) {
    double smallest = 0;
    for (const double v : score)
      if (v > 0 && (smallest == 0 || v < smallest)) smallest = v;
    f.cut = smallest > 0 ? smallest : 1;
  }
  return f;
}

// The methods the pack backtests: a fixed kde.forecast needs only its own record.
EvaluationPlan pack_plan(const RunConfig& cfg, const std::optional<ForecastMethod>& fixed) {
  EvaluationPlan plan = evaluation_plan(cfg);
  if (fixed) {
    plan.methods = {*fixed};
    plan.baselines.clear();
    plan.pack_method = 0;
    plan.bandwidths.clear();
    if (fixed->kind == ForecastKind::Kde) plan.bandwidths = {fixed->bandwidth};
  }
  plan.coverages = {cfg.kde.coverage};
  return plan;
}

// The backtest over the last kBacktestTargets months, on the months up to the
// period's end only: the pack never backtests on months after it. None, with
// a warning and the reason in `out`, when the data are too short.
std::optional<EvaluationResult> backtest_record(const RunConfig& cfg, const EvaluationPlan& plan, const WardIndex& wards,
                                                double study_area_m2, const std::vector<Incident>& incidents,
                                                const GridBudget& budget, Progress& progress, Diagnostics& diag,
                                                PackForecast& out) {
  std::vector<Incident> upto;
  for (const Incident& i : incidents)
    if (i.month <= cfg.period.last) upto.push_back(i);
  try {
    if (upto.empty()) throw bad_input("evaluate", "no incident up to the period's end");
    EvaluationResult record = evaluate(cfg, plan, wards, study_area_m2, upto, budget, progress,
                                       TargetMonths{std::nullopt, cfg.period.last, kBacktestTargets});
    out.first_target = record.first_target;
    out.last_target = record.last_target;
    return record;
  } catch (const Error& e) {
    // Only too little history makes the record a warning; the budget's errors (stage "grid") stop the run.
    if (e.kind() != ErrorKind::BadInput || e.stage() == "grid") throw;
    out.backtest_unavailable = e.what();
    diag.warn(fmt::format("the hotspots' backtested accuracy is not available: {}", e.what()));
    return std::nullopt;
  }
}

}  // namespace

int pack_forecast_months(const RunConfig& cfg) {
  int lookback = 1;
  if (const auto m = pack_forecast_method(cfg.kde)) lookback = m->lookback;
  else
    for (const int l : cfg.evaluate.lookbacks) lookback = std::max(lookback, l);
  // The last 12 targets, each with its look-back, or the history the backtest needs.
  return kBacktestTargets - 1 + std::max(lookback, cfg.evaluate.history_months);
}

namespace {

// What the forecast holds at once beside its backtest, per cell of its grid:
// every theme's 12 monthly forecast grids (score and mask), a theme's 12
// selections and scores and the tracks' cell labels while they are chained,
// the grid's cell index, and on each thread the month layers of the look-back
// with its scores and the KDE sub-grid.
double forecast_bytes_per_cell(const EvaluationPlan& plan, std::size_t themes, int threads, double area_share) {
  const double months = kTrackedMonths, tasks = std::max(1.0, std::min<double>(threads, themes * months));
  const double layers = longest_lookback(plan.methods) * month_layer_bytes(plan.bandwidths.size());
  const double per_area_cell = 4 + tasks * (layers + 16);
  return 8 + static_cast<double>(themes) * months * 9 + months * 9 + 12 +
         tasks * kde_subgrid_bytes(plan.bandwidths.size()) + area_share * per_area_cell;
}

}  // namespace

PackForecast pack_forecast(const RunConfig& cfg, const WardIndex& wards, double study_area_m2,
                           const std::vector<Incident>& incidents, const GridBudget& budget, Progress& progress,
                           Diagnostics& diag) {
  const std::optional<ForecastMethod> fixed = pack_forecast_method(cfg.kde);
  const EvaluationPlan plan = pack_plan(cfg, fixed);
  // Before the backtest, whose failure for want of history is only a warning:
  // the forecast's grids then get built all the same.
  const std::size_t themes = cfg.taxonomy.themes.size();
  const EvalGridPlan grid_plan = eval_grid_plan(wards, study_area_m2, cfg.evaluate.cell);
  budget.check(grid_plan.size, cfg.evaluate.cell,
               backtest_bytes_per_cell(plan, themes, cfg.threads, grid_plan.area_share) +
                   forecast_bytes_per_cell(plan, themes, cfg.threads, grid_plan.area_share),
               fmt::format("the hotspot forecast's {:g} m grids ({} months for each of {} theme{}, and their "
                           "backtest)", cfg.evaluate.cell, kTrackedMonths, themes, themes == 1 ? "" : "s"),
               "evaluate.cell and the look-back of kde.forecast");
  PackForecast out;
  out.methods = plan.methods;
  const std::optional<EvaluationResult> record =
      backtest_record(cfg, plan, wards, study_area_m2, incidents, budget, progress, diag, out);
  const EvalGrid grid = evaluation_grid(wards, study_area_m2, cfg.evaluate.cell);
  std::vector<ForecastMethod> methods(themes);
  std::vector<std::optional<MethodSummary>> bests(themes);
  for (std::size_t t = 0; t < themes; ++t) {
    ForecastMethod method = fixed ? *fixed : parse_forecast_method(kFallbackMethod);
    std::optional<MethodSummary> best;
    if (record && !record->themes[t].summary.empty()) {
      for (const MethodSummary& s : record->themes[t].summary)
        if (fixed ? s.method == 0 : (!best || s.mean_pai > best->mean_pai)) best = s;
      if (!fixed && best) method = plan.methods[best->method];
    }
    methods[t] = method;
    bests[t] = best;
  }
  // The forecast for the coming month and, with the same method, the hotspots
  // it gave for each earlier target month (for identity over time): one task
  // per theme and month, on run.threads threads, each into its own slot.
  constexpr std::size_t kMonths = kTrackedMonths;
  std::vector<ThemeForecast> past(themes * kMonths);
  parallel_for(past.size(), cfg.threads, [&](std::size_t i, int) {
    const std::size_t t = i / kMonths;
    const int back = static_cast<int>(kMonths - 1 - i % kMonths);
    past[i] = theme_forecast(methods[t], grid, incidents, t, cfg.period.last - back, cfg.kde.coverage);
  });
  for (std::size_t t = 0; t < themes; ++t) {
    std::vector<std::vector<std::uint8_t>> selected;
    std::vector<std::vector<double>> scores;
    for (std::size_t m = 0; m < kMonths; ++m) {  // back = kMonths - 1 - m: the coming month last
      const ThemeForecast& p = past[t * kMonths + m];
      selected.emplace_back(p.grid.values.size());
      for (std::size_t i = 0; i < p.grid.values.size(); ++i)
        selected.back()[i] = p.grid.in_area[i] && p.grid.values[i] > 0 && p.grid.values[i] >= p.cut;
      scores.push_back(p.grid.values);
    }
    ThemeForecast f = std::move(past[t * kMonths + kMonths - 1]);
    f.tracks = track_hotspots(grid.spec, selected, scores);
    f.first_tracked = cfg.period.last + 1 - (kTrackedMonths - 1);
    f.chosen_by_backtest = !fixed && bests[t].has_value();
    f.backtest = bests[t];
    if (!fixed && record) f.candidates = record->themes[t].summary;
    out.themes.push_back(std::move(f));
  }
  return out;
}

}  // namespace hotspot
