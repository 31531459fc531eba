#include "analysis/backtest.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace hotspot {

int longest_lookback(std::span<const ForecastMethod> methods) {
  int longest = 1;
  for (const ForecastMethod& m : methods) longest = std::max(longest, m.lookback);
  return longest;
}

std::vector<BacktestRow> backtest_month(Month target, std::span<const MonthLayer* const> history,
                                        const MonthLayer& actual, const EvalGrid& grid,
                                        std::span<const ForecastMethod> methods, std::span<const double> coverages,
                                        std::span<const double> bandwidths, const BacktestDrawing* drawing) {
  const std::vector<double> none(grid.cells(), 0.0);
  const double cell_area = grid.spec.cell * grid.spec.cell;
  const std::vector<double>& before = !history.empty() && history[0] ? history[0]->counts : none;
  std::vector<double> baseline;  // cells_l12's score, measured at each drawing's area
  if (drawing && drawing->baseline) baseline = forecast(methods[*drawing->baseline], history, bandwidths, grid.cells());
  std::vector<BacktestRow> rows;
  for (std::size_t i = 0; i < methods.size(); ++i) {
    if (!methods[i].is_forecast()) continue;  // hindsight_rows
    const std::vector<double> score = forecast(methods[i], history, bandwidths, grid.cells());
    int missing = 0;
    for (std::size_t age = 0; age < static_cast<std::size_t>(methods[i].lookback); ++age)
      missing += age >= history.size() || history[age] == nullptr;
    for (const CoverageMeasures& m :
         measure_at_coverages(score, actual.counts, before, coverages, cell_area, grid.study_area_m2))
      rows.push_back({target, i, missing, m});
    if (!drawing || !methods[i].draws_hotspots()) continue;
    const bool withholds = drawing->rule.min_count > 1 || drawing->rule.protected_min_count > 1;
    const LookbackIncidents rests_on = withholds ? lookback_incidents(methods[i], history, grid.cells()) : LookbackIncidents{};
    const HotspotDrawing d = draw_forecast(grid, score, drawing->rule, withholds ? &rests_on : nullptr);
    if (drawing->observe) drawing->observe(i, d);
    std::vector<std::uint8_t> chosen(grid.cells(), 0);
    for (std::size_t c = 0; c < grid.compact.size(); ++c)
      if (grid.compact[c] >= 0 && d.hotspot[c] > 0) chosen[static_cast<std::size_t>(grid.compact[c])] = 1;
    BacktestRow row{target, i, missing, measure_cells(chosen, actual.counts, before, cell_area, grid.study_area_m2)};
    row.drawn = true;
    row.hotspots = d.hotspots;
    if (!baseline.empty() && d.cells > 0)
      row.baseline_pai = measure_at_coverage(baseline, actual.counts, before, row.measures.area_share, cell_area,
                                             grid.study_area_m2).pai;
    rows.push_back(row);
  }
  return rows;
}

std::vector<BacktestRow> hindsight_rows(Month target, std::size_t method, std::span<const double> score,
                                        std::span<const double> actual, std::span<const double> before,
                                        const EvalGrid& grid, std::span<const double> coverages,
                                        std::span<BacktestRow> drawn) {
  const double cell_area = grid.spec.cell * grid.spec.cell;
  std::vector<BacktestRow> rows;
  for (const CoverageMeasures& m : measure_at_coverages(score, actual, before, coverages, cell_area, grid.study_area_m2))
    rows.push_back({target, method, 0, m});
  for (BacktestRow& r : drawn)
    if (r.drawn && r.target == target && r.measures.cells > 0)
      r.ceiling_pai = measure_at_coverage(score, actual, before, r.measures.area_share, cell_area, grid.study_area_m2).pai;
  return rows;
}

double share_of_gain(double method, double baseline, double ceiling) {
  if (!std::isfinite(method) || !std::isfinite(baseline) || !std::isfinite(ceiling) || !(ceiling > baseline))
    return std::numeric_limits<double>::quiet_NaN();
  return (method - baseline) / (ceiling - baseline);
}

namespace {

double mean_of(const std::vector<double>& v) {
  double s = 0;
  std::size_t n = 0;
  for (double x : v)
    if (std::isfinite(x)) s += x, ++n;
  return n ? s / static_cast<double>(n) : std::nan("");
}

double median_of(std::vector<double> v) {
  std::erase_if(v, [](double x) { return !std::isfinite(x); });
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const std::size_t h = v.size() / 2;
  return v.size() % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

// One month of a paired comparison on PAI (a against b) into a record's
// wins, losses and ties. Equal within rounding noise counts as a tie, not a win.
template <typename Record>
void count_month(Record& record, double a, double b) {
  if (std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b))) ++record.ties;
  else if (a > b) ++record.wins;
  else ++record.losses;
}

// One measure of a method over its months, in month order.
template <typename ByMonth, typename Measure>
std::vector<double> values_of(const ByMonth& by_month, Measure measure) {
  std::vector<double> out;
  out.reserve(by_month.size());
  for (const auto& [month, record] : by_month) out.push_back(static_cast<double>(std::invoke(measure, *record)));
  return out;
}

// Whether a drawn month compares with cells_l12: both PAIs defined.
bool paired(const BacktestRow& r) { return std::isfinite(r.measures.pai) && std::isfinite(r.baseline_pai); }

}  // namespace

std::vector<MethodSummary> summarise(std::span<const BacktestRow> rows, std::size_t methods, double coverage,
                                     std::span<const std::size_t> against) {
  // PAI per method per target month at this coverage.
  std::vector<std::map<Month, const CoverageMeasures*>> by_method(methods);
  std::vector<std::map<Month, const BacktestRow*>> drawn(methods);
  for (const BacktestRow& r : rows) {
    if (r.drawn) drawn[r.method][r.target] = &r;
    else if (r.measures.coverage == coverage) by_method[r.method][r.target] = &r.measures;
  }
  std::vector<MethodSummary> out;
  for (std::size_t m = 0; m < methods; ++m) {
    MethodSummary s;
    s.method = m;
    s.coverage = coverage;
    const auto& by_month = by_method[m];
    s.months = static_cast<int>(by_month.size());
    s.mean_hit_rate = mean_of(values_of(by_month, &CoverageMeasures::hit_rate));
    s.mean_pai = mean_of(values_of(by_month, &CoverageMeasures::pai));
    s.median_pai = median_of(values_of(by_month, &CoverageMeasures::pai));
    s.mean_pei = mean_of(values_of(by_month, &CoverageMeasures::pei));
    s.mean_rri = mean_of(values_of(by_month, &CoverageMeasures::rri));
    for (const std::size_t o : against) {
      MethodSummary::Paired p{o, 0, 0, 0};
      for (const auto& [month, me] : by_method[m]) {
        const auto it = by_method[o].find(month);
        if (it == by_method[o].end() || !std::isfinite(me->pai) || !std::isfinite(it->second->pai)) continue;
        count_month(p, me->pai, it->second->pai);
      }
      s.paired.push_back(p);
    }
    if (!drawn[m].empty()) {
      DrawnRecord d;
      for (const auto& [month, r] : drawn[m])
        if (paired(*r)) count_month(d, r->measures.pai, r->baseline_pai);
      const auto& rows_of = drawn[m];
      const auto measure = [&](double CoverageMeasures::*of) {
        return mean_of(values_of(rows_of, [of](const BacktestRow& r) { return r.measures.*of; }));
      };
      d.months = static_cast<int>(rows_of.size());
      d.mean_area_share = measure(&CoverageMeasures::area_share);
      d.mean_hotspots = mean_of(values_of(rows_of, [](const BacktestRow& r) { return static_cast<double>(r.hotspots); }));
      d.mean_hit_rate = measure(&CoverageMeasures::hit_rate);
      d.mean_pai = measure(&CoverageMeasures::pai);
      d.mean_pei = measure(&CoverageMeasures::pei);
      // The comparisons are paired: months where either PAI is undefined count in neither mean.
      d.baseline_mean_pai = mean_of(values_of(rows_of, [](const BacktestRow& r) {
        return paired(r) ? r.baseline_pai : std::nan("");
      }));
      d.ceiling_mean_pai = mean_of(values_of(rows_of, [](const BacktestRow& r) {
        return std::isfinite(r.measures.pai) ? r.ceiling_pai : std::nan("");
      }));
      s.drawn = d;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace hotspot
