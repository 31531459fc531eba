#include "app/report/time_note.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/time_profile.hpp"
#include "core/time_window.hpp"
#include "io/html_tree.hpp"

namespace hotspot {

void time_note(pugi::xml_node parent, const RunInputs& run, const TimeResult* time) {
  const RunConfig& cfg = run.cfg;
  const auto note = [&parent](const std::string& rest) {
    const pugi::xml_node p = html::el(parent, "p", {{"class", "time"}});
    html::el(p, "b", {}, "When:");
    html::text(p, rest);
    html::newline(parent);
  };
  if (!cfg.inputs_have_times)
    return note(" police.uk street-level data give the month only, not the day or the time, so this pack has no "
                "time-of-day table and no time windows.");
  if (!time) return;
  std::vector<std::string> busiest;
  for (std::size_t i = 0; i < cfg.taxonomy.themes.size(); ++i) {
    const Theme& theme = cfg.taxonomy.themes[i];
    const TimeProfile& p = time->profiles[i];
    if (theme.is_window() || theme.min_count > 1 || p.timed == 0) continue;  // suppressed hours are not quoted
    const auto top = std::max_element(p.cells.begin(), p.cells.end()) - p.cells.begin();
    busiest.push_back(fmt::format("{} {} {:02}:00", theme.label, weekday_name(static_cast<int>(top / 24)), top % 24));
  }
  std::uint64_t unknown = 0, all = 0;
  for (const Incident& inc : run.ingest.incidents)
    if (cfg.period.contains(inc.month)) ++all, unknown += inc.minute < 0;
  std::vector<std::string> windows;
  for (const TimeWindow& w : cfg.windows) windows.push_back(fmt::format("{} ({})", w.label, w.describe()));
  note(fmt::format(" busiest hour {}. {} of {} incidents had no time (empty or 00:00) and are left out of the hour "
                   "table (time_of_day.csv).{}",
                   busiest.empty() ? "not shown (suppressed themes)" : fmt::format("{}", fmt::join(busiest, "; ")),
                   unknown, all,
                   windows.empty() ? "" : fmt::format(" Time windows, each a theme page of its own: {}.",
                                                      fmt::join(windows, "; "))));
}

}  // namespace hotspot
