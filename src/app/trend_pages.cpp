#include "app/trend_pages.hpp"

#include <fmt/format.h>

#include <cmath>

#include "analysis/disclosure.hpp"
#include "app/published_cells.hpp"
#include "io/svg_chart.hpp"
#include "io/svg_map.hpp"

namespace hotspot {
namespace {

std::string theme_chart(const RunContext& run, std::size_t t, const std::vector<bool>& has_data, const Period& span) {
  const Theme& theme = run.cfg.taxonomy.themes[t];
  std::vector<double> counts(static_cast<std::size_t>(span.months()), 0);
  const ThemeMask bit = ThemeMask{1} << t;
  for (const Incident& inc : run.ingest.incidents)
    if ((inc.themes & bit) && span.contains(inc.month)) ++counts[static_cast<std::size_t>(inc.month - span.first)];
  for (std::size_t m = 0; m < counts.size(); ++m)
    if (!has_data[m]) counts[m] = NAN;  // no rows at all that month: a gap, not zero
  if (theme.min_count > 1) {
    const Period base = run.cfg.period.baseline();
    std::size_t withheld_in_base = 0, smallest = counts.size();
    for (std::size_t m = 0; m < counts.size(); ++m) {
      const bool in_base = base.contains(span.first + static_cast<int>(m));
      if (is_suppressed(theme, static_cast<std::uint64_t>(std::isfinite(counts[m]) ? counts[m] : 0))) {
        counts[m] = NAN;
        withheld_in_base += in_base;
      } else if (in_base && std::isfinite(counts[m]) && (smallest == counts.size() || counts[m] < counts[smallest])) {
        smallest = m;
      }
    }
    if (withheld_in_base == 1 && smallest < counts.size()) counts[smallest] = NAN;
  }
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
  const Table& w = *run.ward_summary;
  const std::size_t all = w.rows.size() - 1;
  const auto mean = published_number(published_text(w, all, theme.id + "_baseline_mean"));
  const auto sd = published_number(published_text(w, all, theme.id + "_baseline_sd"));
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

std::string trend_pages(const RunContext& run) {
  if (!run.ward_summary) return {};
  const Period span{run.cfg.period.last - kTrendMonths + 1, run.cfg.period.last, ""};
  std::vector<bool> has_data(static_cast<std::size_t>(span.months()), false);
  for (const Incident& inc : run.ingest.incidents)
    if (span.contains(inc.month)) has_data[static_cast<std::size_t>(inc.month - span.first)] = true;
  const auto& themes = run.cfg.taxonomy.themes;
  std::string out;
  for (std::size_t first = 0; first < themes.size(); first += kTrendChartsPerPage) {
    std::string charts;
    for (std::size_t t = first; t < std::min(themes.size(), first + kTrendChartsPerPage); ++t)
      charts += "<figure class=\"trend\">" + theme_chart(run, t, has_data, span) + "</figure>";
    out += fmt::format("<section class=\"page trends\"><h2>Monthly trend, {}..{}</h2><p>The whole area's incidents "
                       "each month against the 12-month baseline mean before the period and one standard deviation "
                       "either side (per month). Gaps are months with no data, or counts withheld by disclosure control."
                       "</p><div class=\"trend-grid\">{}</div></section>\n",
                       format_month(span.first), format_month(span.last), charts);
  }
  return out;
}

}  // namespace hotspot
