#include "app/report/report_when_where.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "app/tables/published_cells.hpp"
#include "core/time_window.hpp"
#include "io/html_tree.hpp"

namespace hotspot {
namespace {

// Five sequential classes (ColorBrewer Oranges) of a cell's share of the
// theme's busiest hour; white text on the two darkest.
constexpr std::array<const char*, 5> kHeat = {"#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"};

using html::el;
using Node = pugi::xml_node;

void heat_cell(Node tr, const PublishedCell& cell, double busiest) {
  Node td = el(tr, "td", {{"class", "n"}}, cell.text);
  const auto n = cell.number;
  if (!n || *n <= 0 || busiest <= 0) return;
  const auto k = std::min<std::size_t>(kHeat.size() - 1, static_cast<std::size_t>(*n / busiest * kHeat.size()));
  td.append_attribute("style") = fmt::format("background:{}{}", kHeat[k], k >= 3 ? ";color:#fff" : "").c_str();
}

// The theme's 7 day rows and its unknown row of time_of_day.csv, as a grid.
void hour_grid(Node parent, const Table& hours, const Theme& theme) {
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < hours.rows.size(); ++r)
    if (published_text(hours, r, "theme") == theme.id) rows.push_back(r);
  if (rows.size() != 8) return;
  double busiest = 0;
  for (std::size_t d = 0; d < 7; ++d)
    for (int h = 0; h < 24; ++h)
      busiest = std::max(busiest, published_number(hours, rows[d], fmt::format("h{:02}", h)).value_or(0));
  const Node table = el(parent, "table", {{"class", "hours"}, {"data-theme", theme.id}});
  const Node head = el(table, "tr");
  el(head, "th");
  for (int h = 0; h < 24; ++h) el(head, "th", {}, fmt::format("{:02}", h));
  el(head, "th", {}, "All");
  html::newline(table);
  for (std::size_t d = 0; d < 7; ++d) {
    const Node tr = el(table, "tr");
    el(tr, "th", {}, published_text(hours, rows[d], "day"));
    for (int h = 0; h < 24; ++h) heat_cell(tr, published_cell(hours, rows[d], fmt::format("h{:02}", h)), busiest);
    el(tr, "td", {{"class", "n"}}, published_text(hours, rows[d], "total"));
    html::newline(table);
  }
  el(parent, "p", {}, fmt::format("Time unknown (empty or 00:00, left out above): {}.",
                                  published_text(hours, rows[7], "total")));
}

void repeat_table(Node parent, const Table& repeats, const Theme& theme) {
  pugi::xml_document rows;
  const Node table = el(rows, "table", {{"class", "repeats"}, {"data-theme", theme.id}});
  const Node head = el(table, "tr");
  for (const char* h : {"Rank", "Streets", "100 m square", "Ward", "Incidents", "Months with one"}) el(head, "th", {}, h);
  html::newline(table);
  std::size_t listed = 0;
  for (std::size_t r = 0; r < repeats.rows.size() && listed < kReportedRepeatLocations; ++r) {
    if (published_text(repeats, r, "theme") != theme.id) continue;
    ++listed;
    const Node tr = el(table, "tr");
    el(tr, "td", {{"class", "n"}}, published_text(repeats, r, "rank"));
    el(tr, "td", {}, published_text(repeats, r, "streets"));
    el(tr, "td", {}, published_text(repeats, r, "square_100m"));
    el(tr, "td", {}, published_text(repeats, r, "ward_name"));
    el(tr, "td", {{"class", "n"}}, published_text(repeats, r, "incidents"));
    el(tr, "td", {{"class", "n"}}, fmt::format("{} of {}", published_text(repeats, r, "months_active"),
                                               published_text(repeats, r, "of_months")));
    html::newline(table);
  }
  if (listed == 0) el(parent, "p", {}, "No place had enough incidents to be published as a repeat location.");
  else html::append_children(parent, rows);
}

}  // namespace

void when_where_pages(pugi::xml_node body, const RunInputs& run, const TimeResult* time, const RepeatResult* repeats) {
  const RunConfig& cfg = run.cfg;
  if (!repeats && !time) return;
  // On 176 mm of page: two themes with their hour grids (about 80 mm each),
  // or six without, two abreast (about 45 mm each).
  const bool grids = time != nullptr;
  const std::size_t per_page = grids ? kWhenWhereWithHours : kWhenWhereWithoutHours;
  std::vector<const Theme*> themes;
  for (const Theme& theme : cfg.taxonomy.themes)
    if (!theme.is_window()) themes.push_back(&theme);  // a window's hours are a part of its base theme's grid
  for (std::size_t first = 0; first < themes.size(); first += per_page) {
    const Node page = el(body, "section", {{"class", "page when-where-page"}});
    el(page, "h2", {}, first ? "When and where it repeats (continued)" : "When and where it repeats");
    if (!first)
      el(page, "p", {}, fmt::format("{} Repeat locations: the places with the most incidents in the 12 months to {}, "
                                    "each given as the 100 m square it is in, never as a point.",
                                    grids ? "Incidents of the period by weekday and hour of day, shaded by their share "
                                            "of the busiest hour."
                                          : "police.uk data give the month only, so there is no time-of-day grid.",
                                    format_month(cfg.period.last)));
    const Node list = el(page, "div", {{"class", grids ? "when-where-list" : "when-where-grid"}});
    for (std::size_t b = first; b < std::min(themes.size(), first + per_page); ++b) {
      const Node block = el(list, "div", {{"class", "when-where"}});
      el(block, "h3", {}, themes[b]->label);
      if (time) hour_grid(block, time->table, *themes[b]);
      if (repeats) repeat_table(block, repeats->table, *themes[b]);
    }
    html::newline(body);
  }
}

}  // namespace hotspot
