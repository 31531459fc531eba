#include "app/stages/evaluation.hpp"
#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <deque>
#include <fmt/format.h>

#include "core/error.hpp"
#include "geo/evaluation_grid.hpp"

namespace hotspot {

int EvaluationResult::target_months() const {
  return themes.empty() || themes[0].summary.empty() ? 0 : themes[0].summary[0].months;
}

std::optional<ForecastMethod> pack_forecast_method(const KdeConfig& k) {
  if (k.forecast_by_backtest()) return std::nullopt;
  return parse_forecast_method(k.forecast);
}

EvaluationPlan evaluation_plan(const RunConfig& cfg) {
  const EvaluateConfig& e = cfg.evaluate;
  EvaluationPlan plan;
  plan.coverages = e.coverages;
  plan.primary_coverage = cfg.kde.coverage;
  if (std::find(plan.coverages.begin(), plan.coverages.end(), plan.primary_coverage) == plan.coverages.end())
    plan.coverages.push_back(plan.primary_coverage);
  std::sort(plan.coverages.begin(), plan.coverages.end());
  plan.cell = e.cell;
  auto add = [&plan](const ForecastMethod& m) {
    const auto it = std::find(plan.methods.begin(), plan.methods.end(), m);
    if (it != plan.methods.end()) return static_cast<std::size_t>(it - plan.methods.begin());
    plan.methods.push_back(m);
    if (m.kind == ForecastKind::Kde &&
        std::find(plan.bandwidths.begin(), plan.bandwidths.end(), m.bandwidth) == plan.bandwidths.end())
      plan.bandwidths.push_back(m.bandwidth);
    return plan.methods.size() - 1;
  };
  for (const ForecastMethod& b : {ForecastMethod{ForecastKind::CellCounts, 0, 1, 0},
                                  ForecastMethod{ForecastKind::CellCounts, 0, 12, 0},
                                  ForecastMethod{ForecastKind::WardDensity, 0, 1, 0},
                                  ForecastMethod{ForecastKind::Uniform, 0, 1, 0}})
    plan.baselines.push_back(add(b));
  if (const auto m = pack_forecast_method(cfg.kde)) plan.pack_method = add(*m);
  for (const int l : e.lookbacks)
    for (const double t : e.half_lives)
      if (t > 0 && l > 1) add(ForecastMethod{ForecastKind::CellCounts, 0, l, t});
  for (const double h : e.bandwidths)
    for (const int l : e.lookbacks)
      for (const double t : e.half_lives)
        for (const double s : e.smoothings)
          if (t == 0 || l > 1) add(ForecastMethod{ForecastKind::Kde, h, l, t, s});  // decay needs more than one month
  return plan;
}

EvalGridPlan eval_grid_plan(const WardIndex& wards, double study_area_m2, double cell) {
  const Bounds& e = wards.extent();
  const double w = e.max_x - e.min_x, h = e.max_y - e.min_y;
  EvalGridPlan p;
  p.size = grid_size(w, h, 0, cell);
  p.area_share = p.size.cells() > 0 ? study_area_cells(w, h, study_area_m2, cell) / p.size.cells() : 1;
  return p;
}

double backtest_bytes_per_cell(const EvaluationPlan& plan, std::size_t themes, int threads, double area_share) {
  const double tasks = static_cast<double>(std::max<std::size_t>(1, std::min<std::size_t>(
      themes, static_cast<std::size_t>(std::max(1, threads)))));
  const double layers = longest_lookback(plan.methods) + 2.0;
  const double per_area_cell = 4 + tasks * (layers * month_layer_bytes(plan.bandwidths.size()) + 24);
  return 8 + tasks * kde_subgrid_bytes(plan.bandwidths.size()) + area_share * per_area_cell;
}

namespace {

// [month since the first with data][theme]: the incidents, bucketed once, so
// each month's layers are built once.
using MonthPoints = std::vector<std::vector<std::vector<WeightedPoint>>>;

// The months the data cover (into r: first, last, those without rows) and the incidents by month and theme.
MonthPoints points_by_month(const std::vector<Incident>& incidents, std::size_t themes, EvaluationResult& r,
                            std::vector<bool>& has_data) {
  if (incidents.empty())
    throw bad_input("evaluate", "no incident was accepted from the inputs, so there is nothing to backtest; check "
                                "the [[incidents]] paths and the rejects account.");
  r.first_data = r.last_data = incidents.front().month;
  for (const Incident& i : incidents) {
    r.first_data = std::min(r.first_data, i.month);
    r.last_data = std::max(r.last_data, i.month);
  }
  const int span = r.last_data - r.first_data + 1;
  MonthPoints points(static_cast<std::size_t>(span), std::vector<std::vector<WeightedPoint>>(themes));
  has_data.assign(static_cast<std::size_t>(span), false);
  for (const Incident& i : incidents) {
    const auto m = static_cast<std::size_t>(i.month - r.first_data);
    has_data[m] = true;
    for (std::size_t t = 0; t < themes; ++t)
      if (i.themes & (ThemeMask{1} << t)) points[m][t].push_back({.x = i.x, .y = i.y, .w = i.weight});
  }
  for (int m = 0; m < span; ++m)
    if (!has_data[static_cast<std::size_t>(m)]) r.missing_months.push_back(r.first_data + m);
  return points;
}

// The target months (into r): after evaluate.history_months of data, within
// evaluate.targets when given. A method may look back further than the
// history: early targets then see fewer months, and each row says how many of
// its look-back months had no data.
void choose_targets(const RunConfig& cfg, const TargetMonths& targets, EvaluationResult& r) {
  const int history = cfg.evaluate.history_months;
  r.first_target = std::max(r.first_data + history, targets.first.value_or(r.first_data));
  r.last_target = targets.last ? std::min(*targets.last, r.last_data) : r.last_data;
  if (targets.at_most > 0) r.first_target = std::max(r.first_target, r.last_target - targets.at_most + 1);
  if (r.first_target > r.last_target && targets.first)  // an explicit evaluate.targets
    throw bad_input("evaluate", fmt::format("evaluate.targets asks for {}..{}, but the months that can be backtested "
                                            "(data {}..{}, {} months of history first) are {}..{}. Choose target "
                                            "months in that range.",
                                            format_month(*targets.first),
                                            format_month(targets.last.value_or(r.last_data)),
                                            format_month(r.first_data), format_month(r.last_data), history,
                                            format_month(r.first_data + history), format_month(r.last_data)));
  if (r.first_target > r.last_target)
    throw bad_input("evaluate", fmt::format("the backtest needs {} months of history before its first target month, "
                                            "plus at least one target month ({} months); the inputs cover {} months "
                                            "({}..{}). Add earlier months or lower evaluate.history_months.",
                                            history, history + 1, r.last_data - r.first_data + 1,
                                            format_month(r.first_data), format_month(r.last_data)));
}

}  // namespace

EvaluationResult evaluate(const RunConfig& cfg, const EvaluationPlan& plan, const WardIndex& wards,
                          double study_area_m2, const std::vector<Incident>& incidents, const GridBudget& budget,
                          Progress& progress, const TargetMonths& targets) {
  EvaluationResult r;
  r.plan = plan;
  const std::size_t themes = cfg.taxonomy.themes.size();
  const EvalGridPlan grid = eval_grid_plan(wards, study_area_m2, plan.cell);
  budget.check(grid.size, plan.cell, backtest_bytes_per_cell(plan, themes, cfg.threads, grid.area_share),
               fmt::format("the backtest's {:g} m grids ({} theme{}, {} method{})", plan.cell, themes,
                           themes == 1 ? "" : "s", plan.methods.size(), plan.methods.size() == 1 ? "" : "s"),
               "evaluate.cell and the look-backs of evaluate.lookbacks and kde.forecast");
  r.themes.resize(themes);
  std::vector<bool> has_data;
  const MonthPoints points = points_by_month(incidents, themes, r, has_data);
  choose_targets(cfg, targets, r);
  r.grid = evaluation_grid(wards, study_area_m2, plan.cell);
  // A sliding window of layers, newest first: memory stays at `longest` + 1 months
  // a theme. Themes are independent: run.threads threads take one theme each.
  const int longest = longest_lookback(plan.methods);
  const Month first_needed = r.first_target - longest, last = r.last_target;
  const int steps = last - first_needed + 1;
  // The counter is every theme's months together, so it only goes forward
  // whichever thread finishes a month.
  const std::size_t total_steps = themes * static_cast<std::size_t>(steps);
  std::atomic<std::size_t> steps_done{0};
  parallel_for(themes, cfg.threads, [&](std::size_t t, int) {
    std::deque<std::optional<MonthLayer>> window;
    for (Month m = first_needed; m <= last; ++m) {
      progress.update("evaluate", ++steps_done, total_steps,
                      fmt::format("{} {}", cfg.taxonomy.themes[t].label, format_month(m)));
      const bool data = m >= r.first_data && has_data[static_cast<std::size_t>(m - r.first_data)];
      std::optional<MonthLayer> layer;
      if (data) layer = build_month_layer(points[static_cast<std::size_t>(m - r.first_data)][t], r.grid, plan.bandwidths);
      if (m >= r.first_target && layer) {
        std::vector<const MonthLayer*> hist;
        for (const auto& h : window) hist.push_back(h ? &*h : nullptr);
        std::vector<BacktestRow> rows =
            backtest_month(m, hist, *layer, r.grid, plan.methods, plan.coverages, plan.bandwidths);
        r.themes[t].rows.insert(r.themes[t].rows.end(), rows.begin(), rows.end());
      }
      window.push_front(std::move(layer));
      if (static_cast<int>(window.size()) > longest) window.pop_back();
    }
  });
  for (auto& th : r.themes) th.summary = summarise(th.rows, plan.methods.size(), plan.primary_coverage, plan.baselines);
  progress.finish("evaluate", fmt::format("{} methods, {} target months", plan.methods.size(), r.target_months()));
  return r;
}

}  // namespace hotspot
