// report.html: the month's story for the tasking meeting, self-contained
// (inline CSS and SVG maps, no scripts, no external requests). Printed, it is
// A4 landscape: a summary page, one page per theme (map, key figures and top
// hotspots together), then wards, venues, data quality, and the method and
// file list as an appendix; every page carries the protective marking, the
// production date and the data period. Every number comes from the same
// tables the CSV and GeoJSON files were written from, through the same
// formatting (cell_text).
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <ostream>

#include "analysis/forecast.hpp"
#include "app/report/report_maps.hpp"
#include "app/report/report_style.hpp"
#include "app/stages/stages.hpp"
#include "app/report/key_changes.hpp"
#include "app/tables/published_cells.hpp"
#include "app/report/time_note.hpp"
#include "app/report/report_when_where.hpp"
#include "app/report/trend_pages.hpp"
#include "app/disclosure/ledger.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/html_text.hpp"

namespace hotspot {
namespace {

std::string td(const std::string& text, bool number = false) {
  return fmt::format("<td{}>{}</td>", number ? " class=\"n\"" : "", html_escape(text));
}

std::string cell(const Table& t, std::size_t row, const std::string& column) { return published_text(t, row, column); }

std::string rag_badge(const std::string& rag) {
  const bool known = rag == "red" || rag == "amber" || rag == "green";
  return fmt::format("<span class=\"rag rag-{0}\">{1}</span>", known ? rag : "none",
                     html_escape(rag.empty() ? "n/a" : rag));
}

// A percentage change as the report prints it; "no data" and withheld values as they are.
std::string pct(const PublishedCell& c) {
  if (c.text.empty()) return "n/a";
  if (c.no_data || c.withheld) return c.text;
  return (c.text[0] == '-' ? c.text : "+" + c.text) + "%";
}

// What is missing: themes that cannot match the inputs, and months with no rows.
std::string missing_data_notes(const RunInputs& run) {
  std::string out;
  const DataAvailability& a = run.availability;
  for (std::size_t t = 0; t < a.themes.size() && t < run.cfg.taxonomy.themes.size(); ++t)
    if (!a.themes[t].possible)
      out += fmt::format("<p class=\"warn no-data\"><b>{}: no data.</b> The theme {}, so it is shown as \"no data\", "
                         "not as zero.</p>", html_escape(run.cfg.taxonomy.themes[t].label), html_escape(a.themes[t].reason));
  for (const auto& w : a.windows) {
    if (w.without_rows.empty()) continue;
    std::vector<std::string> names;
    for (const Month m : w.without_rows) names.push_back(format_month(m));
    out += fmt::format("<p class=\"warn missing-months\"><b>Months with no rows</b> in the {} ({}): {}. Figures "
                       "that use them count those months as empty.</p>",
                       w.name == "period" ? "period" : w.name == "previous" ? "previous period"
                       : w.name == "year_earlier" ? "same period a year earlier" : "12-month baseline",
                       w.months.range_text(), html_escape(fmt::format("{}", fmt::join(names, ", "))));
  }
  return out;
}

std::string summary_table(const RunInputs& run, const Table& w) {
  const std::size_t all = w.rows.size() - 1;  // the ALL row
  std::string rows;
  for (const Theme& t : run.cfg.taxonomy.themes) {
    const std::string p = t.id + "_";
    rows += fmt::format("<tr data-theme=\"{}\">{}{}{}{}{}{}</tr>\n", t.id, td(t.label + (t.proxy ? " (proxy)" : "")),
                        td(cell(w, all, p + "count"), true), td(pct(published_cell(w, all, p + "change_previous_pct")), true),
                        td(pct(published_cell(w, all, p + "change_baseline_pct")), true), td(cell(w, all, p + "baseline_mean"), true),
                        "<td>" + rag_badge(cell(w, all, p + "rag")) + (t.rise_is_good ? " (a rise is good)" : "") + "</td>");
  }
  return "<h2>Summary</h2><table class=\"summary\"><tr><th>Theme</th><th>Incidents</th><th>vs previous period</th>"
         "<th>vs 12-month baseline</th><th>Baseline mean</th><th>RAG</th></tr>\n" + rows + "</table>";
}

// The date printed on every page: set, or the day after the period ends.
// Never the clock, so that a rerun on the same inputs writes the same bytes.
std::string production_date(const RunConfig& c) {
  if (!c.report.date.empty()) return c.report.date;
  const Month next = c.period.last + 1;
  return fmt::format("{:04d}-{:02d}-01", month_year(next), month_of_year(next));
}

std::string cover_page(const RunInputs& run, const ReportSources& src, const std::string& title) {
  const RunConfig& c = run.cfg;
  std::vector<std::string> labels;
  for (const Theme& t : c.taxonomy.themes) labels.push_back(t.label);
  return fmt::format(
      "<section class=\"page cover\"><h1>{}</h1><p>Area: {}. Period: {} ({}). Produced {} by hotspot {} from the files "
      "in this folder.</p>{}{}{}{}<h3>In this report</h3><p>A page per theme: {}. Then the wards, {}data quality, and the "
      "method and files (appendices A and B).</p></section>\n",
      html_escape(title), html_escape(c.area_name), html_escape(c.period.label), c.period.range_text(),
      production_date(c), HOTSPOT_VERSION, key_changes_summary_html(run, src), summary_table(run, src.wards.summary), missing_data_notes(run),
      time_note_html(run, src.time),
      html_escape(fmt::format("{}", fmt::join(labels, ", "))),
      src.plans().empty() ? "" : "the roadshow venues, ");
}

std::string hotspot_rows(const Table& h) {
  std::string rows;
  int shown = 0;
  for (std::size_t r = 0; r < h.rows.size() && shown < kReportedHotspots; ++r) {
    if (cell(h, r, "class_level") != "1") continue;  // the widest class; narrower ones sit inside
    ++shown;
    rows += fmt::format("<tr data-id=\"{}\">{}{}{}{}{}{}</tr>\n", html_escape(cell(h, r, "hotspot_id")),
                        td(cell(h, r, "label")), td(cell(h, r, "ward_names")), td(cell(h, r, "incidents"), true),
                        td(pct(published_cell(h, r, "change_previous_pct")), true), td(cell(h, r, "pai_in_period"), true),
                        td(cell(h, r, "hit_rate_in_period"), true));
  }
  return rows;
}

// How the hotspots were drawn and how well the method did on past months, in plain words.
std::string forecast_note(const Table& h, const RunConfig& cfg) {
  if (h.rows.empty() || std::find_if(h.columns.begin(), h.columns.end(),
                                     [](const Column& c) { return c.name == "forecast_method"; }) == h.columns.end())
    return "";
  const std::string coverage = fmt::format("{:g}%", cfg.kde.coverage * 100);
  const ForecastMethod m = parse_forecast_method(cell(h, 0, "forecast_method"));
  std::string text = fmt::format(
      "<p class=\"method-note\">The hotspots are the squares making up the top {} of the area on a forecast for the "
      "coming month ({}); the map keeps the places forecast at least {} incidents a month, strongest first. "
      "Incidents, PAI and hit rate measure them on the period's own incidents. ",
      coverage, html_escape(m.label()), cfg.kde.min_incidents);
  const std::string months = cell(h, 0, "backtest_months");
  if (months != "0")
    text += fmt::format("Drawn the same way each month and scored on the month after, over the last {} months this "
                        "method caught on average {}% of the next month's incidents in {} of the area (PAI {}).",
                        months, format_real(std::stod(cell(h, 0, "backtest_hit_rate")) * 100, 0), coverage,
                        cell(h, 0, "backtest_pai"));
  else
    text += "There were too few earlier months to test it on past data.";
  return text + "</p>";
}

// The theme's key figures for the whole area, and the wards that rose most.
std::string key_changes(const Table& w, const Theme& theme) {
  const std::size_t all = w.rows.size() - 1;
  const std::string p = theme.id + "_";
  std::string out = fmt::format(
      "<table class=\"key\" data-theme=\"{}\"><tr><th>Incidents</th><th>Previous period</th><th>A year earlier</th>"
      "<th>12-month baseline</th><th>RAG</th></tr>\n<tr>{}{}{}{}<td>{}</td></tr></table>",
      theme.id, td(cell(w, all, p + "count"), true),
      td(fmt::format("{} ({})", cell(w, all, p + "previous"), pct(published_cell(w, all, p + "change_previous_pct"))), true),
      td(fmt::format("{} ({})", cell(w, all, p + "year_earlier"), pct(published_cell(w, all, p + "change_year_pct"))), true),
      td(fmt::format("mean {} ({})", cell(w, all, p + "baseline_mean"), pct(published_cell(w, all, p + "change_baseline_pct"))), true),
      rag_badge(cell(w, all, p + "rag")) + (theme.rise_is_good ? " (a rise is good)" : ""));
  std::vector<std::pair<double, std::size_t>> rises;
  for (std::size_t r = 0; r < all; ++r) {
    const auto now = published_number(w, r, p + "count"), before = published_number(w, r, p + "previous");
    if (now && before && *now > *before) rises.emplace_back(*before - *now, r);
  }
  std::sort(rises.begin(), rises.end());
  if (rises.size() > 3) rises.resize(3);
  if (!rises.empty()) {
    std::vector<std::string> names;
    for (const auto& [rise, r] : rises)
      names.push_back(fmt::format("{} ({} from {})", cell(w, r, "ward_name"), cell(w, r, p + "count"), cell(w, r, p + "previous")));
    out += "<p class=\"rises\">Largest rises on the previous period: " + html_escape(fmt::format("{}", fmt::join(names, "; "))) +
           ".</p>";
  }
  return out;
}

std::string theme_page(const RunInputs& run, const ReportSources& src, std::size_t t, const MapContext& context) {
  const Theme& theme = run.cfg.taxonomy.themes[t];
  std::string out = fmt::format("<section class=\"page theme\" id=\"theme-{}\"><h2>{}</h2>", theme.id, html_escape(theme.label));
  if (theme.proxy) out += "<p class=\"warn\"><b>Proxy measure.</b> " + html_escape(theme.proxy_note) + "</p>";
  const ReportMap map = theme_map(run, src, t, context, kMapMaxWidth, theme.proxy ? kMapMaxHeight - 12 : kMapMaxHeight);
  out += "<div class=\"theme-body\">" + map.svg + "<div class=\"theme-side\"><h3>Key changes</h3>" + key_changes(src.wards.summary, theme) + map.legend;
  if (const Table* hotspots = src.hotspot_table(t)) {
    const std::string rows = hotspot_rows(*hotspots);
    out += fmt::format("<h3>Top {} hotspots</h3>", kReportedHotspots);
    out += rows.empty() ? std::string("<p>No hotspot met the publication rules this period.</p>")
                        : fmt::format("<table class=\"hotspots\" data-theme=\"{}\"><tr><th>Hotspot</th><th>Wards</th>"
                                      "<th>Incidents</th><th>vs previous period</th><th>PAI</th>"
                                      "<th>Hit rate</th></tr>\n{}</table>",
                                      theme.id, rows);
    out += forecast_note(*hotspots, run.cfg);
  }
  return out + "</div></div></section>\n";
}

// Ward rows a printed page holds; a larger area's table goes on as many
// pages as it needs, each with its header row, never breaking mid-page.
constexpr std::size_t kWardRows = 24;

std::string ward_pages(const RunInputs& run, const Table& w) {
  std::string head = "<tr><th>Ward</th>";
  for (const Theme& t : run.cfg.taxonomy.themes) head += fmt::format("<th>{0}</th><th>{0} RAG</th>", html_escape(t.label));
  head += "</tr>\n";
  const std::size_t pages = (w.rows.size() + kWardRows - 1) / kWardRows;
  std::string out;
  for (std::size_t page = 0; page < pages; ++page) {
    std::string rows;
    for (std::size_t r = page * kWardRows; r < std::min(w.rows.size(), (page + 1) * kWardRows); ++r) {
      rows += fmt::format("<tr data-ward=\"{}\">{}", html_escape(cell(w, r, "ward_code")), td(cell(w, r, "ward_name")));
      for (const Theme& t : run.cfg.taxonomy.themes)
        rows += td(cell(w, r, t.id + "_count"), true) + "<td>" + rag_badge(cell(w, r, t.id + "_rag")) + "</td>";
      rows += "</tr>\n";
    }
    out += fmt::format("<section class=\"page wards\"><h2>Wards{}</h2><p>{}</p><table class=\"wards\">{}{}</table>"
                       "</section>\n",
                       pages > 1 ? fmt::format(" ({} of {})", page + 1, pages) : "",
                       html_escape(disclosure_note(run.cfg.taxonomy.themes)), head, rows);
  }
  return out;
}

// Two plans a page: a plan's table of k venues with their reasons takes
// about a third of the page, and a plan is never split across pages.
constexpr std::size_t kPlansPerPage = 2;

std::string venue_pages(const std::vector<VenuePlan>& plans) {
  std::string out;
  const std::size_t pages = (plans.size() + kPlansPerPage - 1) / kPlansPerPage;
  for (std::size_t page = 0; page < pages; ++page) {
    out += fmt::format("<section class=\"page venues\"><h2>Roadshow venue programme{}</h2><p>On each theme's map the "
                       "chosen venues are marked V1, V2, ... in programme order.</p>",
                       pages > 1 ? fmt::format(" ({} of {})", page + 1, pages) : "");
    for (std::size_t p = page * kPlansPerPage; p < std::min(plans.size(), (page + 1) * kPlansPerPage); ++p) {
      const VenuePlan& prog = plans[p];
      out += fmt::format("<h3>{}</h3><table class=\"programme\" data-plan=\"{}\"><tr><th>#</th><th>Venue</th><th>Type</th>"
                         "<th>Ward</th><th>Reason</th></tr>\n", html_escape(prog.label), html_escape(prog.id));
      for (std::size_t r = 0; r < prog.table.rows.size(); ++r)
        out += fmt::format("<tr>{}{}{}{}{}</tr>\n", td(fmt::format("V{}", cell(prog.table, r, "order"))), td(cell(prog.table, r, "name")),
                           td(cell(prog.table, r, "type")), td(cell(prog.table, r, "ward_name")),
                           td(cell(prog.table, r, "reason")));
      out += "</table>";
    }
    out += "</section>\n";
  }
  return out;
}

std::string quality_page(const RunInputs& run) {
  const InputTotals t = input_totals(run.ingest.files);
  std::string reasons;
  for (std::size_t r = 0; r < kRejectReasonCount; ++r)
    if (t.rejected[r])
      reasons += fmt::format("<tr>{}{}{}</tr>\n", td(std::string(reason_code(static_cast<RejectReason>(r)))),
                             td(std::to_string(t.rejected[r]), true), td(std::string(reason_help(static_cast<RejectReason>(r)))));
  std::string warnings;
  for (const Theme& theme : run.cfg.taxonomy.themes)
    if (theme.proxy)
      warnings += "<p class=\"warn\"><b>" + html_escape(theme.label) + ":</b> " + html_escape(theme.proxy_note) + "</p>";
  return fmt::format("<section class=\"page\"><h2>Data quality</h2>{}<p>Rows read <b class=\"read\">{}</b>, used "
                     "<b class=\"accepted\">{}</b>, outside the data window ({}) <b class=\"outside-window\">{}</b>, "
                     "rejected <b class=\"rejected\">{}</b> (counted by file and reason in rejects_summary.csv; each "
                     "file's account is in appendix B).</p>"
                     "<table class=\"reasons\"><tr><th>Reason</th><th>Rows</th><th>Meaning</th></tr>\n{}</table>"
                     "</section>\n",
                     warnings, t.read, t.accepted, run.data_window.range_text(), t.outside_window, t.rejected_total(),
                     reasons);
}

std::string method_list(const RunInputs& run, const ReportSources& src) {
  const RunConfig& c = run.cfg;
  std::string out = "<h3>Method and parameters</h3><ul>";
  out += fmt::format("<li>Period {} ({} to {}), compared with the previous {} month(s), the same months a year earlier, "
                     "and the monthly average of the 12 months before.</li>",
                     html_escape(c.period.label), format_month(c.period.first), format_month(c.period.last), c.period.months());
  out += fmt::format("<li>A change is flagged significant when a Poisson test against the baseline gives a probability "
                     "below {}. RAG: red is a significant rise (a fall where a rise is good), green meets the target.</li>",
                     c.significance);
  if (c.kde.enabled)
    out += fmt::format("<li>Hotspots: kernel density ({} kernel, {} m cells, bandwidth as recorded in the manifest); "
                       "classes at {} of the non-zero cells; polygons smaller than {} m&sup2; or with fewer than {} "
                       "incidents are dropped. PAI compares the share of incidents with the share of area. Each map "
                       "numbers the theme's top {} hotspots as its table does.</li>",
                       name_of(c.kde.kernel), c.kde.cell, c.kde.classes == HotspotClasses::Sd ? "the mean plus 1, 2 and 3 standard deviations" : "top percentages",
                       c.kde.min_area_m2, c.kde.min_incidents, kReportedHotspots);
  if (c.clusters.enabled)
    out += fmt::format("<li>Clusters: DBSCAN ({} m, {} points), CrimeStat-style nearest-neighbour clusters (p = {}), and "
                       "Getis-Ord Gi* on {} m cells with {} correction.</li>",
                       c.clusters.dbscan_eps, c.clusters.dbscan_min_points, c.clusters.nnh_p, c.clusters.gistar_cell,
                       name_of(c.clusters.correction));
  if (!src.plans().empty())
    out += fmt::format("<li>Venues: reach is the incident mass within {} m in a straight line; the programme of {} is "
                       "chosen greedily so each incident counts once, with venues at least {} m apart. Greedy choice "
                       "reaches at least 63% of the best possible programme.</li>",
                       c.programme.radius, c.programme.k, c.programme.min_spacing);
  out += "<li>" + html_escape(disclosure_note(c.taxonomy.themes)) + "</li>";
  return out + "</ul>";
}

// The pack's own files, in columns.
std::string output_list(const RunContext& run) {
  std::vector<std::string> names;
  for (const OutputFile& o : run.outputs) names.push_back(o.name);
  for (const char* later : {"report.html", "manifest.json", "timings.json"}) names.emplace_back(later);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string items;
  for (const std::string& n : names) items += "<li>" + html_escape(n) + "</li>";
  return "<h3>The pack's files</h3><p>This folder (checksums in manifest.json):</p><ul class=\"outputs\">" + items +
         "</ul>";
}

// Up to two tables of this many rows side by side on an appendix page.
constexpr std::size_t kFileRows = 30;

// The input files, each with its account: paths relative to the folder they
// share, two tables a page, so five years of monthly files take one page.
std::string input_file_pages(const RunInputs& run) {
  const auto& files = run.ingest.files;
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(display_path(run.cfg, f.path));
  std::string common = paths.empty() ? "" : paths[0].substr(0, paths[0].rfind('/') + 1);
  for (const std::string& p : paths)
    while (!common.empty() && p.compare(0, common.size(), common) != 0)
      common = common.substr(0, common.rfind('/', common.size() - 2) + 1);  // up one folder; "" when none is shared
  const std::size_t per_page = 2 * kFileRows;
  const std::size_t pages = std::max<std::size_t>(1, (files.size() + per_page - 1) / per_page);
  std::string out;
  for (std::size_t page = 0; page < pages; ++page) {
    std::string tables;
    for (std::size_t part = 0; part < 2; ++part) {
      std::string rows;
      const std::size_t first = page * per_page + part * kFileRows;
      for (std::size_t i = first; i < std::min(files.size(), first + kFileRows); ++i) {
        const auto& f = files[i];
        rows += fmt::format("<tr>{}{}{}{}{}</tr>\n", td(paths[i].substr(common.size())), td(std::to_string(f.read), true),
                            td(std::to_string(f.accepted), true), td(std::to_string(f.outside_window), true),
                            td(std::to_string(f.rejected_total()), true));
      }
      if (!rows.empty())
        tables += "<table class=\"files\"><tr><th>Input file</th><th>Read</th><th>Used</th><th>Outside window</th>"
                  "<th>Rejected</th></tr>\n" + rows + "</table>";
    }
    out += fmt::format("<section class=\"page appendix input-files\"><h2>Appendix B: input files{}</h2><p>Each file's "
                       "rows: read = used + outside the data window + rejected.{}</p><div class=\"halves\">{}</div>"
                       "</section>\n",
                       pages > 1 ? fmt::format(" ({} of {})", page + 1, pages) : "",
                       common.empty() ? "" : " Paths are in " + html_escape(common) + ".", tables);
  }
  return out;
}

std::string appendix_pages(const RunContext& run, const ReportSources& src) {
  return "<section class=\"page appendix\"><h2>Appendix A: method and files</h2>" + method_list(run, src) + output_list(run) +
         "</section>\n" + input_file_pages(run);
}

// Repeated on every printed page (fixed elements), and shown once on screen.
std::string page_head(const RunConfig& c, const std::string& title) {
  return fmt::format("<header class=\"page-head\"><span class=\"marking\">{}</span><span>{}</span>"
                     "<span>Produced {}</span></header>\n",
                     html_escape(c.report.marking), html_escape(title), production_date(c));
}

std::string page_foot(const RunConfig& c) {
  return fmt::format("<footer class=\"page-foot\"><span class=\"marking\">{}</span><span>Data: {} ({}). Aggregated "
                     "statistics only; small counts are suppressed.</span><span>Produced {}</span></footer>\n",
                     html_escape(c.report.marking), html_escape(c.period.label), c.period.range_text(), production_date(c));
}

}  // namespace

const std::vector<HotspotShape>& ReportSources::hotspots(std::size_t theme) const {
  static const std::vector<HotspotShape> none;
  return kde ? kde->themes[theme].hotspots : none;
}

const std::vector<VenuePlan>& ReportSources::plans() const {
  static const std::vector<VenuePlan> none;
  return venues ? venues->plans : none;
}

// The report reads the run as published so far (its file list) besides the
// stage results, so it is built last, before the manifest.
ReportResult compute_report(const RunContext& run, const ReportSources& src) {
  const RunConfig& c = run.cfg;
  ReportResult r;
  const std::string title = fmt::format("{}: community safety tasking pack, {}", c.area_name, c.period.label);
  const MapContext context = load_map_context(run);
  std::string body = cover_page(run, src, title) + trend_pages(run, src.wards, r.withheld);
  for (std::size_t t = 0; t < c.taxonomy.themes.size(); ++t) body += theme_page(run, src, t, context);
  body += when_where_pages(run, src.time, src.repeats) + ward_pages(run, src.wards.summary) + venue_pages(src.plans()) +
          quality_page(run) + appendix_pages(run, src);
  r.html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}{}{}</body>\n</html>\n",
      html_escape(title), kReportCss, page_head(c, title), body, page_foot(c));
  return r;
}

void publish_report(RunContext& run, const ReportResult& r, std::ostream& out) {
  for (const auto& [theme, outputs] : r.withheld)
    for (const auto& [output, tally] : outputs) run.disclosure[theme][output] = tally;
  write_file_atomically(run.output_path("report.html"), r.html);
  run.record_output("report.html");
  fmt::print(out, "  report.html ({} KB)\n", r.html.size() / 1024);
}

}  // namespace hotspot
