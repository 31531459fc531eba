// report.html: the month's story for the tasking meeting, self-contained
// (inline CSS and SVG maps, no scripts, no external requests). Printed, it is
// A4 landscape: a summary page, one page per theme (map, key figures and top
// hotspots together), then wards, venues, data quality, and the method and
// file list as an appendix; every page carries the protective marking, the
// production date and the data period. Every number comes from the same
// tables the CSV and GeoJSON files were written from, through the same
// formatting (cell_text). The page is a pugixml tree (io/html_tree.hpp), so
// the library escapes every value it shows.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <ostream>

#include "analysis/forecast.hpp"
#include "app/report/report_maps.hpp"
#include "app/report/report_style.hpp"
#include "app/stages/stages.hpp"
#include "app/report/change_map.hpp"
#include "app/report/exception_list.hpp"
#include "app/report/key_changes.hpp"
#include "app/report/page_refs.hpp"
#include "app/report/plan_page.hpp"
#include "app/tables/published_cells.hpp"
#include "app/report/time_note.hpp"
#include "app/report/report_when_where.hpp"
#include "app/report/trend_pages.hpp"
#include "app/disclosure/ledger.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/html_tree.hpp"

namespace hotspot {
namespace {

using html::el;
using html::text;
using Node = pugi::xml_node;

Node td(Node tr, const std::string& s, bool number = false) {
  Node c = el(tr, "td");
  if (number) c.append_attribute("class") = "n";
  return text(c, s);
}

std::string cell(const Table& t, std::size_t row, const std::string& column) { return published_text(t, row, column); }

void rag_badge(Node parent, const std::string& rag) {
  const bool known = rag == "red" || rag == "amber" || rag == "green";
  el(parent, "span", {{"class", fmt::format("rag rag-{}", known ? rag : "none")}}, rag.empty() ? "n/a" : rag);
}

// A table cell with the RAG badge, and the reminder where a rise is good news.
void rag_cell(Node tr, const std::string& rag, const Theme& theme) {
  const Node c = el(tr, "td");
  rag_badge(c, rag);
  text(c, theme.rise_is_good ? " (a rise is good)" : "");
}

// A percentage change as the report prints it; "no data" and withheld values as they are.
std::string pct(const PublishedCell& c) {
  if (c.text.empty()) return "n/a";
  if (c.no_data || c.withheld) return c.text;
  return (c.text[0] == '-' ? c.text : "+" + c.text) + "%";
}

// " (2 of 3)" after a heading continued over several pages.
std::string page_of(std::size_t page, std::size_t pages) {
  return pages > 1 ? fmt::format(" ({} of {})", page + 1, pages) : "";
}

// A paragraph that opens with a bold lead: <p class="..."><b>lead</b> rest</p>.
void lead_paragraph(Node parent, const char* css_class, const std::string& lead, const std::string& rest) {
  const Node p = el(parent, "p", {{"class", css_class}});
  el(p, "b", {}, lead);
  text(p, rest);
}

// What is missing: themes that cannot match the inputs, and months with no rows.
void missing_data_notes(Node parent, const RunInputs& run) {
  const DataAvailability& a = run.availability;
  for (std::size_t t = 0; t < a.themes.size() && t < run.cfg.taxonomy.themes.size(); ++t)
    if (!a.themes[t].possible)
      lead_paragraph(parent, "warn no-data", run.cfg.taxonomy.themes[t].label + ": no data.",
                     fmt::format(" The theme {}, so it is shown as \"no data\", not as zero.", a.themes[t].reason));
  for (const auto& w : a.windows) {
    if (w.without_rows.empty()) continue;
    std::vector<std::string> names;
    for (const Month m : w.without_rows) names.push_back(format_month(m));
    lead_paragraph(parent, "warn missing-months", "Months with no rows",
                   fmt::format(" in the {} ({}): {}. Figures that use them count those months as empty.",
                               w.name == "period" ? "period" : w.name == "previous" ? "previous period"
                               : w.name == "year_earlier" ? "same period a year earlier" : "12-month baseline",
                               w.months.range_text(), fmt::join(names, ", ")));
  }
}

// A table's header row, and the line break after it.
void header_row(Node table, std::initializer_list<const char*> headings) {
  const Node tr = el(table, "tr");
  for (const char* h : headings) el(tr, "th", {}, h);
  html::newline(table);
}

// A theme's name in the summary: "(proxy)" marked once, never again on a label that says it already.
std::string summary_label(const Theme& t) {
  return t.proxy && t.label.find("(proxy)") == std::string::npos ? t.label + " (proxy)" : t.label;
}

void summary_table(Node parent, const RunInputs& run, const Table& w) {
  const std::size_t all = w.rows.size() - 1;  // the ALL row
  el(parent, "h2", {}, "Summary");
  const Node table = el(parent, "table", {{"class", "summary"}});
  header_row(table, {"Theme", "Incidents", "vs previous period", "vs 12-month baseline", "Baseline mean", "RAG",
                     "Year to date vs last year"});
  for (const Theme& t : run.cfg.taxonomy.themes) {
    const std::string p = t.id + "_";
    const Node tr = el(table, "tr", {{"data-theme", t.id}});
    td(tr, summary_label(t));
    td(tr, cell(w, all, p + "count"), true);
    td(tr, pct(published_cell(w, all, p + "change_previous_pct")), true);
    td(tr, pct(published_cell(w, all, p + "change_baseline_pct")), true);
    td(tr, cell(w, all, p + "baseline_mean"), true);
    rag_cell(tr, cell(w, all, p + "rag"), t);
    // Year to date against the same months last year, with its status against the theme's target.
    std::string ytd = pct(published_cell(w, all, p + "ytd_change_pct"));
    const std::string status = cell(w, all, p + "ytd_status");
    if (status == "red" || status == "amber" || status == "green") ytd += " (" + status + ")";
    td(tr, ytd, true);
    html::newline(table);
  }
}

// The date printed on every page: set, or the day after the period ends.
// Never the clock, so that a rerun on the same inputs writes the same bytes.
std::string production_date(const RunConfig& c) {
  if (!c.report.date.empty()) return c.report.date;
  const Month next = c.period.last + 1;
  return fmt::format("{:04d}-{:02d}-01", month_year(next), month_of_year(next));
}

// Key changes on the cover page: with the exception list beside them and the
// summary table under both, six sentences fit the page.
constexpr std::size_t kCoverKeyChanges = 6;

void cover_page(Node body, const RunInputs& run, const ReportSources& src, const std::string& title) {
  const RunConfig& c = run.cfg;
  std::vector<std::string> labels;
  for (const Theme& t : c.taxonomy.themes) labels.push_back(t.label);
  const Node page = el(body, "section", {{"class", "page cover"}});
  el(page, "h1", {}, title);
  el(page, "p", {}, fmt::format("Area: {}. Period: {} ({}). Produced {} by hotspot {} from the files in this folder.",
                                c.area_name, c.period.label, c.period.range_text(), production_date(c), HOTSPOT_VERSION));
  const Node columns = el(page, "div", {{"class", "cover-columns"}});
  const KeyChangesShown shown = key_changes_summary(el(columns, "div"), run, src, kCoverKeyChanges);
  if (shown.more > 0)  // where the rest are, once the pages are known (fill_page_refs)
    el(shown.more_note, "span", {{"data-pages", "theme"}},
       fmt::format("{} more on the theme pages{{pages}}: their change maps and hotspot tables.", shown.more));
  exception_list(el(columns, "div"), run, src.wards.summary, src.wards.targets);
  summary_table(page, run, src.wards.summary);
  missing_data_notes(page, run);
  time_note(page, run, src.time);
  el(page, "p", {{"class", "contents"}}, fmt::format("In this report: a page per theme: {}. Then the wards, {}{}data quality, and the method, the "
                                "measures and a glossary, and the files (appendices A and B).",
                                fmt::join(labels, ", "), src.plans().empty() ? "" : "the roadshow venues, ",
                                src.forward_plan ? "the roadshow plan, " : ""));
  html::newline(body);
}

bool has_column(const Table& t, const std::string& name) {
  return std::any_of(t.columns.begin(), t.columns.end(), [&](const Column& c) { return c.name == name; });
}

// The theme's top hotspots of the widest class (narrower ones sit inside), as
// table rows; with their space-time class when the layer has it.
std::size_t hotspot_rows(Node table, const Table& h, std::size_t reported) {
  std::size_t shown = 0;
  const bool classed = has_column(h, "space_time"), months = has_column(h, "months_hotspot_of_12");
  for (std::size_t r = 0; r < h.rows.size() && shown < reported; ++r) {
    if (cell(h, r, "class_level") != "1") continue;
    ++shown;
    const Node tr = el(table, "tr", {{"data-id", cell(h, r, "hotspot_id")}});
    td(tr, cell(h, r, "label"));  // names the ward holding most of it; all its wards are in the layer
    if (classed) td(tr, cell(h, r, "space_time"));
    td(tr, cell(h, r, "incidents"), true);
    td(tr, pct(published_cell(h, r, "change_previous_pct")), true);
    // How often it was a hotspot this past year, in words; its measures are in the layer.
    if (months) td(tr, fmt::format("{} of 12 months", cell(h, r, "months_hotspot_of_12")), true);
    else td(tr, pct(published_cell(h, r, "change_baseline_pct")), true);
    html::newline(table);
  }
  return shown;
}

// The hotspots drawn without a number, in one sentence.
void unnumbered_note(Node parent, const Table& h, const Theme& theme, std::size_t reported) {
  if (!has_column(h, "forecast_monthly")) return;
  std::size_t more = 0;
  double forecast = 0, all = 0;
  for (std::size_t r = 0; r < h.rows.size(); ++r) {
    const auto f = published_number(h, r, "forecast_monthly");
    all += f.value_or(0);
    if (r < reported) continue;
    ++more;
    forecast += f.value_or(0);
  }
  if (more == 0) return;
  el(parent, "p", {{"class", "unnumbered"}},
     fmt::format("{} more {} drawn unnumbered, with {}% of the forecast incidents (all in hotspots_{}.geojson).", more,
                 more == 1 ? "is" : "are", format_real(all > 0 ? forecast / all * 100 : 0, 0), theme.id));
}

// How much of the gain hindsight makes over the last 12 months' squares the
// forecast reached, in one plain sentence.
std::string ceiling_sentence(const ThemeForecast& f) {
  if (!f.backtest || !f.cells_l12 || !f.ceiling) return "";
  const double gain = share_of_gain(f.backtest->mean_pai, f.cells_l12->mean_pai, f.ceiling->mean_pai);
  const std::string margin = format_real((f.ceiling->mean_pai / f.cells_l12->mean_pai - 1) * 100, 1);
  if (!std::isfinite(gain))
    return "Even hindsight (the months either side of each) did not beat those squares: what is left is chance.";
  if (gain >= 1)
    return fmt::format("Hindsight (the months either side of each) would beat those squares by {}%; this forecast "
                       "did as well.", margin);
  if (gain <= 0)
    return fmt::format("Hindsight (the months either side of each) would beat those squares by {}%; this forecast "
                       "did not beat them.", margin);
  return fmt::format("Hindsight (the months either side of each) would beat those squares by only {}%; this "
                     "forecast gets {}% of that gain.", margin, format_real(gain * 100, 0));
}

// What share of the area the hotspots cover and how well the same drawing
// did on past months, in plain words: incidents per 100, never the measures'
// names (PAI, hit rate: those, and the method, are in appendix A).
void forecast_note(Node parent, const Table& h, const KdeTheme* kde) {
  if (!kde || !kde->forecast || !has_column(h, "forecast_method")) return;
  const ThemeForecast& f = *kde->forecast;
  std::string note = fmt::format("The forecast hotspots cover {}% of the area. ", format_real(f.area_share * 100, 1));
  if (f.backtest && f.backtest->drawn && f.backtest->drawn->months > 0) {
    const DrawnRecord& d = *f.backtest->drawn;
    note += fmt::format("In the last {} months, drawn the same way each month, {}% of the area held {} of every 100 "
                        "incidents the month after; the busiest squares of the last 12 months, over the same area, "
                        "held {}. ",
                        d.months, format_real(d.mean_area_share * 100, 0), format_real(d.mean_hit_rate * 100, 0),
                        format_real(d.baseline_mean_pai * d.mean_area_share * 100, 0));
    note += ceiling_sentence(f);
  } else {
    note += "There were too few earlier months to test them on past data.";
  }
  el(parent, "p", {{"class", "method-note"}}, note);
}

// "Largest rises on the previous period": the three wards that rose most.
std::string largest_rises(const Table& w, const std::string& p) {
  const std::size_t all = w.rows.size() - 1;
  std::vector<std::pair<double, std::size_t>> rises;
  for (std::size_t r = 0; r < all; ++r) {
    const auto now = published_number(w, r, p + "count"), before = published_number(w, r, p + "previous");
    if (now && before && *now > *before) rises.emplace_back(*before - *now, r);
  }
  std::sort(rises.begin(), rises.end());
  if (rises.size() > 3) rises.resize(3);
  std::vector<std::string> names;
  for (const auto& [rise, r] : rises)
    names.push_back(fmt::format("{} ({} from {})", cell(w, r, "ward_name"), cell(w, r, p + "count"), cell(w, r, p + "previous")));
  return fmt::format("{}", fmt::join(names, "; "));
}

// The theme's key figures for the whole area, and the wards that rose most.
void key_changes(Node parent, const Table& w, const Theme& theme) {
  const std::size_t all = w.rows.size() - 1;
  const std::string p = theme.id + "_";
  const Node table = el(parent, "table", {{"class", "key"}, {"data-theme", theme.id}});
  header_row(table, {"Incidents", "Previous period", "A year earlier", "12-month baseline", "RAG"});
  const Node tr = el(table, "tr");
  td(tr, cell(w, all, p + "count"), true);
  td(tr, fmt::format("{} ({})", cell(w, all, p + "previous"), pct(published_cell(w, all, p + "change_previous_pct"))), true);
  td(tr, fmt::format("{} ({})", cell(w, all, p + "year_earlier"), pct(published_cell(w, all, p + "change_year_pct"))), true);
  td(tr, fmt::format("mean {} ({})", cell(w, all, p + "baseline_mean"), pct(published_cell(w, all, p + "change_baseline_pct"))),
     true);
  rag_cell(tr, cell(w, all, p + "rag"), theme);
  if (const std::string rises = largest_rises(w, p); !rises.empty())
    el(parent, "p", {{"class", "rises"}}, "Largest rises on the previous period: " + rises + ".");
}

// The top hotspots' table, or why there is none.
void hotspot_table(Node parent, const Table& hotspots, const Theme& theme, const RunConfig& cfg) {
  const std::size_t reported = static_cast<std::size_t>(reported_hotspots(cfg.kde));
  el(parent, "h3", {}, fmt::format("Top {} {}hotspots", reported,
                                   cfg.kde.classes == HotspotClasses::Coverage ? "forecast " : ""));
  pugi::xml_document rows;
  const Node table = el(rows, "table", {{"class", "hotspots"}, {"data-theme", theme.id}});
  const Node head = el(table, "tr");
  el(head, "th", {}, "Hotspot");
  if (has_column(hotspots, "space_time")) el(head, "th", {{"class", "space-time"}}, "New or persistent");
  el(head, "th", {{"class", "count"}}, "Incidents");
  el(head, "th", {{"class", "change"}}, "vs previous");
  if (has_column(hotspots, "months_hotspot_of_12")) el(head, "th", {{"class", "months"}}, "Forecast hotspot in");
  else el(head, "th", {{"class", "months"}}, "vs usual");
  html::newline(table);
  if (hotspot_rows(table, hotspots, reported) == 0) el(parent, "p", {}, "No hotspot met the publication rules this period.");
  else html::append_children(parent, rows);
}

// Where the risk surface changes the picture: the wards high on risk per
// resident that a count map does not single out. Nothing when there are none.
void risk_note(Node parent, const RiskTheme& risk) {
  if (risk.places.empty()) return;
  std::vector<std::string> named;
  for (const RiskPlace& p : risk.places) named.push_back(fmt::format("{} ({:.1f} times)", p.ward, p.mean_risk));
  el(parent, "p", {{"class", "risk"}},
     fmt::format("Per resident: {} {} high on risk, against the area's rate per resident, but not among the five "
                 "wards with the most incidents (map theme \"risk per resident\" in QGIS).",
                 fmt::join(named, ", "), named.size() == 1 ? "is" : "are"));
}

// The ward change map under the hotspot map, with its legend beside it; the
// hotspot map gives up the height it and its heading take.
constexpr double kChangeMapWidth = 46, kChangeMapHeight = 33, kChangeRow = 40;

void change_map(Node parent, const RunInputs& run, const Table& w, std::size_t t) {
  const Theme& theme = run.cfg.taxonomy.themes[t];
  if (t < run.availability.themes.size() && !run.availability.themes[t].possible) return;  // "no data": nothing to map
  const ChangeMap map = ward_change_map(run, w, theme, kChangeMapWidth, kChangeMapHeight);
  el(parent, "h3", {{"class", "change-heading"}}, "Change by ward on the usual level (the 12-month average)");
  const Node row = el(parent, "div", {{"class", "change-row"}, {"data-withheld", std::to_string(map.withheld)}});
  html::append_children(row, map.svg);
  html::append_children(row, map.legend);
}

// What the notes under a map take at most (about seven lines of 7.5 pt), and
// how much taller than the map's own limit the page body may grow (the
// printed page holds 190 mm, less the heading and the page's padding).
constexpr double kNotesUnderMap = 24, kBodyOverMap = 15;

void theme_page(Node body, const RunInputs& run, const ReportSources& src, std::size_t t, const MapContext& context) {
  const Theme& theme = run.cfg.taxonomy.themes[t];
  const Node page = el(body, "section", {{"class", "page theme"}, {"id", "theme-" + theme.id}});
  el(page, "h2", {}, theme.label);
  if (theme.proxy) lead_paragraph(page, "warn", "Proxy measure.", " " + theme.proxy_note);
  const bool has_change_map = t >= run.availability.themes.size() || run.availability.themes[t].possible;
  const double map_height = (theme.proxy ? kMapMaxHeight - 12 : kMapMaxHeight) - (has_change_map ? kChangeRow : 0);
  const ReportMap map = theme_map(run, src, t, context, kMapMaxWidth, map_height);
  // The map, and beside it the key figures, the legend and the numbered hotspots. The notes on the whole
  // page (the unnumbered hotspots, how the hotspots did, risk per resident) go under a wide map, which
  // leaves the room, else under the table: the side column is the longer one.
  const Node theme_body = el(page, "div", {{"class", "theme-body"}});
  const Node main_column = el(theme_body, "div", {{"class", "theme-map"}});
  html::append_children(main_column, map.svg);
  const Node side = el(theme_body, "div", {{"class", "theme-side"}});
  change_map(main_column, run, src.wards.summary, t);
  const Node notes = map.height_mm + kNotesUnderMap <= map_height + kBodyOverMap ? main_column : side;
  el(side, "h3", {}, "Key changes");
  key_changes(side, src.wards.summary, theme);
  html::append_children(side, map.legend);
  if (const Table* hotspots = src.hotspot_table(t)) {
    hotspot_table(side, *hotspots, theme, run.cfg);
    unnumbered_note(notes, *hotspots, theme, static_cast<std::size_t>(reported_hotspots(run.cfg.kde)));
    forecast_note(notes, *hotspots, src.kde ? &src.kde->themes[t] : nullptr);
  }
  if (src.risk) risk_note(notes, src.risk->themes[t]);
  html::newline(body);
}

// Ward rows a printed page holds; a larger area's table goes on as many
// pages as it needs, each with its header row, never breaking mid-page.
constexpr std::size_t kWardRows = 24;

void ward_pages(Node body, const RunInputs& run, const Table& w) {
  const auto& themes = run.cfg.taxonomy.themes;
  // Rates per 1,000 residents beside the counts when [population] gave the wards residents.
  bool rates = false;
  if (!themes.empty())
    for (std::size_t r = 0; r < w.rows.size() && !rates; ++r) rates = !cell(w, r, themes.front().id + "_rate_per_1000").empty();
  const std::size_t pages = (w.rows.size() + kWardRows - 1) / kWardRows;
  for (std::size_t page = 0; page < pages; ++page) {
    const Node section = el(body, "section", {{"class", "page wards"}});
    el(section, "h2", {}, "Wards" + page_of(page, pages));
    el(section, "p", {}, disclosure_note(themes));
    const Node table = el(section, "table", {{"class", "wards"}});
    const Node head = el(table, "tr");
    el(head, "th", {}, "Ward");
    for (const Theme& t : themes)
      el(head, "th", {}, t.label + (rates ? ": incidents (per 1,000 residents)" : "")), el(head, "th", {}, t.label + " RAG");
    html::newline(table);
    for (std::size_t r = page * kWardRows; r < std::min(w.rows.size(), (page + 1) * kWardRows); ++r) {
      const Node tr = el(table, "tr", {{"data-ward", cell(w, r, "ward_code")}});
      td(tr, cell(w, r, "ward_name"));
      for (const Theme& t : themes) {
        // The rate as the table publishes it: none where the count is withheld or the ward has too few residents.
        const std::string rate = rates ? cell(w, r, t.id + "_rate_per_1000") : "";
        const bool shown = !rate.empty() && rate != "[c]" && rate.find('<') == std::string::npos;
        td(tr, cell(w, r, t.id + "_count") + (shown ? " (" + rate + ")" : ""), true);
        rag_badge(el(tr, "td"), cell(w, r, t.id + "_rag"));
      }
      html::newline(table);
    }
    html::newline(body);
  }
}

// Two plans a page: a plan's table of k venues with their reasons takes
// about a third of the page, and a plan is never split across pages.
constexpr std::size_t kPlansPerPage = 2;

void venue_pages(Node body, const std::vector<VenuePlan>& plans) {
  const std::size_t pages = (plans.size() + kPlansPerPage - 1) / kPlansPerPage;
  for (std::size_t page = 0; page < pages; ++page) {
    const Node section = el(body, "section", {{"class", "page venues"}});
    el(section, "h2", {}, "Roadshow venue programme" + page_of(page, pages));
    el(section, "p", {}, "On each theme's map the chosen venues are marked V1, V2, ... in programme order.");
    for (std::size_t p = page * kPlansPerPage; p < std::min(plans.size(), (page + 1) * kPlansPerPage); ++p) {
      const VenuePlan& prog = plans[p];
      el(section, "h3", {}, prog.label);
      const Node table = el(section, "table", {{"class", "programme"}, {"data-plan", prog.id}});
      header_row(table, {"#", "Venue", "Type", "Ward", "Reason"});
      for (std::size_t r = 0; r < prog.table.rows.size(); ++r) {
        const Node tr = el(table, "tr");
        td(tr, fmt::format("V{}", cell(prog.table, r, "order")));
        for (const char* column : {"name", "type", "ward_name", "reason"}) td(tr, cell(prog.table, r, column));
        html::newline(table);
      }
    }
    html::newline(body);
  }
}

void quality_page(Node body, const RunInputs& run) {
  const InputTotals t = input_totals(run.ingest.files);
  const Node page = el(body, "section", {{"class", "page"}});
  el(page, "h2", {}, "Data quality");
  for (const Theme& theme : run.cfg.taxonomy.themes)
    if (theme.proxy) lead_paragraph(page, "warn", theme.label + ":", " " + theme.proxy_note);
  const Node p = el(page, "p", {}, "Rows read ");
  const auto figure = [&p](const char* css_class, auto value, const std::string& then) {
    el(p, "b", {{"class", css_class}}, fmt::format("{}", value));
    text(p, then);
  };
  figure("read", t.read, ", used ");
  figure("accepted", t.accepted, fmt::format(", outside the data window ({}) ", run.data_window.range_text()));
  figure("outside-window", t.outside_window, ", rejected ");
  figure("rejected", t.rejected_total(), " (counted by file and reason in rejects_summary.csv; each file's account is "
                                         "in appendix B).");
  const Node table = el(page, "table", {{"class", "reasons"}});
  header_row(table, {"Reason", "Rows", "Meaning"});
  for (std::size_t r = 0; r < kRejectReasonCount; ++r) {
    if (!t.rejected[r]) continue;
    const Node tr = el(table, "tr");
    td(tr, std::string(reason_code(static_cast<RejectReason>(r))));
    td(tr, std::to_string(t.rejected[r]), true);
    td(tr, std::string(reason_help(static_cast<RejectReason>(r))));
    html::newline(table);
  }
  html::newline(body);
}

// Each theme's forecast as this run made it: the method (chosen by backtest
// or set), and the measures behind the theme pages' plain sentences.
void forecast_measures(Node ul, const RunInputs& run, const KdeResult& kde) {
  const auto& themes = run.cfg.taxonomy.themes;
  const Node table = el(el(ul, "li", {}, "The forecast each theme's page uses, and its measures over the last 12 months "
                                         "(hit rate: the share of the next month's incidents inside the hotspots; PAI: "
                                         "that share divided by the share of the area):"),
                        "table", {{"class", "measures"}});
  header_row(table, {"Theme", "Forecast method", "Chosen", "Area", "Hit rate", "PAI", "PAI, last 12 months' squares"});
  for (std::size_t t = 0; t < themes.size() && t < kde.themes.size(); ++t) {
    const auto& f = kde.themes[t].forecast;
    if (!f) continue;
    const Node tr = el(table, "tr", {{"data-theme", themes[t].id}});
    td(tr, themes[t].label);
    td(tr, f->method.label());
    td(tr, f->chosen_by_backtest ? "by backtest" : "set");
    td(tr, format_real(f->area_share * 100, 1) + "%", true);
    const bool drawn = f->backtest && f->backtest->drawn && f->backtest->drawn->months > 0;
    td(tr, drawn ? format_real(f->backtest->drawn->mean_hit_rate, 3) : "n/a", true);
    td(tr, drawn ? format_real(f->backtest->drawn->mean_pai, 2) : "n/a", true);
    td(tr, drawn ? format_real(f->backtest->drawn->baseline_mean_pai, 2) : "n/a", true);
    html::newline(table);
  }
}

// The words the pages use, defined once.
void glossary(Node parent, const RunConfig& c) {
  el(parent, "h3", {}, "Glossary");
  const Node dl = el(parent, "ul", {{"class", "glossary"}});
  const auto entry = [&dl](const char* term, const std::string& meaning) {
    const Node li = el(dl, "li");
    el(li, "b", {}, term);
    text(li, fmt::format(" {}", meaning));
  };
  entry("Usual level:", "the monthly average of the 12 months before the period.");
  entry("Significant:", fmt::format("a change too large to be chance (a Poisson test against the usual level, "
                                    "probability below {}).", c.significance));
  entry("RAG:", "red, a significant change the bad way; amber, the bad way but not significantly (or short of the "
                "target); green, on or better than the usual level (or the target).");
  if (c.kde.enabled)
    entry(c.kde.classes == HotspotClasses::Coverage ? "Forecast hotspot:" : "Hotspot:",
          c.kde.classes == HotspotClasses::Coverage
              ? fmt::format("one of the places forecast to hold the most incidents next month, the top {:g}% of the "
                            "area's 100 m squares.", c.kde.coverage * 100)
              : std::string("an area of high incident density this period."));
  entry("Hit rate:", "the share of a month's incidents inside the hotspots drawn the month before.");
  entry("PAI (predictive accuracy index):", "the hit rate divided by the share of the area the hotspots cover: "
                                            "how many times better than spreading effort evenly.");
  if (c.emerging.enabled)
    entry("New, persistent, on and off, ...:", "a hotspot's space-time class, from the months its squares were "
                                               "significant hot spots (Getis-Ord Gi*, a z-score test) over the last "
                                               "year; \"hot for 11 of the last 12 months\" counts those months.");
  entry("Withheld ([c], <5):", "a figure disclosure control does not publish, so no one can be identified from it.");
}

void method_list(Node parent, const RunInputs& run, const ReportSources& src) {
  const RunConfig& c = run.cfg;
  el(parent, "h3", {}, "Method and parameters");
  const Node ul = el(parent, "ul");
  el(ul, "li", {}, fmt::format("Period {} ({} to {}), compared with the previous {} month(s), the same months a year "
                               "earlier, and the monthly average of the 12 months before.",
                               c.period.label, format_month(c.period.first), format_month(c.period.last), c.period.months()));
  el(ul, "li", {}, fmt::format("A change is flagged significant when a Poisson test against the baseline gives a "
                               "probability below {}. RAG: red is a significant rise (a fall where a rise is good), "
                               "green meets the target.",
                               c.significance));
  if (c.kde.enabled && c.kde.classes == HotspotClasses::Coverage) {
    const Node li = el(ul, "li", {}, fmt::format(
        "Forecast hotspots: the top {:g}% of 100 m squares on a forecast for the coming month, ties kept, nothing "
        "dropped; squares within {} squares of one another are one hotspot, numbered by forecast incidents, the top {} "
        "on each map and table. The same drawing is backtested each month at the area it covers (",
        c.kde.coverage * 100, c.kde.join, c.kde.numbered));
    el(li, "code", {}, "hotspot evaluate");
    text(li, fmt::format("). The density surface in QGIS (kernel density, {} kernel, {} m cells) is for context only.",
                         name_of(c.kde.kernel), c.kde.cell));
    text(li, " Their measures are on the next page.");
  } else if (c.kde.enabled) {
    el(ul, "li", {}, fmt::format("Hotspots: kernel density ({} kernel, {} m cells, bandwidth as recorded in the "
                                 "manifest); classes at {} of the non-zero cells; polygons smaller than {} m\u00b2 or "
                                 "with fewer than {} incidents are dropped. PAI compares the share of incidents with the "
                                 "share of area. Each map numbers the theme's top {} hotspots as its table does.",
                                 name_of(c.kde.kernel), c.kde.cell,
                                 c.kde.classes == HotspotClasses::Sd ? "the mean plus 1, 2 and 3 standard deviations"
                                                                     : "top percentages",
                                 c.kde.min_area_m2, c.kde.min_incidents, reported_hotspots(c.kde)));
  }
  if (c.clusters.enabled)
    el(ul, "li", {}, fmt::format("Clusters: DBSCAN ({} m, {} points), CrimeStat-style nearest-neighbour clusters "
                                 "(p = {}), and Getis-Ord Gi* on {} m cells with {} correction.",
                                 c.clusters.dbscan_eps, c.clusters.dbscan_min_points, c.clusters.nnh_p,
                                 c.clusters.gistar_cell, name_of(c.clusters.correction)));
  if (!src.plans().empty())
    el(ul, "li", {}, fmt::format("Venues: reach is the incident mass within {} m in a straight line; the programme of "
                                 "{} is chosen greedily so each incident counts once, with venues at least {} m apart. "
                                 "Greedy choice reaches at least 63% of the best possible programme.",
                                 c.programme.radius, c.programme.k, c.programme.min_spacing));
  el(ul, "li", {}, disclosure_note(c.taxonomy.themes));
}

// The pack's own files, in columns.
void output_list(Node parent, const RunContext& run) {
  std::vector<std::string> names;
  for (const OutputFile& o : run.outputs) names.push_back(o.name);
  for (const char* later : {"report.html", "manifest.json", "timings.json"}) names.emplace_back(later);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  el(parent, "h3", {}, "The pack's files");
  el(parent, "p", {}, "This folder (checksums in manifest.json):");
  const Node ul = el(parent, "ul", {{"class", "outputs"}});
  for (const std::string& n : names) el(ul, "li", {}, n);
}

// Up to two tables of this many rows side by side on an appendix page.
constexpr std::size_t kFileRows = 30;

// The folder every path shares ("" when none): "data/police-uk/".
std::string common_folder(const std::vector<std::string>& paths) {
  std::string common = paths.empty() ? "" : paths[0].substr(0, paths[0].rfind('/') + 1);
  for (const std::string& p : paths)
    while (!common.empty() && p.compare(0, common.size(), common) != 0)
      common = common.substr(0, common.rfind('/', common.size() - 2) + 1);  // up one folder
  return common;
}

// Input files `first` to `first + kFileRows` (those there are), each with its account.
void input_file_table(Node parent, const RunInputs& run, const std::vector<std::string>& names, std::size_t first) {
  const auto& files = run.ingest.files;
  if (first >= files.size()) return;
  const Node table = el(parent, "table", {{"class", "files"}});
  header_row(table, {"Input file", "Read", "Used", "Outside window", "Rejected"});
  for (std::size_t i = first; i < std::min(files.size(), first + kFileRows); ++i) {
    const Node tr = el(table, "tr");
    td(tr, names[i]);
    for (const std::uint64_t n : {files[i].read, files[i].accepted, files[i].outside_window, files[i].rejected_total()})
      td(tr, std::to_string(n), true);
    html::newline(table);
  }
}

// The input files, each with its account: paths relative to the folder they
// share, two tables a page, so five years of monthly files take one page.
void input_file_pages(Node body, const RunInputs& run) {
  std::vector<std::string> paths;
  for (const auto& f : run.ingest.files) paths.push_back(display_path(run.cfg, f.path));
  const std::string common = common_folder(paths);
  for (std::string& p : paths) p = p.substr(common.size());
  const std::size_t per_page = 2 * kFileRows;
  const std::size_t pages = std::max<std::size_t>(1, (paths.size() + per_page - 1) / per_page);
  for (std::size_t page = 0; page < pages; ++page) {
    const Node section = el(body, "section", {{"class", "page appendix input-files"}});
    el(section, "h2", {}, "Appendix B: input files" + page_of(page, pages));
    el(section, "p", {}, fmt::format("Each file's rows: read = used + outside the data window + rejected.{}",
                                     common.empty() ? "" : " Paths are in " + common + "."));
    const Node halves = el(section, "div", {{"class", "halves"}});
    for (std::size_t part = 0; part < 2; ++part) input_file_table(halves, run, paths, page * per_page + part * kFileRows);
    html::newline(body);
  }
}

void appendix_pages(Node body, const RunContext& run, const ReportSources& src) {
  const Node page = el(body, "section", {{"class", "page appendix"}});
  el(page, "h2", {}, "Appendix A: method and files");
  method_list(page, run, src);
  output_list(page, run);
  html::newline(body);
  // The measures and the words the pages use, on a page of their own.
  const Node words = el(body, "section", {{"class", "page appendix glossary-page"}});
  el(words, "h2", {}, "Appendix A (continued): measures and glossary");
  if (run.cfg.kde.enabled && run.cfg.kde.classes == HotspotClasses::Coverage && src.kde) {
    el(words, "h3", {}, "How well the forecast hotspots did");
    forecast_measures(el(words, "ul"), run, *src.kde);
  }
  glossary(words, run.cfg);
  html::newline(body);
  input_file_pages(body, run);
}

// Repeated on every printed page (fixed elements), and shown once on screen.
void page_head(Node body, const RunConfig& c, const std::string& title) {
  const Node header = el(body, "header", {{"class", "page-head"}});
  el(header, "span", {{"class", "marking"}}, c.report.marking);
  el(header, "span", {}, title);
  el(header, "span", {}, "Produced " + production_date(c));
  html::newline(body);
}

void page_foot(Node body, const RunConfig& c) {
  const Node footer = el(body, "footer", {{"class", "page-foot"}});
  el(footer, "span", {{"class", "marking"}}, c.report.marking);
  el(footer, "span", {}, fmt::format("Data: {} ({}). Aggregated statistics only; small counts are suppressed.",
                                     c.period.label, c.period.range_text()));
  el(footer, "span", {}, "Produced " + production_date(c));
  html::newline(body);
}

// <html lang="en-GB"> with its head (a policy that allows no script and no
// request, the title, the style sheet); returns the body.
Node report_page(pugi::xml_document& doc, const std::string& title) {
  const Node page = el(doc, "html", {{"lang", "en-GB"}});
  html::newline(page);
  const Node head = el(page, "head");
  html::newline(head);
  for (const xml::Attrs meta : {xml::Attrs{{"charset", "utf-8"}},
                                xml::Attrs{{"http-equiv", "Content-Security-Policy"},
                                           {"content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:"}}}) {
    el(head, "meta", meta);
    html::newline(head);
  }
  el(head, "title", {}, title);
  html::newline(head);
  el(head, "style", {}, kReportCss);
  html::newline(head);
  html::newline(page);
  const Node body = el(page, "body");
  html::newline(body);
  html::newline(page);
  html::newline(doc);
  return body;
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
  pugi::xml_document doc;
  const Node body = report_page(doc, title);
  page_head(body, c, title);
  cover_page(body, run, src, title);
  html::append_markup(body, trend_pages(run, src.wards, r.withheld));
  for (std::size_t t = 0; t < c.taxonomy.themes.size(); ++t) theme_page(body, run, src, t, context);
  when_where_pages(body, run, src.time, src.repeats);
  ward_pages(body, run, src.wards.summary);
  venue_pages(body, src.plans());
  if (src.forward_plan) plan_pages(body, run, *src.forward_plan);
  quality_page(body, run);
  appendix_pages(body, run, src);
  page_foot(body, c);
  fill_page_refs(body);
  r.html = html::page_string(doc);
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
