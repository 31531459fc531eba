// Evaluate stage: `hotspot evaluate` writes the backtest of every hotspot
// method as evaluation.csv (one row per target month, theme, method and
// coverage), evaluation_summary.csv (per theme and method at the pack's
// coverage, with paired wins against each naive baseline) and
// evaluation.html (hit rate against coverage, and PAI month by month).
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "app/stages/evaluation.hpp"
#include "app/stages/stages.hpp"
#include "app/tables/evaluation_table.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/html_text.hpp"
#include "io/svg_chart.hpp"

namespace hotspot {
namespace {

Table rows_table(const RunConfig& cfg, const EvaluationResult& r) {
  std::vector<EvaluationRow> rows;
  for (std::size_t th = 0; th < r.themes.size(); ++th)
    for (const BacktestRow& row : r.themes[th].rows) rows.push_back({th, &row});
  return evaluation_table(rows, cfg.taxonomy.themes, r.plan.methods);
}

Table summary_table(const RunConfig& cfg, const EvaluationResult& r) {
  std::vector<EvaluationSummaryRow> rows;
  for (std::size_t th = 0; th < r.themes.size(); ++th)
    for (const MethodSummary& summary : r.themes[th].summary) rows.push_back({th, &summary});
  return evaluation_summary_table(rows, cfg.taxonomy.themes, r.plan.methods, r.plan.baselines, r.plan.pack_method);
}

// The candidate with the highest mean PAI at the pack's coverage.
std::size_t best_method(const EvaluationResult::Theme& th) {
  std::size_t best = th.summary.front().method;
  double best_pai = -1;
  for (const MethodSummary& s : th.summary)
    if (std::isfinite(s.mean_pai) && s.mean_pai > best_pai) best_pai = s.mean_pai, best = s.method;
  return best;
}

const MethodSummary& summary_of(const EvaluationResult::Theme& th, std::size_t method) {
  for (const MethodSummary& s : th.summary)
    if (s.method == method) return s;
  return th.summary.front();
}

constexpr const char* kColours[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d"};

std::string evaluation_html(const RunConfig& cfg, const EvaluationResult& r) {
  std::string body;
  const std::string cov = fmt::format("{:g}%", r.plan.primary_coverage * 100);
  body += fmt::format("<h1>{}: which hotspot method predicts next month?</h1>\n", html_escape(cfg.area_name));
  body += fmt::format(
      "<p>Each method draws hotspots from the months before a target month only, and is scored on how many of the "
      "target month's incidents fall in its top cells ({:g} m squares) covering a fixed share of the study area. "
      "Target months {}..{} ({} months), data {}..{}. Hit rate is the share of the month's incidents caught; PAI "
      "divides it by the share of area, so 1 is no better than chance. Paired wins count the months a method beat "
      "a baseline.</p>\n",
      r.plan.cell, format_month(r.first_target), format_month(r.last_target), r.target_months(),
      format_month(r.first_data), format_month(r.last_data));
  if (!r.missing_months.empty()) {
    std::vector<std::string> names;
    for (const Month m : r.missing_months) names.push_back(format_month(m));
    body += fmt::format("<p class=\"warn\">Months with no data at all (no file or no rows): {}. They are skipped as "
                        "targets and add nothing to the look-backs that include them; the rows say how many "
                        "look-back months were missing.</p>\n",
                        fmt::join(names, ", "));
  }
  for (std::size_t th = 0; th < r.themes.size(); ++th) {
    const EvaluationResult::Theme& theme = r.themes[th];
    if (theme.summary.empty()) continue;
    const std::size_t best = best_method(theme);
    std::vector<std::size_t> shown = r.plan.baselines;
    if (r.plan.pack_method) shown.push_back(*r.plan.pack_method);
    if (best != r.plan.pack_method) shown.push_back(best);
    body += fmt::format("<h2>{}</h2>\n<table><tr><th>method</th><th>mean hit rate at {}</th><th>mean PAI</th>"
                        "<th>median PAI</th><th>mean PEI</th>",
                        html_escape(cfg.taxonomy.themes[th].label), cov);
    for (const std::size_t b : r.plan.baselines)
      body += fmt::format("<th>months won vs {}</th>", html_escape(r.plan.methods[b].label()));
    body += "</tr>\n";
    for (const std::size_t m : shown) {
      const MethodSummary& s = summary_of(theme, m);
      body += fmt::format("<tr><td>{}{}</td><td>{:.3f}</td><td>{:.2f}</td><td>{:.2f}</td><td>{:.3f}</td>",
                          html_escape(r.plan.methods[m].label()),
                          m == r.plan.pack_method ? " (the pack's method)" : m == best ? " (best mean PAI)" : "",
                          s.mean_hit_rate, s.mean_pai, s.median_pai, s.mean_pei);
      for (const MethodSummary::Paired& p : s.paired)
        body += p.other == m ? "<td>-</td>" : fmt::format("<td>{} of {}</td>", p.wins, p.wins + p.losses + p.ties);
      body += "</tr>\n";
    }
    body += "</table>\n";

    // Hit rate against coverage, averaged over the target months.
    std::vector<ChartSeries> curves;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      ChartSeries c{r.plan.methods[shown[k]].label(), kColours[k % 6], {}, {},
                    std::find(r.plan.baselines.begin(), r.plan.baselines.end(), shown[k]) != r.plan.baselines.end()};
      for (const double coverage : r.plan.coverages) {
        double sum = 0;
        int n = 0;
        for (const BacktestRow& row : theme.rows)
          if (row.method == shown[k] && row.measures.coverage == coverage && std::isfinite(row.measures.hit_rate))
            sum += row.measures.hit_rate, ++n;
        c.x.push_back(coverage * 100);
        c.y.push_back(n ? sum / n : std::nan(""));
      }
      curves.push_back(std::move(c));
    }
    body += svg_line_chart({"Hit rate against coverage (mean over target months)", "% of study area",
                            "share of incidents caught", {}, 640, 300, true}, curves);
    // PAI month by month at the pack's coverage.
    std::vector<std::string> months;
    for (Month m = r.first_target; m <= r.last_target; ++m) months.push_back(format_month(m));
    std::vector<ChartSeries> paired;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      ChartSeries c{r.plan.methods[shown[k]].label(), kColours[k % 6], {}, {},
                    std::find(r.plan.baselines.begin(), r.plan.baselines.end(), shown[k]) != r.plan.baselines.end()};
      for (Month m = r.first_target; m <= r.last_target; ++m) {
        double v = std::nan("");
        for (const BacktestRow& row : theme.rows)
          if (row.method == shown[k] && row.target == m && row.measures.coverage == r.plan.primary_coverage)
            v = row.measures.pai;
        c.x.push_back(m - r.first_target);
        c.y.push_back(v);
      }
      paired.push_back(std::move(c));
    }
    body += svg_line_chart({fmt::format("PAI at {} coverage, month by month", cov), "target month", "PAI", months,
                            640, 300, true}, paired);
  }
  return fmt::format(R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{} hotspot backtest</title>
<style>body {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; max-width: 270mm; margin: 0 auto; }}
table {{ border-collapse: collapse; margin: 2mm 0 4mm; }} th, td {{ border: 1px solid #bbb; padding: 1mm 2mm; }}
th {{ background: #eceff1; }} .warn {{ border-left: 4px solid #d73027; background: #fff4f2; padding: 2mm 3mm; }}
svg {{ display: block; margin: 2mm 0; }}</style></head>
<body>
{}</body></html>
)", html_escape(cfg.area_name), body);
}

}  // namespace

EvaluationResult compute_evaluation(const RunInputs& run, Progress& progress) {
  const RunConfig& cfg = run.cfg;
  // evaluate.targets (--targets) narrows the target months: one part of a split backtest (docs/scale.md).
  const std::optional<Period>& part = cfg.evaluate.targets;
  const TargetMonths targets = part ? TargetMonths{part->first, part->last, 0} : TargetMonths{};
  return evaluate(cfg, evaluation_plan(cfg), run.ward_set->index(), run.ward_set->area_m2(), run.ingest.incidents,
                  run.grid_budget(), progress, targets);
}

void publish_evaluation(RunContext& run, const EvaluationResult& r, std::ostream& out) {
  const RunConfig& cfg = run.cfg;

  write_file_atomically(run.output_path("evaluation.csv"), to_csv(rows_table(cfg, r)));
  run.record_output("evaluation.csv");
  write_file_atomically(run.output_path("evaluation_summary.csv"), to_csv(summary_table(cfg, r)));
  run.record_output("evaluation_summary.csv");
  write_file_atomically(run.output_path("evaluation.html"), evaluation_html(cfg, r));
  run.record_output("evaluation.html");

  fmt::print(out, "Backtest {}..{} ({} target months, {} methods), at {:g}% of the area:\n", format_month(r.first_target),
             format_month(r.last_target), r.target_months(), r.plan.methods.size(), r.plan.primary_coverage * 100);
  for (std::size_t th = 0; th < r.themes.size(); ++th) {
    const auto& theme = r.themes[th];
    if (theme.summary.empty()) continue;
    const std::size_t best = best_method(theme);
    fmt::print(out, "  {:<24}", cfg.taxonomy.themes[th].label);
    if (r.plan.pack_method) {
      const MethodSummary& pack = summary_of(theme, *r.plan.pack_method);
      fmt::print(out, " pack method PAI {:.2f} (hit rate {:.3f});", pack.mean_pai, pack.mean_hit_rate);
    }
    fmt::print(out, " best {} PAI {:.2f}", r.plan.methods[best].id(), summary_of(theme, best).mean_pai);
    for (const std::size_t b : r.plan.baselines)
      fmt::print(out, "; {} {:.2f}", r.plan.methods[b].id(), summary_of(theme, b).mean_pai);
    fmt::print(out, "\n");
  }

  std::vector<std::string> missing;
  for (const Month m : r.missing_months) missing.push_back(format_month(m));
  std::vector<std::string> ids;
  for (const ForecastMethod& m : r.plan.methods) ids.push_back(m.id());
  run.stages.push_back({"evaluate", [&r, missing, ids, &cfg](JsonWriter& j) {
    j.value("cell_m", r.plan.cell).value("first_data_month", format_month(r.first_data))
        .value("last_data_month", format_month(r.last_data)).value("first_target_month", format_month(r.first_target))
        .value("last_target_month", format_month(r.last_target))
        .value("target_months", r.target_months()).value("pack_coverage", r.plan.primary_coverage)
        .value("pack_method", r.plan.pack_method ? ids[*r.plan.pack_method] : KdeConfig::kBacktest);
    j.begin_array("months_missing");
    for (const auto& m : missing) j.value("", m);
    j.end_array().begin_array("methods");
    for (const auto& id : ids) j.value("", id);
    j.end_array().begin_array("best_by_theme");
    for (std::size_t th = 0; th < r.themes.size(); ++th) {
      if (r.themes[th].summary.empty()) continue;
      const std::size_t best = best_method(r.themes[th]);
      j.begin_object().value("theme", cfg.taxonomy.themes[th].id).value("method", ids[best])
          .value("mean_pai", summary_of(r.themes[th], best).mean_pai).end_object();
    }
    j.end_array();
  }});
}

}  // namespace hotspot
