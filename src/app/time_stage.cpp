// When it happens: time_of_day.csv, a day-of-week by hour table per theme,
// and the counts the report quotes. Inputs without times (police.uk) get no
// table; the report says why instead of showing empty ones.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

#include "analysis/disclosure.hpp"
#include "analysis/time_profile.hpp"
#include "app/stages.hpp"
#include "app/time_note.hpp"
#include "app/ward_outputs.hpp"
#include "core/time_window.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/html_text.hpp"

namespace hotspot {
namespace {

// One theme's 7 day rows and its unknown-time row. For a theme with min_count
// m > 1, an hour with more than 0 and fewer than m incidents is withheld; when
// that leaves one withheld hour, the next smallest is withheld too, and the
// row totals and the unknown count go with any withheld hour, so no hour comes
// back from the theme's published total.
void add_theme_rows(Table& t, const Theme& theme, const TimeProfile& p) {
  std::array<bool, 7 * 24> hide{};
  std::size_t hidden = 0;
  if (theme.min_count > 1)
    for (std::size_t i = 0; i < hide.size(); ++i)
      if (p.cells[i] > 0 && p.cells[i] < theme.min_count) hide[i] = true, ++hidden;
  if (hidden == 1) {
    std::size_t next = hide.size();
    for (std::size_t i = 0; i < hide.size(); ++i)
      if (!hide[i] && p.cells[i] > 0 && (next == hide.size() || p.cells[i] < p.cells[next])) next = i;
    if (next < hide.size()) hide[next] = true;
  }
  const bool hide_totals = hidden > 0;
  const std::string under = fmt::format("<{}", theme.min_count);
  for (int d = 0; d < 7; ++d) {
    std::vector<Cell> row = {Cell::text(theme.id), Cell::text(std::string(weekday_name(d)))};
    double total = 0;
    for (int h = 0; h < 24; ++h) {
      const std::size_t i = static_cast<std::size_t>(d * 24 + h);
      total += p.cells[i];
      const bool primary = hide[i] && p.cells[i] < theme.min_count;
      row.push_back(hide[i] ? Cell::hidden(primary ? under : kConfidential) : Cell::real(p.cells[i]));
    }
    row.push_back(hide_totals ? Cell::hidden(kConfidential) : Cell::real(total));
    t.rows.push_back(std::move(row));
  }
  std::vector<Cell> unknown = {Cell::text(theme.id), Cell::text("time unknown")};
  for (int h = 0; h < 24; ++h) unknown.push_back(Cell::null());
  const bool hide_unknown = hide_totals || is_suppressed(theme, p.unknown);
  unknown.push_back(hide_unknown ? Cell::hidden(is_suppressed(theme, p.unknown) ? under : kConfidential)
                                 : Cell::real(static_cast<double>(p.unknown)));
  t.rows.push_back(std::move(unknown));
}

}  // namespace

std::optional<TimeResult> compute_time(const RunInputs& run) {
  const RunConfig& cfg = run.cfg;
  if (!cfg.inputs_have_times) return std::nullopt;
  TimeResult r;
  Table& t = r.table;
  t.add_column("theme", CellType::Text);
  t.add_column("day", CellType::Text);
  for (int h = 0; h < 24; ++h) t.add_column(fmt::format("h{:02}", h), CellType::Real, 1);
  t.add_column("total", CellType::Real, 1);
  r.profiles.assign(cfg.taxonomy.themes.size(), TimeProfile{});
  for (std::size_t i = 0; i < cfg.taxonomy.themes.size(); ++i) {
    const Theme& theme = cfg.taxonomy.themes[i];
    r.profiles[i] = time_profile(run.period_incidents(i));
    if (theme.is_window()) continue;  // its hours are a part of its base theme's table
    add_theme_rows(t, theme, r.profiles[i]);
  }
  return r;
}

void publish_time(RunContext& run, const TimeResult& r, std::ostream& out) {
  const RunConfig& cfg = run.cfg;
  const Table& t = r.table;
  std::vector<std::string> counts = {"total"};
  for (int h = 0; h < 24; ++h) counts.push_back(fmt::format("h{:02}", h));
  for (const Theme& theme : cfg.taxonomy.themes) {
    Table mine;
    mine.columns = t.columns;
    for (const auto& row : t.rows)
      if (row[0].s == theme.id) mine.rows.push_back(row);
    tally_table(mine, theme.id, "time_of_day.csv", counts, run.disclosure);
  }
  write_file_atomically(run.output_path("time_of_day.csv"), to_csv(t));
  run.record_output("time_of_day.csv");
  fmt::print(out, "  time of day: {} themes by weekday and hour\n", t.rows.size() / 8);
}

}  // namespace hotspot

namespace hotspot {

std::string time_note_html(const RunInputs& run, const TimeResult* time) {
  const RunConfig& cfg = run.cfg;
  if (!cfg.inputs_have_times)
    return "<p class=\"time\"><b>When:</b> police.uk street-level data give the month only, not the day or the time, "
           "so this pack has no time-of-day table and no time windows.</p>\n";
  if (!time) return {};
  std::vector<std::string> busiest;
  for (std::size_t i = 0; i < cfg.taxonomy.themes.size(); ++i) {
    const Theme& theme = cfg.taxonomy.themes[i];
    const TimeProfile& p = time->profiles[i];
    if (theme.is_window() || theme.min_count > 1 || p.timed == 0) continue;  // suppressed hours are not quoted
    const auto top = std::max_element(p.cells.begin(), p.cells.end()) - p.cells.begin();
    busiest.push_back(fmt::format("{} {} {:02}:00", html_escape(theme.label), weekday_name(static_cast<int>(top / 24)),
                                  top % 24));
  }
  std::uint64_t unknown = 0, all = 0;
  for (const Incident& inc : run.ingest.incidents)
    if (cfg.period.contains(inc.month)) ++all, unknown += inc.minute < 0;
  std::vector<std::string> windows;
  for (const TimeWindow& w : cfg.windows) windows.push_back(fmt::format("{} ({})", html_escape(w.label), w.describe()));
  return fmt::format("<p class=\"time\"><b>When:</b> busiest hour {}. {} of {} incidents had no time (empty or "
                     "00:00) and are left out of the hour table (time_of_day.csv).{}</p>\n",
                     busiest.empty() ? "not shown (suppressed themes)" : fmt::format("{}", fmt::join(busiest, "; ")),
                     unknown, all,
                     windows.empty() ? "" : fmt::format(" Time windows, each a theme page of its own: {}.",
                                                        fmt::join(windows, "; ")));
}

}  // namespace hotspot
