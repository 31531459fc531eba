// The roadshow forward plan: dated events, each given a theme and a venue by
// analysis/forward_plan.hpp, weighted towards themes rising significantly on
// their baseline and themes with persistent hotspots; written as a CSV and an
// iCalendar file partners can import.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ostream>

#include "analysis/forward_plan.hpp"
#include "analysis/venue_programme.hpp"
#include "app/disclosure/theme_protection.hpp"
#include "app/tables/forward_plan_table.hpp"
#include "app/stages/stages.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/icalendar_writer.hpp"

namespace hotspot {
namespace {

namespace chr = std::chrono;

chr::year_month_day parse_day(const std::string& d) {
  return chr::year_month_day(chr::year(std::stoi(d.substr(0, 4))), chr::month(static_cast<unsigned>(std::stoi(d.substr(5, 2)))),
                             chr::day(static_cast<unsigned>(std::stoi(d.substr(8, 2)))));
}

std::string day_text(const chr::year_month_day& d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

// The events' dates: as listed, or the week-th weekday of each month after the period.
std::vector<chr::year_month_day> event_dates(const RunConfig& cfg) {
  const ForwardPlanConfig& f = cfg.forward_plan;
  std::vector<chr::year_month_day> out;
  for (const std::string& d : f.dates) out.push_back(parse_day(d));
  const unsigned wd = static_cast<unsigned>(f.weekday);  // ISO numbering, as std::chrono::weekday reads it
  for (int k = 1; k <= f.months; ++k) {
    const Month m = cfg.period.last + k;
    const chr::year_month ym(chr::year(m / 12), chr::month(static_cast<unsigned>(m % 12 + 1)));
    const chr::year_month_weekday nth(ym.year(), ym.month(), chr::weekday(wd)[static_cast<unsigned>(f.week)]);
    out.push_back(chr::year_month_day(chr::sys_days(nth)));
  }
  return out;
}

// "YYYYMMDDTHHMMSS" for a date, a start time and an offset in hours.
std::string ical_time(const chr::year_month_day& d, const std::string& start, double plus_hours) {
  const int minutes = std::stoi(start.substr(0, 2)) * 60 + std::stoi(start.substr(3, 2)) +
                      static_cast<int>(std::lround(plus_hours * 60));
  const chr::sys_days day = chr::sys_days(d) + chr::days(minutes / 1440);
  const chr::year_month_day ymd(day);
  return fmt::format("{:04d}{:02d}{:02d}T{:02d}{:02d}00", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()), minutes % 1440 / 60, minutes % 60);
}

// What the published ward table says about the theme's area total: a
// significant rise on the baseline (never read from a withheld cell).
bool rising_significantly(const WardResult* wards, const Theme& theme) {
  if (!wards || theme.rise_is_good) return false;
  const Table& w = wards->summary;
  const std::vector<Cell>& all = w.rows.back();
  const Cell& direction = all[w.column_index(theme.id + "_direction")];
  const Cell& significant = all[w.column_index(theme.id + "_significant")];
  return direction.kind == Cell::Kind::Text && direction.s == "rise" && significant.kind == Cell::Kind::Bool &&
         significant.i == 1;
}

bool persistent_hotspots(const KdeResult* kde, std::size_t t) {
  if (!kde) return false;
  const std::vector<HotspotShape>& hotspots = kde->themes[t].hotspots;
  return std::any_of(hotspots.begin(), hotspots.end(), [](const HotspotShape& h) {
    return h.space_time &&
           (h.space_time->cls == EmergingClass::PersistentHot || h.space_time->cls == EmergingClass::IntensifyingHot);
  });
}

}  // namespace

std::optional<ForwardPlanResult> compute_forward_plan(const RunInputs& run, const WardResult* wards,
                                                      const KdeResult* kde, Diagnostics& diag) {
  const RunConfig& cfg = run.cfg;
  const ForwardPlanConfig& f = cfg.forward_plan;
  const ProgrammeConfig& p = cfg.programme;
  if (run.venues.empty()) {
    diag.warn("forward_plan: no candidate venue was accepted, so no events were planned");
    return std::nullopt;
  }
  const std::vector<chr::year_month_day> dates = event_dates(cfg);
  const auto& themes = cfg.taxonomy.themes;

  // Themes in play, their weights and why.
  ForwardPlanInput in;
  in.events = dates.size();
  in.cost_per_event = f.cost_per_event;
  in.min_gain = f.min_reach;
  in.budget = f.budget;
  std::vector<std::string> why(themes.size());
  for (std::size_t t = 0; t < themes.size(); ++t) {
    const bool wanted = (f.themes.empty() && !themes[t].is_window()) || std::find(f.themes.begin(), f.themes.end(), themes[t].id) != f.themes.end();
    const bool has_data = t >= run.availability.themes.size() || run.availability.themes[t].possible;
    double weight = wanted && has_data ? 1.0 : 0.0;
    std::vector<std::string> reasons;
    if (weight > 0 && rising_significantly(wards, themes[t])) {
      weight *= f.rising_weight;
      reasons.push_back("rising significantly on its 12-month baseline");
    }
    if (weight > 0 && persistent_hotspots(kde, t)) {
      weight *= f.persistent_weight;
      reasons.push_back("persistent or intensifying hotspots");
    }
    why[t] = fmt::format("{}", fmt::join(reasons, ", "));
    in.theme_weight.push_back(weight);
  }
  // Each theme's incidents of the programme's look-back, and what each venue reaches of them.
  std::vector<VenueCandidate> candidates;
  for (const Venue& v : run.venues) {
    candidates.push_back({v.x, v.y, v.ward, false});
    in.venue_ward.push_back(v.ward);
  }
  const Month first = cfg.period.last - p.lookback_months + 1;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    std::vector<MassPoint> mass;
    for (const Incident& inc : run.ingest.incidents)
      if ((inc.themes & (ThemeMask{1} << t)) && inc.month >= first && inc.month <= cfg.period.last)
        mass.push_back({inc.x, inc.y, inc.weight, false});
    in.catchment.push_back(catchments(mass, candidates, p.radius));
    std::vector<double> m;
    for (const MassPoint& x : mass) m.push_back(x.mass);
    in.mass.push_back(std::move(m));
  }
  const std::vector<PlannedEvent> plan = plan_events(in);
  const std::vector<ThemeProtection> protection = theme_protection(cfg);

  ForwardPlanResult r;
  r.events = plan.size();
  r.dates = dates.size();
  std::vector<ForwardPlanRow> rows;
  std::vector<CalendarEvent> calendar;
  for (const PlannedEvent& e : plan) {
    const Theme& theme = themes[e.theme];
    const Venue& v = run.venues[e.venue];
    const bool in_ward = v.ward < run.wards.wards.size();
    const std::string ward_code = in_ward ? run.wards.wards[v.ward].code : "", ward_name = in_ward ? run.wards.wards[v.ward].name : cfg.area_name;
    // Disclosure: an event's count is the theme's incidents in the venue's
    // catchment that no earlier event of the theme reached; for a theme's first
    // event that is the venue's reach in the theme's plan (venues_<theme>), which
    // beside the other themes' reaches there is a linked table. A theme holding
    // a protected theme's incidents by its rules (theme_protection: VAWG
    // itself, violence) could give them back that way, so its counts are not
    // quoted at all, and no count of any other theme can be withheld (no
    // minimum): quoted as it is.
    const long reached = std::lround(e.gain);
    const bool show = !protection[e.theme].any();
    const std::string reach_text =
        show ? fmt::format("reaches {} of its incidents of the last {} months within {:.0f} m ({:.0f}% of them) not "
                           "reached by an earlier event", reached, p.lookback_months, p.radius, e.share * 100)
             : fmt::format("reaches the most of its incidents of the last {} months within {:.0f} m not reached by an "
                           "earlier event", p.lookback_months, p.radius);
    const std::string reason = fmt::format("{}{}{}; {} {}, in a ward no earlier event uses", theme.label,
                                           why[e.theme].empty() ? "" : ": ", why[e.theme], v.name.empty() ? v.id : v.name,
                                           reach_text);
    const std::string date = day_text(dates[e.slot]);
    const std::string start = ical_time(dates[e.slot], f.start, 0), end = ical_time(dates[e.slot], f.start, f.hours);
    rows.push_back({e.slot + 1, date, start, end, &theme, &v, ward_code, ward_name, reason});
    calendar.push_back({fmt::format("{}-{}-{}@hotspot", date, theme.id, v.id), start, end,
                        fmt::format("Community roadshow: {}", theme.label),
                        fmt::format("{}, {}", v.name.empty() ? v.id : v.name, ward_name), reason});
  }
  if (plan.size() < dates.size())
    diag.warn(fmt::format("forward_plan: {} of {} dates got an event: {}", plan.size(), dates.size(),
                          f.budget > 0 && static_cast<double>(plan.size() + 1) * f.cost_per_event > f.budget
                              ? "the budget is spent"
                              : fmt::format("no venue in an unused ward newly reaches {:g} incidents of a theme in "
                                            "play (forward_plan.min_reach)", f.min_reach)));
  r.table = forward_plan_table(rows);
  // DTSTAMP: the first day after the period (the run's production date), so reruns are identical.
  const Month next = cfg.period.last + 1;
  r.calendar = to_icalendar(calendar, "-//hotspot//forward plan//EN",
                            fmt::format("{:04d}{:02d}01T000000Z", next / 12, next % 12 + 1));
  return r;
}

void publish_forward_plan(RunContext& run, const ForwardPlanResult& r, std::ostream& out) {
  write_file_atomically(run.output_path("forward_plan.csv"), to_csv(r.table));
  run.record_output("forward_plan.csv");
  write_file_atomically(run.output_path("forward_plan.ics"), r.calendar);
  run.record_output("forward_plan.ics");
  fmt::print(out, "  forward plan: {} events of {} dates\n", r.events, r.dates);
  const ForwardPlanConfig fc = run.cfg.forward_plan;
  const std::size_t planned = r.events, slots = r.dates;
  run.stages.push_back({"forward_plan", [fc, planned, slots](JsonWriter& j) {
    j.value("dates", static_cast<std::uint64_t>(slots)).value("events", static_cast<std::uint64_t>(planned))
        .value("budget", fc.budget).value("cost_per_event", fc.cost_per_event)
        .value("rising_weight", fc.rising_weight).value("persistent_weight", fc.persistent_weight)
        .value("rule", "greedy per date: the theme and venue with the largest weight x share of the theme's "
                       "look-back incidents newly reached; each ward once; stops at the budget");
  }});
}

}  // namespace hotspot
