// Repeat locations per theme over the 12 months ending with the period:
// repeat_locations.csv. A location is published as the 100 m square it is in
// (its OS grid reference) and its ward, never as a point, and only with at
// least max(2, min_count) incidents, so no location of a suppressed count
// appears and none is placed closer than its square.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

#include "analysis/repeat_locations.hpp"
#include "app/stages.hpp"
#include "geo/grid_reference.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"

namespace hotspot {
namespace {

constexpr double kSnapMetres = 10;     // records geocoded within ~10 m are one place
constexpr int kLookbackMonths = 12;    // ending with the period's last month
constexpr std::size_t kTopPerTheme = 10;

}  // namespace

void repeat_stage(RunContext& run, std::ostream& out) {
  const RunConfig& cfg = run.cfg;
  run.timer.start("repeat_locations");
  const Period lookback{cfg.period.last - kLookbackMonths + 1, cfg.period.last, ""};
  Table t;
  t.add_column("theme", CellType::Text);
  t.add_column("rank", CellType::Integer);
  t.add_column("incidents", CellType::Integer);
  t.add_column("months_active", CellType::Integer);
  t.add_column("of_months", CellType::Integer);
  t.add_column("square_100m", CellType::Text);
  t.add_column("ward_code", CellType::Text);
  t.add_column("ward_name", CellType::Text);
  std::size_t listed = 0;
  for (std::size_t i = 0; i < cfg.taxonomy.themes.size(); ++i) {
    const Theme& theme = cfg.taxonomy.themes[i];
    if (theme.is_window()) continue;  // its places are its base theme's
    const long least = std::max(2, theme.min_count);
    int rank = 0;
    for (const RepeatLocation& loc : repeat_locations(run.incidents_in(i, lookback), kSnapMetres, least, kTopPerTheme)) {
      const bool in_ward = loc.ward < run.wards.wards.size();
      t.rows.push_back({Cell::text(theme.id), Cell::integer(++rank), Cell::integer(loc.incidents),
                        Cell::integer(loc.months_active), Cell::integer(kLookbackMonths),
                        Cell::text(grid_reference_100m(loc.x, loc.y, cfg.crs)),
                        Cell::text(in_ward ? run.wards.wards[loc.ward].code : ""),
                        Cell::text(in_ward ? run.wards.wards[loc.ward].name : "")});
      ++listed;
    }
  }
  write_file_atomically(run.output_path("repeat_locations.csv"), to_csv(t));
  run.record_output("repeat_locations.csv");
  run.repeat_table = std::move(t);
  run.timer.stop();
  fmt::print(out, "  repeat locations: {} over {}..{}\n", listed, format_month(lookback.first),
             format_month(lookback.last));
}

}  // namespace hotspot
