#include "app/report/report_when_where.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "app/tables/published_cells.hpp"
#include "core/time_window.hpp"
#include "io/html_text.hpp"

namespace hotspot {
namespace {

// Five sequential classes (ColorBrewer Oranges) of a cell's share of the
// theme's busiest hour; white text on the two darkest.
constexpr std::array<const char*, 5> kHeat = {"#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"};

std::string heat_cell(const PublishedCell& cell, double busiest) {
  const std::string& text = cell.text;
  const auto n = cell.number;
  if (!n || *n <= 0 || busiest <= 0) return fmt::format("<td class=\"n\">{}</td>", html_escape(text));
  const auto k = std::min<std::size_t>(kHeat.size() - 1, static_cast<std::size_t>(*n / busiest * kHeat.size()));
  return fmt::format("<td class=\"n\" style=\"background:{}{}\">{}</td>", kHeat[k], k >= 3 ? ";color:#fff" : "",
                     html_escape(text));
}

// The theme's 7 day rows and its unknown row of time_of_day.csv, as a grid.
std::string hour_grid(const Table& hours, const Theme& theme) {
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < hours.rows.size(); ++r)
    if (published_text(hours, r, "theme") == theme.id) rows.push_back(r);
  if (rows.size() != 8) return {};
  double busiest = 0;
  for (std::size_t d = 0; d < 7; ++d)
    for (int h = 0; h < 24; ++h)
      busiest = std::max(busiest, published_number(hours, rows[d], fmt::format("h{:02}", h)).value_or(0));
  std::string out = "<table class=\"hours\" data-theme=\"" + theme.id + "\"><tr><th></th>";
  for (int h = 0; h < 24; ++h) out += fmt::format("<th>{:02}</th>", h);
  out += "<th>All</th></tr>\n";
  for (std::size_t d = 0; d < 7; ++d) {
    out += fmt::format("<tr><th>{}</th>", published_text(hours, rows[d], "day"));
    for (int h = 0; h < 24; ++h) out += heat_cell(published_cell(hours, rows[d], fmt::format("h{:02}", h)), busiest);
    out += fmt::format("<td class=\"n\">{}</td></tr>\n", html_escape(published_text(hours, rows[d], "total")));
  }
  return out + fmt::format("</table><p>Time unknown (empty or 00:00, left out above): {}.</p>",
                           html_escape(published_text(hours, rows[7], "total")));
}

std::string repeat_table(const Table& repeats, const Theme& theme) {
  std::string rows;
  std::size_t listed = 0;
  for (std::size_t r = 0; r < repeats.rows.size() && listed < kReportedRepeatLocations; ++r) {
    if (published_text(repeats, r, "theme") != theme.id) continue;
    ++listed;
    rows += fmt::format("<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{} of {}"
                        "</td></tr>\n",
                        published_text(repeats, r, "rank"), html_escape(published_text(repeats, r, "square_100m")),
                        html_escape(published_text(repeats, r, "ward_name")), published_text(repeats, r, "incidents"),
                        published_text(repeats, r, "months_active"), published_text(repeats, r, "of_months"));
  }
  if (rows.empty()) return "<p>No place had enough incidents to be published as a repeat location.</p>";
  return fmt::format("<table class=\"repeats\" data-theme=\"{}\"><tr><th>Rank</th><th>100 m square</th><th>Ward</th>"
                     "<th>Incidents</th><th>Months with one</th></tr>\n{}</table>",
                     theme.id, rows);
}

}  // namespace

std::string when_where_pages(const RunInputs& run, const TimeResult* time, const RepeatResult* repeats) {
  const RunConfig& cfg = run.cfg;
  if (!repeats && !time) return {};
  // On 176 mm of page: two themes with their hour grids (about 80 mm each),
  // or six without, two abreast (about 45 mm each).
  const bool grids = time != nullptr;
  const std::size_t per_page = grids ? kWhenWhereWithHours : kWhenWhereWithoutHours;
  std::vector<std::string> blocks;
  for (const Theme& theme : cfg.taxonomy.themes) {
    if (theme.is_window()) continue;  // its hours are a part of its base theme's grid
    std::string block = fmt::format("<div class=\"when-where\"><h3>{}</h3>", html_escape(theme.label));
    if (time) block += hour_grid(time->table, theme);
    if (repeats) block += repeat_table(repeats->table, theme);
    blocks.push_back(block + "</div>");
  }
  const std::string intro = fmt::format(
      "<p>{} Repeat locations: the places with the most incidents in the 12 months to {}, each given as the 100 m "
      "square it is in, never as a point.</p>",
      grids ? "Incidents of the period by weekday and hour of day, shaded by their share of the busiest hour."
            : "police.uk data give the month only, so there is no time-of-day grid.",
      format_month(cfg.period.last));
  std::string out;
  for (std::size_t first = 0; first < blocks.size(); first += per_page) {
    out += fmt::format("<section class=\"page when-where-page\"><h2>When and where it repeats{}</h2>{}<div class=\"{}\">",
                       first ? " (continued)" : "", first ? "" : intro, grids ? "when-where-list" : "when-where-grid");
    for (std::size_t b = first; b < std::min(blocks.size(), first + per_page); ++b) out += blocks[b];
    out += "</div></section>\n";
  }
  return out;
}

}  // namespace hotspot
