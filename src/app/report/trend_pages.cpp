#include "app/report/trend_pages.hpp"

#include <fmt/format.h>

#include <cmath>

#include "analysis/disclosure.hpp"
#include "app/tables/published_cells.hpp"
#include "io/svg_chart.hpp"

namespace hotspot {
namespace {

std::string theme_chart(const RunInputs& run, const WardResult& wards, std::size_t t, const std::vector<bool>& has_data,
                        const Period& span, DisclosureLedger& ledger) {
  const Table& w = wards.summary;
  const Theme& theme = run.cfg.taxonomy.themes[t];
  std::vector<std::uint64_t> per_month(static_cast<std::size_t>(span.months()), 0);
  const ThemeMask bit = ThemeMask{1} << t;
  for (const Incident& inc : run.ingest.incidents)
    if ((inc.themes & bit) && span.contains(inc.month)) ++per_month[static_cast<std::size_t>(inc.month - span.first)];
  // Each month as the ward table's month tiles decided it (app/disclosure/ward_disclosure.hpp).
  DisclosureTally tally;
  std::vector<double> counts(per_month.size());
  for (std::size_t m = 0; m < counts.size(); ++m) {  // no rows at all that month: a gap, not zero
    const Withheld withheld = has_data[m] ? wards.disclosure.chart_at(t, span.first + static_cast<Month>(m)) : Withheld::No;
    tally.add(withheld);
    counts[m] = !has_data[m] || withheld != Withheld::No ? NAN : static_cast<double>(per_month[m]);
  }
  if (tally.total()) ledger[theme.id][kTrendOutput] = tally;
  ChartSpec spec;
  spec.title = theme.label;
  spec.x_label = "month";
  spec.y_label = "incidents";
  spec.width = 420;
  spec.height = 260;
  std::vector<ChartSeries> series;
  ChartSeries monthly{"incidents", "#d7301f", {}, {}};
  for (int m = 0; m < span.months(); ++m) {
    spec.x_tick_labels.push_back(m % 6 == 0 || m == span.months() - 1 ? format_month(span.first + m) : "");
    monthly.x.push_back(m);
    monthly.y.push_back(counts[static_cast<std::size_t>(m)]);
  }
  series.push_back(monthly);
  const std::size_t all = w.rows.size() - 1;
  const auto mean = published_number(w, all, theme.id + "_baseline_mean");
  const auto sd = published_number(w, all, theme.id + "_baseline_sd");
  if (mean) {
    const double len = run.cfg.period.months();
    const auto flat = [&](const std::string& name, double v, bool dashed) {
      ChartSeries s{name, dashed ? "#7f7f7f" : "#404040", {}, {}, dashed};
      s.x = {0, static_cast<double>(span.months() - 1)};
      s.y = {v, v};
      return s;
    };
    series.push_back(flat("baseline mean", *mean / len, false));
    if (sd) {
      series.push_back(flat("mean + 1 sd", (*mean + *sd) / len, true));
      series.push_back(flat("mean - 1 sd", std::max(0.0, (*mean - *sd) / len), true));
    }
  }
  return svg_line_chart(spec, series);
}

}  // namespace

std::string trend_pages(const RunInputs& run, const WardResult& wards, DisclosureLedger& ledger) {
  const Period span = wards.disclosure.chart;
  std::vector<bool> has_data(static_cast<std::size_t>(span.months()), false);
  for (const Incident& inc : run.ingest.incidents)
    if (span.contains(inc.month)) has_data[static_cast<std::size_t>(inc.month - span.first)] = true;
  const auto& themes = run.cfg.taxonomy.themes;
  std::string out;
  for (std::size_t first = 0; first < themes.size(); first += kTrendChartsPerPage) {
    std::string charts;
    for (std::size_t t = first; t < std::min(themes.size(), first + kTrendChartsPerPage); ++t)
      charts += "<figure class=\"trend\">" + theme_chart(run, wards, t, has_data, span, ledger) + "</figure>";
    out += fmt::format("<section class=\"page trends\"><h2>Monthly trend, {}..{}</h2><p>The whole area's incidents "
                       "each month against the 12-month baseline mean before the period and one standard deviation "
                       "either side (per month). Gaps are months with no data, or counts withheld by disclosure control."
                       "</p><div class=\"trend-grid\">{}</div></section>\n",
                       format_month(span.first), format_month(span.last), charts);
  }
  return out;
}

}  // namespace hotspot
