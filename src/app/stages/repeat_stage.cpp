// Repeat locations and hot streets per theme over the 12 months ending with
// the period.
//  - repeat_locations.csv: the places incidents came back to, summed by the
//    100 m square they are in, each square once, named by the streets of its
//    places and its OS grid reference and ward, never as a point. A place whose
//    count disclosure control withholds (analysis/disclosure's primary rule)
//    is left out before the squares are summed, since its row would place a
//    suppressed count; how many were left out is recorded in the ledger.
//  - hot_streets.csv: the streets and places ranked by incidents, ArcGIS
//    80-20 style (app/tables/hot_streets_table.hpp); 100 m squares when the
//    inputs have no street column.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "analysis/repeat_locations.hpp"
#include "analysis/disclosure.hpp"
#include "app/stages/stages.hpp"
#include "app/tables/hot_streets_table.hpp"
#include "app/tables/repeat_table.hpp"
#include "geo/grid_reference.hpp"
#include "app/disclosure/ledger.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"

namespace hotspot {
namespace {

constexpr double kSnapMetres = 10;     // records geocoded within ~10 m are one place
constexpr int kLookbackMonths = 12;    // ending with the period's last month
constexpr std::size_t kTopPerTheme = 10;
constexpr double kHotStreetsShare = 0.8;  // list hot streets until they hold this share (the 80-20 point)
constexpr std::size_t kHotStreetsMost = 100;

// One theme's repeat places summed by 100 m square, the busiest squares first.
std::vector<RepeatSquare> repeat_squares(const RunInputs& run, const std::vector<RepeatLocation>& places) {
  struct Sum {
    RepeatSquare sq;
    std::vector<Month> months;
    std::vector<std::pair<long, std::uint32_t>> streets;  // incidents, name: the places' streets
    std::size_t first = 0;                                // its busiest place's rank
  };
  std::map<std::string, Sum> squares;
  for (std::size_t i = 0; i < places.size(); ++i) {
    const RepeatLocation& loc = places[i];
    const std::string square = grid_reference_100m(loc.x, loc.y, run.cfg.crs);
    auto [it, fresh] = squares.try_emplace(square);
    Sum& s = it->second;
    if (fresh) {
      s.sq.square = square;
      s.sq.ward = loc.ward;
      s.first = i;
    }
    s.sq.incidents += loc.incidents;
    ++s.sq.places;
    s.months.insert(s.months.end(), loc.months.begin(), loc.months.end());
    if (loc.street != kNoStreet) s.streets.emplace_back(loc.incidents, loc.street);
  }
  std::vector<Sum*> order;
  for (auto& [square, s] : squares) {
    std::sort(s.months.begin(), s.months.end());
    s.sq.months_active = static_cast<int>(std::unique(s.months.begin(), s.months.end()) - s.months.begin());
    // Its places' streets, busiest first (their order in `places` breaks ties), each name once.
    std::vector<std::string> names;
    for (const auto& [n, street] : s.streets) {
      const std::string& name = run.ingest.streets.name(street);
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    s.sq.streets = fmt::format("{}", fmt::join(names, "; "));
    order.push_back(&s);
  }
  std::sort(order.begin(), order.end(), [](const Sum* a, const Sum* b) {
    return std::make_tuple(-a->sq.incidents, -a->sq.months_active, a->first) <
           std::make_tuple(-b->sq.incidents, -b->sq.months_active, b->first);
  });
  std::vector<RepeatSquare> out;
  for (const Sum* s : order) out.push_back(s->sq);
  return out;
}

// One theme's hot streets: places (or 100 m squares without streets) by
// incidents, until the list holds kHotStreetsShare of them. A place whose
// count disclosure control withholds is left out, as a repeat location is, and
// counted in `withheld`; the list is by count, so the rest are as small and the
// list ends there.
std::vector<HotStreetRow> hot_streets(const RunInputs& run, const Theme& theme,
                                      const std::vector<const Incident*>& incidents, DisclosureTally& withheld) {
  const RunStreets& streets = run.streets;
  const bool by_street = streets.has_column;
  std::map<std::string, std::pair<long, std::map<std::uint32_t, long>>> counts;  // label -> incidents, by ward
  std::size_t places = 0;
  if (by_street) {
    places = streets.labels.size();
    for (const Incident* inc : incidents) {
      const std::uint32_t p = streets.place_of(inc, run.ingest.incidents);
      if (p == kNoPlace) continue;
      auto& c = counts[streets.labels[p]];
      ++c.first;
      ++c.second[streets.places.places[p].ward];
    }
  } else {
    std::map<std::string, int> every;  // every square with an incident of any theme in the data
    for (const Incident& inc : run.ingest.incidents)
      every.try_emplace(grid_reference_100m(std::floor(inc.x / 100) * 100 + 50, std::floor(inc.y / 100) * 100 + 50,
                                            run.cfg.crs));
    places = every.size();
    for (const Incident* inc : incidents) {
      auto& c = counts[grid_reference_100m(std::floor(inc->x / 100) * 100 + 50, std::floor(inc->y / 100) * 100 + 50,
                                           run.cfg.crs)];
      ++c.first;
      ++c.second[inc->ward];
    }
  }
  std::vector<std::pair<long, std::string>> ranked;
  for (const auto& [label, c] : counts) ranked.emplace_back(-c.first, label);
  std::sort(ranked.begin(), ranked.end());  // most incidents first; equal counts by name
  const long total = static_cast<long>(incidents.size());
  std::vector<HotStreetRow> rows;
  long cumulative = 0;
  for (const auto& [minus, label] : ranked) {
    if (rows.size() + withheld.primary == kHotStreetsMost ||
        (total > 0 && cumulative >= kHotStreetsShare * static_cast<double>(total)))
      break;
    if (primary_suppressed(static_cast<std::uint64_t>(-minus), theme.min_count)) {
      ++withheld.primary;
      cumulative -= minus;  // still counted towards the 80%, so the list ends where it would have
      continue;
    }
    HotStreetRow r;
    r.theme = &theme;
    r.rank = static_cast<int>(rows.size() + 1);
    r.place = label;
    r.incidents = -minus;
    cumulative += r.incidents;
    r.cumulative = cumulative;  // published rows come before any withheld one: nothing withheld is in it
    r.total = total;
    r.places = places;
    long most = 0;
    for (const auto& [ward, n] : counts[label].second)
      if (n > most) r.ward = ward, most = n;
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

RepeatResult compute_repeats(const RunInputs& run) {
  const RunConfig& cfg = run.cfg;
  RepeatResult r;
  r.lookback = Period{cfg.period.last - kLookbackMonths + 1, cfg.period.last, ""};
  r.by_street = run.streets.has_column;
  std::vector<RepeatRow> rows;
  for (std::size_t i = 0; i < cfg.taxonomy.themes.size(); ++i) {
    const Theme& theme = cfg.taxonomy.themes[i];
    if (theme.is_window()) continue;  // its places are its base theme's
    const std::vector<const Incident*> incidents = run.incidents_in(i, r.lookback);
    // Every repeat place, the busiest first; those disclosure control withholds are left out before summing.
    DisclosureTally withheld;
    std::vector<RepeatLocation> places;
    for (RepeatLocation& loc : repeat_locations(incidents, kSnapMetres, 2, SIZE_MAX)) {
      if (primary_suppressed(static_cast<std::uint64_t>(loc.incidents), theme.min_count)) ++withheld.primary;
      else places.push_back(std::move(loc));
    }
    if (withheld.primary) r.withheld[theme.id] = withheld;
    int rank = 0;
    for (RepeatSquare& sq : repeat_squares(run, places)) {
      if (static_cast<std::size_t>(rank) == kTopPerTheme) break;
      rows.push_back({.theme = &theme, .rank = ++rank, .sq = std::move(sq)});
    }
    DisclosureTally streets_withheld;
    const std::vector<HotStreetRow> street_rows = hot_streets(run, theme, incidents, streets_withheld);
    if (streets_withheld.primary) r.hot_streets_withheld[theme.id] = streets_withheld;
    const Table streets = hot_streets_table(theme, street_rows, run.wards.wards,
                                            r.by_street ? "street or place" : "100 m square (the inputs have no street column)",
                                            format_month(r.lookback.first) + ".." + format_month(r.lookback.last));
    if (r.hot_streets.columns.empty()) r.hot_streets = streets;
    else r.hot_streets.rows.insert(r.hot_streets.rows.end(), streets.rows.begin(), streets.rows.end());
  }
  r.table = repeat_locations_table(rows, run.wards.wards, kLookbackMonths);
  return r;
}

void publish_repeats(RunContext& run, const RepeatResult& r, std::ostream& out) {
  for (const auto& [theme, withheld] : r.withheld) run.disclosure[theme]["repeat_locations.csv"] = withheld;
  write_file_atomically(run.output_path("repeat_locations.csv"), to_csv(r.table));
  run.record_output("repeat_locations.csv");
  for (std::size_t t = 0; t < run.cfg.taxonomy.themes.size(); ++t) {
    const std::string& id = run.cfg.taxonomy.themes[t].id;
    if (const auto left_out = r.hot_streets_withheld.find(id); left_out != r.hot_streets_withheld.end())
      run.disclosure[id]["hot_streets.csv"] = left_out->second;
    Table theme_rows = r.hot_streets;
    std::erase_if(theme_rows.rows, [&](const std::vector<Cell>& row) { return row[0].s != id; });
    if (!theme_rows.rows.empty()) tally_table(theme_rows, id, "hot_streets.csv", run.disclosure);
  }
  write_file_atomically(run.output_path("hot_streets.csv"), to_csv(r.hot_streets));
  run.record_output("hot_streets.csv");
  fmt::print(out, "  repeat locations: {} over {}..{}; hot streets: {} rows{}\n", r.table.rows.size(),
             format_month(r.lookback.first), format_month(r.lookback.last), r.hot_streets.rows.size(),
             r.by_street ? "" : " (100 m squares: the inputs have no street column)");
}

}  // namespace hotspot
