// When it happens: time_of_day.csv, a day-of-week by hour table per theme,
// and the counts the report quotes. Inputs without times (police.uk) get no
// table; the report says why instead of showing empty ones.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

#include "analysis/disclosure.hpp"
#include "analysis/time_profile.hpp"
#include "app/stages/stages.hpp"
#include "app/tables/time_table.hpp"
#include "core/time_window.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"

namespace hotspot {
std::optional<TimeResult> compute_time(const RunInputs& run) {
  const RunConfig& cfg = run.cfg;
  if (!cfg.inputs_have_times) return std::nullopt;
  TimeResult r;
  r.profiles.assign(cfg.taxonomy.themes.size(), TimeProfile{});
  for (std::size_t i = 0; i < cfg.taxonomy.themes.size(); ++i) r.profiles[i] = time_profile(run.period_incidents(i));
  r.table = time_of_day_table(cfg.taxonomy.themes, r.profiles);
  return r;
}

void publish_time(RunContext& run, const TimeResult& r, std::ostream& out) {
  const Table& t = r.table;
  tally_time_of_day(t, run.cfg.taxonomy.themes, run.disclosure);
  write_file_atomically(run.output_path("time_of_day.csv"), to_csv(t));
  run.record_output("time_of_day.csv");
  fmt::print(out, "  time of day: {} themes by weekday and hour\n", t.rows.size() / 8);
}

}  // namespace hotspot
