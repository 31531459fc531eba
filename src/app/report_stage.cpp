// report.html: the month's story for the tasking meeting, self-contained
// (inline CSS and SVG maps, no scripts, no external requests) and printable on
// A4 landscape. Every number comes from the same tables the CSV and GeoJSON
// files were written from, through the same formatting (cell_text).
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "analysis/forecast.hpp"
#include "app/stages.hpp"
#include "app/ward_outputs.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/svg_map.hpp"

namespace hotspot {
namespace {

constexpr const char* kStyle = R"(
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1b1b1b; margin: 0 auto; max-width: 270mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; border-bottom: 2px solid #444; margin-top: 6mm; }
h3 { font-size: 11pt; margin: 3mm 0 1mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.5pt; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eceff1; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.rag { display: inline-block; min-width: 12mm; text-align: center; border-radius: 2mm; padding: 0 1.5mm; font-weight: bold; }
.rag-red { background: #d73027; color: #fff; } .rag-amber { background: #fdae61; } .rag-green { background: #1a9850; color: #fff; }
.rag-none { background: #ccc; }
.warn { border-left: 4px solid #d73027; background: #fff4f2; padding: 2mm 3mm; margin: 2mm 0; }
.theme { page-break-before: always; break-before: page; }
.map { display: flex; gap: 4mm; align-items: flex-start; } .map svg { width: 150mm; height: auto; border: 1px solid #ccc; }
.legend span { display: inline-block; width: 4mm; height: 3mm; margin-right: 1mm; border: 1px solid #555; }
footer { margin-top: 6mm; font-size: 8pt; color: #555; }
@media print { a { color: inherit; text-decoration: none; } }
)";

std::string td(const std::string& text, bool number = false) {
  return fmt::format("<td{}>{}</td>", number ? " class=\"n\"" : "", html_escape(text));
}

// The text of a table cell by column name, as the CSV shows it.
std::string cell(const Table& t, std::size_t row, const std::string& column) {
  const std::size_t c = t.column_index(column);
  return cell_text(t.rows[row][c], t.columns[c]);
}

std::string rag_badge(const std::string& rag) {
  const bool known = rag == "red" || rag == "amber" || rag == "green";
  return fmt::format("<span class=\"rag rag-{0}\">{1}</span>", known ? rag : "none",
                     html_escape(rag.empty() ? "n/a" : rag));
}

// A percentage change as the report prints it; "no data" and withheld values as they are.
std::string pct(const std::string& v) {
  if (v.empty()) return "n/a";
  if (v == kNoData || v[0] == '[') return v;
  return (v[0] == '-' ? v : "+" + v) + "%";
}

// What is missing: themes that cannot match the inputs, and months with no rows.
std::string missing_data_notes(const RunContext& run) {
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

std::string summary_section(const RunContext& run) {
  const Table& w = *run.ward_summary;
  const std::size_t all = w.rows.size() - 1;  // the ALL row
  std::string rows;
  for (const Theme& t : run.cfg.taxonomy.themes) {
    const std::string p = t.id + "_";
    rows += fmt::format("<tr data-theme=\"{}\">{}{}{}{}{}{}</tr>\n", t.id, td(t.label + (t.proxy ? " (proxy)" : "")),
                        td(cell(w, all, p + "count"), true), td(pct(cell(w, all, p + "change_previous_pct")), true),
                        td(pct(cell(w, all, p + "change_baseline_pct")), true), td(cell(w, all, p + "baseline_mean"), true),
                        "<td>" + rag_badge(cell(w, all, p + "rag")) + (t.rise_is_good ? " (a rise is good)" : "") + "</td>");
  }
  return "<h2>Summary</h2><table class=\"summary\"><tr><th>Theme</th><th>Incidents</th><th>vs previous period</th>"
         "<th>vs 12-month baseline</th><th>Baseline mean</th><th>RAG</th></tr>\n" + rows + "</table>";
}

std::string theme_map(const RunContext& run, std::size_t t) {
  SvgMap map(run.geos, run.index->extent(), 900);
  for (const Ward& w : run.wards.wards) {
    const GeomPtr g = geom_from_wkb(run.geos, w.wkb);
    map.polygon(g.get(), "#ffffff", "#8a8a8a", 0.8, 1, w.name);
  }
  if (t < run.hotspots.size())
    for (const HotspotShape& h : run.hotspots[t]) map.polygon(h.geom.get(), "#f03b20", "#a50f15", 1.2, 0.55, h.label);
  for (const auto& prog : run.programmes) {
    if (prog.themes.size() != 1 || prog.themes[0] != t) continue;
    for (const auto& [v, order] : prog.chosen)
      map.marker(run.venues[v].x, run.venues[v].y, std::to_string(order), fmt::format("{}. {}", order, run.venues[v].name));
  }
  return map.finish(run.cfg.taxonomy.themes[t].label + " hotspots map");
}

std::string hotspot_rows(const Table& h) {
  std::string rows;
  int shown = 0;
  for (std::size_t r = 0; r < h.rows.size() && shown < 10; ++r) {
    if (cell(h, r, "class_level") != "1") continue;  // the widest class; narrower ones sit inside
    ++shown;
    rows += fmt::format("<tr data-id=\"{}\">{}{}{}{}{}{}</tr>\n", html_escape(cell(h, r, "hotspot_id")),
                        td(cell(h, r, "label")), td(cell(h, r, "ward_names")), td(cell(h, r, "incidents"), true),
                        td(pct(cell(h, r, "change_previous_pct")), true), td(cell(h, r, "pai_in_period"), true),
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
      "\"This period\" columns measure them on the period's own incidents. ",
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

std::string theme_section(const RunContext& run, std::size_t t) {
  const Theme& theme = run.cfg.taxonomy.themes[t];
  std::string out = fmt::format("<section class=\"theme\" id=\"theme-{}\"><h2>{}</h2>", theme.id, html_escape(theme.label));
  if (theme.proxy) out += "<p class=\"warn\"><b>Proxy measure.</b> " + html_escape(theme.proxy_note) + "</p>";
  out += "<div class=\"map\">" + theme_map(run, t) +
         "<div class=\"legend\"><p><span style=\"background:#f03b20\"></span>Hotspot (widest class)</p>"
         "<p><span style=\"background:#ffd700;border-radius:50%\"></span>Chosen venue (order)</p>"
         "<p><span style=\"background:#fff\"></span>Ward</p></div></div>";
  if (t < run.hotspot_tables.size()) {
    const std::string rows = hotspot_rows(run.hotspot_tables[t]);
    out += "<h3>Top hotspots</h3>";
    out += rows.empty() ? std::string("<p>No hotspot met the publication rules this period.</p>")
                        : fmt::format("<table class=\"hotspots\" data-theme=\"{}\"><tr><th>Hotspot</th><th>Wards</th>"
                                      "<th>Incidents</th><th>vs previous period</th><th>PAI this period</th>"
                                      "<th>Hit rate this period</th></tr>\n{}</table>",
                                      theme.id, rows);
    out += forecast_note(run.hotspot_tables[t], run.cfg);
  }
  return out + "</section>\n";
}

std::string ward_section(const RunContext& run) {
  const Table& w = *run.ward_summary;
  std::string head = "<tr><th>Ward</th>", rows;
  for (const Theme& t : run.cfg.taxonomy.themes) head += fmt::format("<th>{0}</th><th>{0} RAG</th>", html_escape(t.label));
  head += "</tr>\n";
  for (std::size_t r = 0; r < w.rows.size(); ++r) {
    rows += fmt::format("<tr data-ward=\"{}\">{}", html_escape(cell(w, r, "ward_code")), td(cell(w, r, "ward_name")));
    for (const Theme& t : run.cfg.taxonomy.themes)
      rows += td(cell(w, r, t.id + "_count"), true) + "<td>" + rag_badge(cell(w, r, t.id + "_rag")) + "</td>";
    rows += "</tr>\n";
  }
  return "<section class=\"theme\"><h2>Wards</h2><p>" + html_escape(disclosure_note(run.cfg.taxonomy.themes)) +
         "</p><table class=\"wards\">" + head + rows + "</table></section>\n";
}

std::string venue_section(const RunContext& run) {
  if (run.programmes.empty()) return "";
  std::string out = "<section class=\"theme\"><h2>Roadshow venue programme</h2>";
  for (const auto& prog : run.programmes) {
    out += fmt::format("<h3>{}</h3><table class=\"programme\" data-plan=\"{}\"><tr><th>#</th><th>Venue</th><th>Type</th>"
                       "<th>Ward</th><th>Reason</th></tr>\n", html_escape(prog.label), html_escape(prog.id));
    for (std::size_t r = 0; r < prog.table.rows.size(); ++r)
      out += fmt::format("<tr>{}{}{}{}{}</tr>\n", td(cell(prog.table, r, "order"), true), td(cell(prog.table, r, "name")),
                         td(cell(prog.table, r, "type")), td(cell(prog.table, r, "ward_name")),
                         td(cell(prog.table, r, "reason")));
    out += "</table>";
  }
  return out + "</section>\n";
}

std::string quality_section(const RunContext& run) {
  std::string rows;
  for (const auto& f : run.ingest.files)
    rows += fmt::format("<tr>{}{}{}{}{}</tr>\n", td(display_path(run.cfg, f.path)), td(std::to_string(f.read), true),
                        td(std::to_string(f.accepted), true), td(std::to_string(f.outside_window), true),
                        td(std::to_string(f.rejected_total()), true));
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
  return fmt::format("<section class=\"theme\"><h2>Data quality</h2>{}<p>Rows read <b class=\"read\">{}</b>, used "
                     "<b class=\"accepted\">{}</b>, outside the data window ({}) <b class=\"outside-window\">{}</b>, "
                     "rejected <b class=\"rejected\">{}</b> (counted by file and reason in rejects_summary.csv).</p>"
                     "<table class=\"reasons\"><tr><th>Reason</th><th>Rows</th><th>Meaning</th></tr>\n{}</table>"
                     "<table class=\"files\"><tr><th>File</th><th>Read</th><th>Used</th><th>Outside window</th>"
                     "<th>Rejected</th></tr>\n{}</table></section>\n",
                     warnings, t.read, t.accepted, run.data_window.range_text(), t.outside_window, t.rejected_total(),
                     reasons, rows);
}

std::string method_section(const RunContext& run) {
  const RunConfig& c = run.cfg;
  std::string out = "<section class=\"theme\"><h2>Method and parameters</h2><ul>";
  out += fmt::format("<li>Period {} ({} to {}), compared with the previous {} month(s), the same months a year earlier, "
                     "and the monthly average of the 12 months before.</li>",
                     html_escape(c.period.label), format_month(c.period.first), format_month(c.period.last), c.period.months());
  out += fmt::format("<li>A change is flagged significant when a Poisson test against the baseline gives a probability "
                     "below {}. RAG: red is a significant rise (a fall where a rise is good), green meets the target.</li>",
                     c.significance);
  if (c.kde.enabled)
    out += fmt::format("<li>Hotspots: kernel density ({} kernel, {} m cells, bandwidth as recorded in the manifest); "
                       "classes at {} of the non-zero cells; polygons smaller than {} m&sup2; or with fewer than {} "
                       "incidents are dropped. PAI compares the share of incidents with the share of area.</li>",
                       c.kde.kernel, c.kde.cell, c.kde.classes == "sd" ? "the mean plus 1, 2 and 3 standard deviations" : "top percentages",
                       c.kde.min_area_m2, c.kde.min_incidents);
  if (c.clusters.enabled)
    out += fmt::format("<li>Clusters: DBSCAN ({} m, {} points), CrimeStat-style nearest-neighbour clusters (p = {}), and "
                       "Getis-Ord Gi* on {} m cells with {} correction.</li>",
                       c.clusters.dbscan_eps, c.clusters.dbscan_min_points, c.clusters.nnh_p, c.clusters.gistar_cell,
                       c.clusters.correction);
  if (!run.programmes.empty())
    out += fmt::format("<li>Venues: reach is the incident mass within {} m in a straight line; the programme of {} is "
                       "chosen greedily so each incident counts once, with venues at least {} m apart. Greedy choice "
                       "reaches at least 63% of the best possible programme.</li>",
                       c.programme.radius, c.programme.k, c.programme.min_spacing);
  out += "<li>" + html_escape(disclosure_note(c.taxonomy.themes)) + "</li>";
  return out + "</ul></section>\n";
}

}  // namespace

void report_stage(RunContext& run, std::ostream& out) {
  if (!run.ward_summary) return;  // the report needs the ward statistics
  run.timer.start("report");
  const RunConfig& c = run.cfg;
  std::string body = summary_section(run) + missing_data_notes(run);
  for (std::size_t t = 0; t < c.taxonomy.themes.size(); ++t) body += theme_section(run, t);
  body += ward_section(run) + venue_section(run) + quality_section(run) + method_section(run);
  const std::string title = fmt::format("{}: community safety tasking pack, {}", c.area_name, c.period.label);
  const std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
      "<title>{0}</title>\n<style>{1}</style>\n</head>\n<body>\n<h1>{0}</h1>\n"
      "<p>Area: {2}. Period: {3} ({4}). Produced by hotspot {5} from the files in this folder.</p>\n{6}"
      "<footer>Aggregated statistics only; small counts are suppressed. See manifest.json for inputs and checksums.</footer>\n"
      "</body>\n</html>\n",
      html_escape(title), kStyle, html_escape(c.area_name), html_escape(c.period.label), c.period.range_text(),
      HOTSPOT_VERSION, body);
  write_file_atomically(run.output_path("report.html"), html);
  run.record_output("report.html");
  run.timer.stop();
  fmt::print(out, "  report.html ({} KB)\n", html.size() / 1024);
}

}  // namespace hotspot
