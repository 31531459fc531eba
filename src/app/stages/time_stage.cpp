// When it happens: time_of_day.csv, a day-of-week by hour table per theme,
// and the counts the report quotes. Inputs without times (police.uk) get no
// table; the report says why instead of showing empty ones.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

#include "analysis/disclosure.hpp"
#include "analysis/time_profile.hpp"
#include "app/disclosure/refusal.hpp"
#include "app/disclosure/time_disclosure.hpp"
#include "app/stages/stages.hpp"
#include "app/tables/time_table.hpp"
#include "core/time_window.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"

namespace hotspot {
std::optional<TimeResult> compute_time(const RunInputs& run, const WardResult& wards) {
  const RunConfig& cfg = run.cfg;
  if (!cfg.inputs_have_times) return std::nullopt;
  const auto& themes = cfg.taxonomy.themes;
  TimeResult r;
  r.profiles.assign(themes.size(), TimeProfile{});
  for (std::size_t i = 0; i < themes.size(); ++i) r.profiles[i] = time_profile(run.period_incidents(i));
  // Disclosure: the themes' hours together, linked to the ward table's period counts.
  std::vector<const Incident*> period;
  for (const Incident& inc : run.ingest.incidents)
    if (cfg.period.contains(inc.month)) period.push_back(&inc);
  std::vector<bool> table_theme(themes.size());
  const std::vector<bool> no_data = no_data_themes(run.availability);
  PeriodWardCells published{run.wards.wards.size(), {}};
  for (std::size_t t = 0; t < themes.size(); ++t) {
    table_theme[t] = !themes[t].is_window();
    published.cells.push_back(t < no_data.size() && no_data[t] ? std::vector<Withheld>{} : wards.disclosure.cells[t][kCurrent]);
  }
  const TimeDisclosure withheld = time_disclosure(themes, period, table_theme, published);
  if (!withheld.unprotected.empty()) throw disclosure_refusal("time_of_day.csv", withheld.unprotected);
  r.table = time_of_day_table(themes, r.profiles, withheld);
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
