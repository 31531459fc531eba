// A venue plan's choice: the greedy programme over its mass, and why each
// venue was or was not chosen (app/stages/venue_plan.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "app/stages/venue_plan.hpp"
#include "core/error.hpp"

namespace hotspot::venues {
namespace {

std::string ordinal(std::size_t n) {
  const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  return fmt::format("{}{}", n, suffix);
}

}  // namespace

NearestHotspot::NearestHotspot(const RunInputs& run, const KdeResult* kde)
    : run_(run), prepared_(run.cfg.taxonomy.themes.size()) {
  for (std::size_t t = 0; kde && t < prepared_.size(); ++t)
    for (const HotspotShape& h : kde->themes[t].hotspots) prepared_[t].push_back(prepare(run.geos, h.geom.get()));
}

std::optional<double> NearestHotspot::metres(std::size_t t, double x, double y) const {
  if (prepared_[t].empty()) return std::nullopt;
  GeomPtr pt = own(run_.geos, GEOSGeom_createPointFromXY_r(run_.geos.get(), x, y), "point");
  double best = HUGE_VAL;
  for (const PreparedPtr& h : prepared_[t]) {
    double d = 0;
    if (!GEOSPreparedDistance_r(run_.geos.get(), h.get(), pt.get(), &d))  // 0 = error
      throw internal_error("geos", "distance to a hotspot failed: " + run_.geos.last_error());
    best = std::min(best, d);
  }
  return best;
}

PlanResult choose_programme(const RunInputs& run, const KdeResult* kde, const Plan& plan, const HotspotIndex& hotspots,
                            Diagnostics& diag) {
  const ProgrammeConfig& p = run.cfg.programme;
  std::vector<std::uint32_t> incident_elements;
  const std::vector<MassPoint> mass = mass_points(run, kde, plan, hotspots, incident_elements);
  PlanResult r{.run = run, .plan = plan, .candidates = eligible_candidates(run, diag),
               .by_incidents = p.measure == VenueMeasure::Incidents};
  for (const MassPoint& m : mass) {
    r.total += m.mass;
    if (m.in_hotspot) r.hotspot_total += m.mass;
  }
  const auto catchment = catchments(mass, r.candidates.list, p.radius);
  r.prog = greedy_programme(mass, r.candidates.list, catchment, ProgrammeParams{p.k, p.min_spacing, p.one_per_ward});
  for (const std::string& note : r.prog.notes) diag.warn("venues " + plan.id + ": " + note);
  r.reach = plan_reach(mass, incident_elements, catchment, r.prog);
  return r;
}

std::string venue_reason(const PlanResult& r, std::size_t v, const std::optional<double>& near) {
  const ProgrammeConfig& p = r.run.cfg.programme;
  const Venue& venue = r.run.venues[v];
  const Ward& ward = r.run.wards.wards[venue.ward];
  const long c = r.candidates.position[v];
  if (c < 0) return "Not eligible: " + r.candidates.excluded[v];
  const std::size_t k = static_cast<std::size_t>(c);
  const ReachDisclosure withheld = r.withheld();
  const std::string what = r.by_incidents ? fmt::format("in the last {} months", p.lookback_months) : "of KDE surface mass";
  const std::string mass_name = r.hotspot_total > 0 ? r.plan.label + " hotspot mass" : r.plan.label + " incidents";
  const double share = (r.hotspot_total > 0 ? r.reach.hot_reach[k] / r.hotspot_total
                                            : (r.total > 0 ? r.reach.reach[k] / r.total : 0));
  const bool share_withheld = r.hotspot_total > 0 ? withheld.hot(k) : withheld.reach(k);
  const Withheld reach_state = withheld.reach_state(k);
  const std::string count = reach_state != Withheld::No ? withheld_text(reach_state, r.plan.min_count)
                                                        : std::to_string(r.reach.reach_count[k]);
  const std::string reach_text =
      r.by_incidents                       ? fmt::format("{} incidents {} within {:.0f} m", count, what, p.radius)
      : reach_state == Withheld::Primary   ? fmt::format("under {} {} within {:.0f} m", r.plan.min_count, what, p.radius)
      : reach_state != Withheld::No        ? fmt::format("{} {} within {:.0f} m", kConfidential, what, p.radius)
                                           : fmt::format("{:.1f} {} within {:.0f} m", r.reach.reach[k], what, p.radius);
  const std::string share_text = share_withheld ? std::string(kConfidential) : fmt::format("{:.0f}%", share * 100);
  const std::string near_text = near ? fmt::format("; nearest {} hotspot {:.0f} m", r.plan.label, *near) : "";
  // A chosen venue whose share rounds to nothing says so in words, not "reaches 0%".
  const bool none = !share_withheld && share * 100 < 0.5;
  if (r.reach.chosen_order[k] && none)
    return fmt::format("Selected {}{}: reaches {} ({}){}; ward: {}", ordinal(static_cast<std::size_t>(r.reach.chosen_order[k])),
                       r.candidates.list[k].must_include ? " (must include)" : "",
                       r.hotspot_total > 0 && r.reach.hot_reach[k] <= 0
                           ? fmt::format("no {} hotspot; it is chosen for the incidents around it", r.plan.label)
                           : fmt::format("under 0.5% of {}", mass_name),
                       reach_text, near_text, ward.name);
  if (r.reach.chosen_order[k])
    return fmt::format("Selected {}{}: reaches {} of {} ({}){}; ward: {}", ordinal(static_cast<std::size_t>(r.reach.chosen_order[k])),
                       r.candidates.list[k].must_include ? " (must include)" : "", share_text, mass_name, reach_text,
                       near_text, ward.name);
  std::string why;
  for (std::size_t s : r.prog.chosen) {
    const double dx = r.candidates.list[s].x - venue.x, dy = r.candidates.list[s].y - venue.y;
    if (std::sqrt(dx * dx + dy * dy) < p.min_spacing) {
      why = fmt::format("; within {:.0f} m of chosen venue {}", p.min_spacing, r.run.venues[r.candidates.eligible[s]].name);
      break;
    }
    if (p.one_per_ward && r.candidates.list[s].ward == venue.ward) {
      why = fmt::format("; {} already has a chosen venue", ward.name);
      break;
    }
  }
  if (why.empty()) why = "; adds less uncovered mass than the chosen venues";
  if (withheld.reach(k))  // its rank would bound a withheld reach
    return fmt::format("Not selected: reach withheld ({}){}", reach_text, why);
  return fmt::format("Not selected: ranked {} of {} by reach among the venues whose reach is published ({}){}",
                     ordinal(static_cast<std::size_t>(withheld.published_rank(k))), withheld.published_count(),
                     reach_text, why);
}

}  // namespace hotspot::venues
