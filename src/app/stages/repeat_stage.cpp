// Repeat locations per theme over the 12 months ending with the period:
// repeat_locations.csv. A location is published as the 100 m square it is in
// (its OS grid reference) and its ward, never as a point. A location whose
// count disclosure control withholds (analysis/disclosure's primary rule) is
// left out of the list altogether, since its row would place a suppressed
// count; how many were left out is recorded in the disclosure ledger.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

#include "analysis/repeat_locations.hpp"
#include "analysis/disclosure.hpp"
#include "app/stages/stages.hpp"
#include "app/tables/repeat_table.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"

namespace hotspot {
namespace {

constexpr double kSnapMetres = 10;     // records geocoded within ~10 m are one place
constexpr int kLookbackMonths = 12;    // ending with the period's last month
constexpr std::size_t kTopPerTheme = 10;

}  // namespace

RepeatResult compute_repeats(const RunInputs& run) {
  const RunConfig& cfg = run.cfg;
  RepeatResult r;
  r.lookback = Period{cfg.period.last - kLookbackMonths + 1, cfg.period.last, ""};
  std::vector<RepeatRow> rows;
  for (std::size_t i = 0; i < cfg.taxonomy.themes.size(); ++i) {
    const Theme& theme = cfg.taxonomy.themes[i];
    if (theme.is_window()) continue;  // its places are its base theme's
    // The list as it would be without disclosure control; the busiest come
    // first, so the withheld (small) ones are at its end.
    DisclosureTally withheld;
    int rank = 0;
    for (const RepeatLocation& loc : repeat_locations(run.incidents_in(i, r.lookback), kSnapMetres, 2, kTopPerTheme)) {
      if (primary_suppressed(static_cast<std::uint64_t>(loc.incidents), theme.min_count)) ++withheld.primary;
      else rows.push_back({.theme = &theme, .rank = ++rank, .loc = loc});
    }
    if (withheld.primary) r.withheld[theme.id] = withheld;
  }
  r.table = repeat_locations_table(rows, run.wards.wards, run.cfg.crs, kLookbackMonths);
  return r;
}

void publish_repeats(RunContext& run, const RepeatResult& r, std::ostream& out) {
  for (const auto& [theme, withheld] : r.withheld) run.disclosure[theme]["repeat_locations.csv"] = withheld;
  write_file_atomically(run.output_path("repeat_locations.csv"), to_csv(r.table));
  run.record_output("repeat_locations.csv");
  fmt::print(out, "  repeat locations: {} over {}..{}\n", r.table.rows.size(), format_month(r.lookback.first),
             format_month(r.lookback.last));
}

}  // namespace hotspot
