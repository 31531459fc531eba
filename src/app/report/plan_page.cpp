#include "app/report/plan_page.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/tables/published_cells.hpp"
#include "io/html_tree.hpp"

namespace hotspot {
namespace {

// Events a printed page holds: each reason takes two or three lines at 7.5 pt.
constexpr std::size_t kEventsPerPage = 12;

}  // namespace

void plan_pages(pugi::xml_node body, const RunInputs& run, const ForwardPlanResult& plan) {
  const Table& t = plan.table;
  const std::size_t pages = std::max<std::size_t>(1, (t.rows.size() + kEventsPerPage - 1) / kEventsPerPage);
  for (std::size_t page = 0; page < pages; ++page) {
    const pugi::xml_node section = html::el(body, "section", {{"class", "page roadshow-plan"}});
    html::el(section, "h2", {}, "Roadshow plan" + (pages > 1 ? fmt::format(" ({} of {})", page + 1, pages) : ""));
    html::el(section, "p", {},
             fmt::format("{} dated event{} on {} date{} {} (forward_plan.csv, and forward_plan.ics for calendars). "
                         "Each goes where it reaches the most of a theme's recent incidents that no earlier event "
                         "reached.",
                         plan.events, plan.events == 1 ? "" : "s", plan.dates, plan.dates == 1 ? "" : "s",
                         run.cfg.forward_plan.months > 0
                             ? fmt::format("in the {} months after the period", run.cfg.forward_plan.months)
                             : std::string("set in the configuration")));
    if (t.rows.empty()) {
      html::el(section, "p", {}, "No date got an event (the run's warnings say why).");
      break;
    }
    const pugi::xml_node table = html::el(section, "table", {{"class", "forward-plan"}});
    const pugi::xml_node head = html::el(table, "tr");
    for (const char* h : {"Date", "Time", "Theme", "Venue", "Ward", "Reason"}) html::el(head, "th", {}, h);
    html::newline(table);
    for (std::size_t r = page * kEventsPerPage; r < std::min(t.rows.size(), (page + 1) * kEventsPerPage); ++r) {
      const pugi::xml_node tr = html::el(table, "tr", {{"data-event", published_text(t, r, "event")}});
      html::el(tr, "td", {}, published_text(t, r, "date"));
      html::el(tr, "td", {}, published_text(t, r, "start") + "\u2013" + published_text(t, r, "end"));
      for (const char* column : {"theme_label", "venue_name", "ward_name", "reason"})
        html::el(tr, "td", {}, published_text(t, r, column));
      html::newline(table);
    }
    html::newline(body);
  }
}

}  // namespace hotspot
