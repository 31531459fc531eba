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
#include "io/html_tree.hpp"
#include "io/svg_chart.hpp"

namespace hotspot {
namespace {

Table rows_table(const RunConfig& cfg, const EvaluationResult& r) {
  std::vector<EvaluationRow> rows;
  for (std::size_t th = 0; th < r.themes.size(); ++th)
    for (const BacktestRow& row : r.themes[th].rows) rows.push_back({.theme = th, .of = &row});
  return evaluation_table(rows, cfg.taxonomy.themes, r.plan.methods);
}

const MethodSummary* find_summary(const EvaluationResult::Theme& th, std::optional<std::size_t> method) {
  if (method)
    for (const MethodSummary& s : th.summary)
      if (s.method == *method) return &s;
  return nullptr;
}

Table summary_table(const RunConfig& cfg, const EvaluationResult& r) {
  std::vector<EvaluationSummaryRow> rows;
  for (std::size_t th = 0; th < r.themes.size(); ++th)
    for (const MethodSummary& summary : r.themes[th].summary)
      rows.push_back({.theme = th, .of = &summary, .cells_l12 = find_summary(r.themes[th], r.plan.cells_l12),
                      .ceiling = find_summary(r.themes[th], r.plan.ceiling)});
  return evaluation_summary_table(rows, cfg.taxonomy.themes, r.plan.methods, r.plan.baselines, r.plan.pack_method);
}

// The forecast with the highest mean PAI at the pack's coverage (the hindsight reference is not one).
std::size_t best_method(const EvaluationResult& r, const EvaluationResult::Theme& th) {
  std::size_t best = th.summary.front().method;
  double best_pai = -1;
  for (const MethodSummary& s : th.summary)
    if (r.plan.methods[s.method].is_forecast() && std::isfinite(s.mean_pai) && s.mean_pai > best_pai)
      best_pai = s.mean_pai, best = s.method;
  return best;
}

const MethodSummary& summary_of(const EvaluationResult::Theme& th, std::size_t method) {
  for (const MethodSummary& s : th.summary)
    if (s.method == method) return s;
  return th.summary.front();
}

// How predictable the theme is, for the pack's method (or the best, for
// kde.forecast = "backtest"): its PEI, the hindsight ceiling, and the share of
// the possible gain over cells_l12 it reaches, at the coverage and as drawn.
struct Predictability {
  std::size_t method = 0;
  double pei = NAN, l12 = NAN, method_pai = NAN, ceiling = NAN, share = NAN;
  std::optional<DrawnRecord> drawn;
  double drawn_share = NAN;
};

std::optional<Predictability> predictability(const EvaluationResult& r, std::size_t th) {
  const EvaluationResult::Theme& theme = r.themes[th];
  const MethodSummary* l12 = find_summary(theme, r.plan.cells_l12);
  const MethodSummary* ceiling = find_summary(theme, r.plan.ceiling);
  if (theme.summary.empty() || !l12 || !ceiling) return std::nullopt;
  Predictability p;
  p.method = r.plan.pack_method ? *r.plan.pack_method : best_method(r, theme);
  const MethodSummary& m = summary_of(theme, p.method);
  p.pei = m.mean_pei;
  p.l12 = l12->mean_pai;
  p.method_pai = m.mean_pai;
  p.ceiling = ceiling->mean_pai;
  p.share = share_of_gain(m.mean_pai, l12->mean_pai, ceiling->mean_pai);
  p.drawn = m.drawn;
  if (m.drawn) p.drawn_share = share_of_gain(m.drawn->mean_pai, m.drawn->baseline_mean_pai, m.drawn->ceiling_mean_pai);
  return p;
}

std::string percent_or_dash(double share) {
  return std::isfinite(share) ? fmt::format("{:.0f}%", share * 100) : std::string("-");
}

// One plain sentence on how far the method got towards the ceiling.
std::string predictability_sentence(const EvaluationResult& r, const Predictability& p) {
  const std::string method = r.plan.methods[p.method].id();
  if (!std::isfinite(p.share))
    return fmt::format("Knowing the {} months either side of each target (hindsight, PAI {:.2f}) did not beat the last "
                       "12 months' squares (PAI {:.2f}), so there was no gain to reach; {} scored PAI {:.2f}.",
                       kHindsightMonths, p.ceiling, p.l12, method, p.method_pai);
  return fmt::format("Over the last 12 months' squares (PAI {:.2f}), hindsight of the {} months either side of each "
                     "target reaches PAI {:.2f}; {} ({:.2f}) takes {} of that possible gain{}.",
                     p.l12, kHindsightMonths, p.ceiling, method, p.method_pai, percent_or_dash(p.share),
                     p.drawn ? fmt::format(" ({} as drawn, at {:.2f}% of the area)", percent_or_dash(p.drawn_share),
                                           p.drawn->mean_area_share * 100)
                             : "");
}

constexpr const char* kColours[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d"};

using html::el;
using Node = pugi::xml_node;

constexpr const char* kEvaluationCss = R"(body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; max-width: 270mm; margin: 0 auto; }
table { border-collapse: collapse; margin: 2mm 0 4mm; } th, td { border: 1px solid #bbb; padding: 1mm 2mm; }
th { background: #eceff1; } .warn { border-left: 4px solid #d73027; background: #fff4f2; padding: 2mm 3mm; }
svg { display: block; margin: 2mm 0; })";

// <html lang="en"> with its head; returns the body.
Node evaluation_page(pugi::xml_document& doc, const std::string& area_name) {
  const Node page = el(doc, "html", {{"lang", "en"}});
  const Node head = el(page, "head");
  el(head, "meta", {{"charset", "utf-8"}});
  el(head, "title", {}, area_name + " hotspot backtest");
  html::newline(head);
  el(head, "style", {}, kEvaluationCss);
  html::newline(page);
  const Node body = el(page, "body");
  html::newline(body);
  html::newline(doc);
  return body;
}

// What the page measures, and the months it could not.
void evaluation_intro(Node body, const RunConfig& cfg, const EvaluationResult& r) {
  el(body, "h1", {}, cfg.area_name + ": which hotspot method predicts next month?");
  html::newline(body);
  el(body, "p", {}, fmt::format(
      "Each method draws hotspots from the months before a target month only, and is scored on how many of the "
      "target month's incidents fall in its top cells ({:g} m squares) covering a fixed share of the study area. "
      "Target months {}..{} ({} months), data {}..{}. Hit rate is the share of the month's incidents caught; PAI "
      "divides it by the share of area, so 1 is no better than chance. Paired wins count the months a method beat "
      "a baseline.",
      r.plan.cell, format_month(r.first_target), format_month(r.last_target), r.target_months(),
      format_month(r.first_data), format_month(r.last_data)));
  html::newline(body);
  if (r.missing_months.empty()) return;
  std::vector<std::string> names;
  for (const Month m : r.missing_months) names.push_back(format_month(m));
  el(body, "p", {{"class", "warn"}}, fmt::format("Months with no data at all (no file or no rows): {}. They are skipped "
                                                 "as targets and add nothing to the look-backs that include them; the "
                                                 "rows say how many look-back months were missing.",
                                                 fmt::join(names, ", ")));
  html::newline(body);
}

// The methods shown for a theme, each with its means and paired wins against each baseline.
void method_table(Node body, const EvaluationResult& r, const EvaluationResult::Theme& theme,
                  const std::vector<std::size_t>& shown, std::size_t best) {
  const Node table = el(body, "table");
  const Node head = el(table, "tr");
  for (const std::string& h : {std::string("method"), fmt::format("mean hit rate at {:g}%", r.plan.primary_coverage * 100),
                              std::string("mean PAI"), std::string("median PAI"), std::string("mean PEI")})
    el(head, "th", {}, h);
  for (const std::size_t b : r.plan.baselines) el(head, "th", {}, "months won vs " + r.plan.methods[b].label());
  html::newline(table);
  for (const std::size_t m : shown) {
    const MethodSummary& s = summary_of(theme, m);
    const Node tr = el(table, "tr");
    // The hindsight reference's label already says it is a ceiling, not a forecast.
    el(tr, "td", {}, r.plan.methods[m].label() +
                         (m == r.plan.pack_method ? " (the pack's method)" : m == best ? " (best mean PAI)" : ""));
    for (const std::string& v : {fmt::format("{:.3f}", s.mean_hit_rate), fmt::format("{:.2f}", s.mean_pai),
                                fmt::format("{:.2f}", s.median_pai), fmt::format("{:.3f}", s.mean_pei)})
      el(tr, "td", {}, v);
    for (const MethodSummary::Paired& p : s.paired)
      el(tr, "td", {}, p.other == m ? "-" : fmt::format("{} of {}", p.wins, p.wins + p.losses + p.ties));
    html::newline(table);
  }
  html::newline(body);
}

// How predictable the theme is, and how the pack's drawing did at the area it covers.
void predictability_notes(Node body, const RunConfig& cfg, const EvaluationResult& r, std::size_t th) {
  const auto p = predictability(r, th);
  if (!p) return;
  el(body, "p", {{"class", "ceiling"}}, fmt::format("How predictable: {} PEI (hits over the month's own best squares) {:.3f}.",
                                                    predictability_sentence(r, *p), p->pei));
  html::newline(body);
  if (!p->drawn) return;
  el(body, "p", {{"class", "drawn"}},
     fmt::format("As drawn for the pack (every square at the cut, squares within {} squares one hotspot): {:.2f}% of the "
                 "area, {:.0f} hotspots on average, PAI {:.2f} against {:.2f} for the last 12 months' squares at the same "
                 "area (ratio {:.3f}), {} months won, {} lost.",
                 cfg.kde.join, p->drawn->mean_area_share * 100, p->drawn->mean_hotspots, p->drawn->mean_pai,
                 p->drawn->baseline_mean_pai, p->drawn->mean_pai / p->drawn->baseline_mean_pai, p->drawn->wins,
                 p->drawn->losses));
  html::newline(body);
}

// One line a method shown: dashed for the naive baselines.
ChartSeries method_series(const EvaluationResult& r, const std::vector<std::size_t>& shown, std::size_t k) {
  const auto& b = r.plan.baselines;
  return ChartSeries{r.plan.methods[shown[k]].label(), kColours[k % 6], {}, {},
                     std::find(b.begin(), b.end(), shown[k]) != b.end()};
}

// Hit rate against coverage, averaged over the target months; then PAI month by month at the pack's coverage.
void method_charts(Node body, const EvaluationResult& r, const EvaluationResult::Theme& theme,
                   const std::vector<std::size_t>& shown) {
  std::vector<ChartSeries> curves, paired;
  for (std::size_t k = 0; k < shown.size(); ++k) {
    ChartSeries c = method_series(r, shown, k);
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
    ChartSeries p = method_series(r, shown, k);
    for (Month m = r.first_target; m <= r.last_target; ++m) {
      double v = std::nan("");
      for (const BacktestRow& row : theme.rows)
        if (row.method == shown[k] && row.target == m && row.measures.coverage == r.plan.primary_coverage)
          v = row.measures.pai;
      p.x.push_back(m - r.first_target);
      p.y.push_back(v);
    }
    paired.push_back(std::move(p));
  }
  append_line_chart(body, {"Hit rate against coverage (mean over target months)", "% of study area",
                           "share of incidents caught", {}, 640, 300, true}, curves);
  std::vector<std::string> months;
  for (Month m = r.first_target; m <= r.last_target; ++m) months.push_back(format_month(m));
  append_line_chart(body, {fmt::format("PAI at {:g}% coverage, month by month", r.plan.primary_coverage * 100),
                           "target month", "PAI", months, 640, 300, true}, paired);
}

std::string evaluation_html(const RunConfig& cfg, const EvaluationResult& r) {
  pugi::xml_document doc;
  const Node body = evaluation_page(doc, cfg.area_name);
  evaluation_intro(body, cfg, r);
  for (std::size_t th = 0; th < r.themes.size(); ++th) {
    const EvaluationResult::Theme& theme = r.themes[th];
    if (theme.summary.empty()) continue;
    const std::size_t best = best_method(r, theme);
    std::vector<std::size_t> shown = r.plan.baselines;
    if (r.plan.pack_method) shown.push_back(*r.plan.pack_method);
    if (best != r.plan.pack_method) shown.push_back(best);
    if (r.plan.ceiling) shown.push_back(*r.plan.ceiling);
    el(body, "h2", {}, cfg.taxonomy.themes[th].label);
    html::newline(body);
    method_table(body, r, theme, shown, best);
    predictability_notes(body, cfg, r, th);
    method_charts(body, r, theme, shown);
  }
  return html::page_string(doc);
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

namespace {

// The console's lines: each theme's pack method, as drawn, and its best method against the baselines.
void print_backtest(const RunConfig& cfg, const EvaluationResult& r, std::ostream& out) {
  fmt::print(out, "Backtest {}..{} ({} target months, {} methods), at {:g}% of the area:\n", format_month(r.first_target),
             format_month(r.last_target), r.target_months(), r.plan.methods.size(), r.plan.primary_coverage * 100);
  for (std::size_t th = 0; th < r.themes.size(); ++th) {
    const auto& theme = r.themes[th];
    if (theme.summary.empty()) continue;
    const std::size_t best = best_method(r, theme);
    fmt::print(out, "  {:<24}", cfg.taxonomy.themes[th].label);
    if (r.plan.pack_method) {
      const MethodSummary& pack = summary_of(theme, *r.plan.pack_method);
      fmt::print(out, " pack method PAI {:.2f} (hit rate {:.3f}, PEI {:.3f});", pack.mean_pai, pack.mean_hit_rate,
                 pack.mean_pei);
      if (pack.drawn)
        fmt::print(out, " as drawn {:.2f}% of the area, PAI {:.2f} vs {:.2f} for cells_l12 there ({}-{});",
                   pack.drawn->mean_area_share * 100, pack.drawn->mean_pai, pack.drawn->baseline_mean_pai,
                   pack.drawn->wins, pack.drawn->losses);
    }
    fmt::print(out, " best {} PAI {:.2f}", r.plan.methods[best].id(), summary_of(theme, best).mean_pai);
    for (const std::size_t b : r.plan.baselines)
      fmt::print(out, "; {} {:.2f}", r.plan.methods[b].id(), summary_of(theme, b).mean_pai);
    fmt::print(out, "\n");
    if (const auto p = predictability(r, th)) fmt::print(out, "    {}\n", predictability_sentence(r, *p));
  }
}

// The manifest's "evaluate" entry.
void record_backtest(RunContext& run, const EvaluationResult& r) {
  const RunConfig& cfg = run.cfg;
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
      const std::size_t best = best_method(r, r.themes[th]);
      j.begin_object().value("theme", cfg.taxonomy.themes[th].id).value("method", ids[best])
          .value("mean_pai", summary_of(r.themes[th], best).mean_pai).end_object();
    }
    j.end_array().begin_array("predictability");  // the pack's method (or the best) against the hindsight ceiling
    for (std::size_t th = 0; th < r.themes.size(); ++th) {
      const auto p = predictability(r, th);
      if (!p) continue;
      j.begin_object().value("theme", cfg.taxonomy.themes[th].id).value("method", ids[p->method])
          .value("mean_pei", p->pei).value("cells_l12_mean_pai", p->l12).value("method_mean_pai", p->method_pai)
          .value("hindsight_mean_pai", p->ceiling).value("share_of_possible_gain", p->share);
      if (p->drawn)
        j.value("drawn_mean_area_share", p->drawn->mean_area_share).value("drawn_mean_pai", p->drawn->mean_pai)
            .value("drawn_cells_l12_mean_pai", p->drawn->baseline_mean_pai)
            .value("drawn_hindsight_mean_pai", p->drawn->ceiling_mean_pai)
            .value("drawn_share_of_possible_gain", p->drawn_share);
      j.end_object();
    }
    j.end_array();
  }});
}

}  // namespace

void publish_evaluation(RunContext& run, const EvaluationResult& r, std::ostream& out) {
  const RunConfig& cfg = run.cfg;

  write_file_atomically(run.output_path("evaluation.csv"), to_csv(rows_table(cfg, r)));
  run.record_output("evaluation.csv");
  write_file_atomically(run.output_path("evaluation_summary.csv"), to_csv(summary_table(cfg, r)));
  run.record_output("evaluation_summary.csv");
  write_file_atomically(run.output_path("evaluation.html"), evaluation_html(cfg, r));
  run.record_output("evaluation.html");
  print_backtest(run.cfg, r, out);
  record_backtest(run, r);
}

}  // namespace hotspot
