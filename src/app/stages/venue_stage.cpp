// Venue stage: ranks candidate venues by the incident mass they reach and
// chooses a programme per theme (and for a weighted mix of themes).
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <ostream>

#include "analysis/venue_programme.hpp"
#include "analysis/venue_reach.hpp"
#include "app/disclosure/reach_disclosure.hpp"
#include "app/disclosure/refusal.hpp"
#include "app/qgis/layer_styles.hpp"
#include "app/stages/stages.hpp"
#include "app/tables/venue_table.hpp"
#include "app/disclosure/ledger.hpp"
#include "core/error.hpp"
#include "geo/reproject.hpp"
#include "geo/ward_overlap.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {
namespace {

struct Plan {
  std::string id, label;
  std::vector<std::pair<std::size_t, double>> themes;  // theme index, weight
  int min_count = 0;                                   // strictest disclosure minimum among its themes
};

std::string ordinal(std::size_t n) {
  const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  return fmt::format("{}{}", n, suffix);
}

std::vector<Plan> plans(const RunConfig& cfg) {
  std::vector<Plan> out;
  const auto& themes = cfg.taxonomy.themes;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    const auto& wanted = cfg.programme.themes;
    // By default a plan per theme, not per time window (a roadshow is by day, for the whole theme).
    if (wanted.empty() ? themes[t].is_window() : std::find(wanted.begin(), wanted.end(), themes[t].id) == wanted.end())
      continue;
    out.push_back(Plan{themes[t].id, themes[t].label, {{t, 1.0}}, themes[t].min_count});
  }
  if (!cfg.programme.mix.empty()) {
    Plan mix{"mix", "", {}, 0};
    std::vector<std::string> parts;
    for (const auto& [id, w] : cfg.programme.mix) {
      const int t = cfg.taxonomy.theme_index(id);
      mix.themes.emplace_back(static_cast<std::size_t>(t), w);
      mix.min_count = std::max(mix.min_count, themes[static_cast<std::size_t>(t)].min_count);
      parts.push_back(fmt::format("{} x{}", themes[static_cast<std::size_t>(t)].label, w));
    }
    mix.label = fmt::format("mix ({})", fmt::join(parts, ", "));
    out.push_back(std::move(mix));
  }
  return out;
}

// Prepared hotspot polygons of a plan's themes, for "is this incident in a hotspot".
struct HotspotIndex {
  const RunInputs& run;
  std::vector<const HotspotShape*> shapes;
  std::vector<PreparedPtr> prepared;
  std::vector<Bounds> boxes;

  HotspotIndex(const RunInputs& r, const KdeResult* kde, const Plan& plan) : run(r) {
    if (!kde) return;
    for (const auto& [t, w] : plan.themes) {
      for (const HotspotShape& h : kde->themes[t].hotspots) {
        shapes.push_back(&h);
        prepared.push_back(prepare(run.geos, h.geom.get()));
        boxes.push_back(envelope(run.geos, h.geom.get()));
      }
    }
  }
  bool covers(double x, double y) const {
    for (std::size_t i = 0; i < shapes.size(); ++i) {
      if (!boxes[i].contains(x, y)) continue;
      GeomPtr p = own(run.geos, GEOSGeom_createPointFromXY_r(run.geos.get(), x, y), "point");
      if (predicate_result(run.geos, GEOSPreparedCovers_r(run.geos.get(), prepared[i].get(), p.get()), "in hotspot"))
        return true;
    }
    return false;
  }
};

std::vector<MassPoint> mass_points(const RunInputs& run, const KdeResult* kde, const Plan& plan,
                                   const HotspotIndex& hotspots, std::vector<std::uint32_t>& counts_as_incidents) {
  const ProgrammeConfig& p = run.cfg.programme;
  std::vector<MassPoint> mass;
  if (p.measure == VenueMeasure::Kde) {
    for (const auto& [t, w] : plan.themes) {
      if (!kde || kde->themes[t].surface.values.empty()) continue;
      const Grid& g = kde->themes[t].surface;
      const double cell_km2 = g.spec.cell * g.spec.cell / 1e6;
      for (int r = 0; r < g.spec.ny; ++r)
        for (int c = 0; c < g.spec.nx; ++c) {
          const std::size_t i = g.spec.index(r, c);
          if (!g.inside(i) || g.values[i] <= 0) continue;
          const double x = g.spec.center_x(c), y = g.spec.center_y(r);
          mass.push_back({x, y, w * g.values[i] * cell_km2, hotspots.covers(x, y)});
        }
    }
    return mass;
  }
  const Month last = run.cfg.period.last;
  const Month first = last - p.lookback_months + 1;
  for (const Incident& inc : run.ingest.incidents) {
    if (inc.month < first || inc.month > last) continue;
    double m = 0;
    for (const auto& [t, w] : plan.themes)
      if (inc.themes & (ThemeMask{1} << t)) m += w * inc.weight;
    if (m <= 0) continue;
    counts_as_incidents.push_back(static_cast<std::uint32_t>(mass.size()));
    mass.push_back({inc.x, inc.y, m, hotspots.covers(inc.x, inc.y)});
  }
  return mass;
}

// The candidates a plan may choose from: eligible venues keep their input
// order, which breaks ties.
struct Candidates {
  std::vector<std::size_t> eligible;     // venue indexes
  std::vector<std::string> excluded;     // [venue]: why not eligible, or empty
  std::vector<VenueCandidate> list;      // [eligible position]
  std::vector<long> position;            // [venue]: its eligible position, or -1
};

Candidates eligible_candidates(const RunInputs& run, Diagnostics& diag) {
  const ProgrammeConfig& p = run.cfg.programme;
  Candidates c;
  c.excluded.resize(run.venues.size());
  for (std::size_t v = 0; v < run.venues.size(); ++v) {
    const std::string& type = run.venues[v].type;
    if (!p.include_types.empty() && std::find(p.include_types.begin(), p.include_types.end(), type) == p.include_types.end())
      c.excluded[v] = "type not in programme.include_types";
    else if (std::find(p.exclude_types.begin(), p.exclude_types.end(), type) != p.exclude_types.end())
      c.excluded[v] = "type in programme.exclude_types";
    else
      c.eligible.push_back(v);
  }
  c.position.assign(run.venues.size(), -1);
  for (std::size_t k = 0; k < c.eligible.size(); ++k) {
    const Venue& venue = run.venues[c.eligible[k]];
    const bool must = std::find(p.must_include.begin(), p.must_include.end(), venue.id) != p.must_include.end();
    c.list.push_back({venue.x, venue.y, venue.ward, must});
    c.position[c.eligible[k]] = static_cast<long>(k);
  }
  for (const std::string& id : p.must_include) {
    const bool found = std::any_of(c.eligible.begin(), c.eligible.end(), [&](std::size_t v) { return run.venues[v].id == id; });
    if (!found) diag.warn(fmt::format("programme.must_include names venue '{}', which is not an eligible candidate", id));
  }
  return c;
}

// Distances to each theme's nearest hotspot.
class NearestHotspot {
 public:
  NearestHotspot(const RunInputs& run, const KdeResult* kde) : run_(run), prepared_(run.cfg.taxonomy.themes.size()) {
    for (std::size_t t = 0; kde && t < prepared_.size(); ++t)
      for (const HotspotShape& h : kde->themes[t].hotspots) prepared_[t].push_back(prepare(run.geos, h.geom.get()));
  }
  std::optional<double> metres(std::size_t t, double x, double y) const {
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

 private:
  const RunInputs& run_;
  std::vector<std::vector<PreparedPtr>> prepared_;
};

// Everything one plan decided, for its tables and texts.
struct PlanResult {
  const RunInputs& run;
  const Plan& plan;
  Candidates candidates;
  Programme prog;
  PlanReach reach;
  double total = 0, hotspot_total = 0;  // the mass, and the mass in hotspots
  bool by_incidents = true;
  std::vector<Withheld> reach_state;    // [candidate]: its reach, as reach_disclosure decided with every plan's
  ReachDisclosure withheld() const { return {reach, reach_state, by_incidents, plan.min_count}; }
};

// Why a venue was or was not selected, in words, with its reach as published.
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

// Chooses the plan's programme: the mass, the eligible candidates, the greedy choice and each candidate's reach.
PlanResult choose_programme(const RunInputs& run, const KdeResult* kde, const Plan& plan, const HotspotIndex& hotspots,
                            Diagnostics& diag) {
  const ProgrammeConfig& p = run.cfg.programme;
  std::vector<std::uint32_t> incident_elements;
  const std::vector<MassPoint> mass = mass_points(run, kde, plan, hotspots, incident_elements);
  PlanResult r{run, plan, eligible_candidates(run, diag), {}, {}, 0, 0, p.measure == VenueMeasure::Incidents, {}};
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

// The plan's files: the candidates layer, the catchments layer and the programme table.
VenuePlan plan_files(const RunInputs& run, const KdeResult* kde, const PlanResult& r, const HotspotIndex& hotspots) {
  const RunConfig& cfg = run.cfg;
  const ProgrammeConfig& p = cfg.programme;
  const Plan& plan = r.plan;
  const NearestHotspot nearest(run, kde);
  std::vector<VenueRow> rows, in_order(r.prog.chosen.size()), chosen;  // chosen: in venue order, as the circles
  VenuePlan out;
  out.id = plan.id;
  out.label = plan.label;
  out.group = plan.themes.size() == 1 ? cfg.taxonomy.themes[plan.themes[0].first].label : "Venues: " + plan.label;
  const std::string base = "venues_" + plan.id;
  out.candidates = FeatureLayer{base,
                                fmt::format("Candidate venues for {}, {}: reach within {:.0f} m (straight line), greedy "
                                            "programme of {} with {:.0f} m spacing", plan.label, cfg.period.label, p.radius,
                                            p.k, p.min_spacing),
                                {}, {}, wkbPoint};
  out.catchments = FeatureLayer{"venue_catchments_" + plan.id,
                                fmt::format("{:.0f} m straight-line catchments of the venues chosen for {}", p.radius, plan.label),
                                {}, {}, wkbPolygon};
  for (std::size_t v = 0; v < run.venues.size(); ++v) {
    const Venue& venue = run.venues[v];
    GeomPtr pt = own(run.geos, GEOSGeom_createPointFromXY_r(run.geos.get(), venue.x, venue.y), "venue");
    GeomPtr circle = own(run.geos, GEOSBuffer_r(run.geos.get(), pt.get(), p.radius, 16), "catchment");
    std::vector<std::string> touched;
    for (std::size_t i = 0; i < hotspots.shapes.size(); ++i)
      if (predicate_result(run.geos, GEOSPreparedIntersects_r(run.geos.get(), hotspots.prepared[i].get(), circle.get()),
                           "catchment and hotspot"))
        touched.push_back(hotspots.shapes[i]->id);
    const std::optional<double> near = plan.themes.size() == 1 ? nearest.metres(plan.themes[0].first, venue.x, venue.y)
                                                               : std::nullopt;
    rows.push_back({&venue, &run.wards.wards[venue.ward], r.candidates.position[v], venue_reason(r, v, near),
                    fmt::format("{}", fmt::join(touched, ";"))});
    double lon = venue.x, lat = venue.y;
    run.to_wgs84.apply(lon, lat);
    GeomPtr ll = own(run.geos, GEOSGeom_createPointFromXY_r(run.geos.get(), lon, lat), "venue");
    out.candidates.wkb.push_back(geom_to_wkb(run.geos, ll.get()));
    const VenueRow& row = rows.back();
    if (row.eligible() && r.reach.chosen_order[row.k()]) {
      in_order[static_cast<std::size_t>(r.reach.chosen_order[row.k()] - 1)] = row;
      chosen.push_back(row);
      out.catchments.wkb.push_back(reproject_wkb(run.geos, geom_to_wkb(run.geos, circle.get()), run.to_wgs84));
    }
  }
  const VenueTableContext table{r.reach, r.withheld(), plan.min_count, r.by_incidents, r.total, r.hotspot_total,
                                p.radius, cfg.taxonomy.themes,
                                [&nearest](std::size_t t, double x, double y) { return nearest.metres(t, x, y); }};
  out.candidates.table = venue_candidates_table(rows, table);
  out.catchments.table = venue_catchments_table(chosen, table);
  out.table = venue_programme_table(in_order, table);
  for (const auto& [t, w] : plan.themes) out.themes.push_back(t);
  for (std::size_t i = 0; i < r.prog.chosen.size(); ++i)
    out.chosen.emplace_back(r.candidates.eligible[r.prog.chosen[i]], static_cast<int>(i + 1));
  out.eligible = r.candidates.list.size();
  out.covered_share = r.total > 0 ? r.prog.covered / r.total : 0.0;
  return out;
}

// The plan's two layers in tasking.qgs, in its theme's group (or a group of its own for a mix).
void add_plan_layers(RunContext& run, const VenuePlan& plan) {
  VectorLayerSpec venues;
  venues.id = plan.candidates.name;
  venues.name = fmt::format("Venues for {}", plan.label);
  venues.file = plan.candidates.name + ".geojson";
  venues.group = plan.group;
  venues.geometry = "Point";
  venues.style = venue_style();
  venues.features = plan.candidates.wkb.size();
  venues.stack = draw_order(DrawOrder::Venues);
  venues.abstract = plan.candidates.description;
  VectorLayerSpec catchments = venues;
  catchments.id = plan.catchments.name;
  catchments.name = fmt::format("Catchments of chosen venues ({})", plan.label);
  catchments.file = plan.catchments.name + ".geojson";
  catchments.geometry = "Polygon";
  catchments.style = catchment_style();
  catchments.features = plan.catchments.wkb.size();
  catchments.stack = draw_order(DrawOrder::Catchments);
  catchments.abstract = plan.catchments.description;
  run.layers.push_back(vector_layer(std::move(venues)));
  run.layers.push_back(vector_layer(std::move(catchments)));
}

void publish_plan(RunContext& run, const VenuePlan& plan, std::ostream& out) {
  const RunConfig& cfg = run.cfg;
  for (std::size_t t : plan.themes)  // the plan's withheld cells, under each theme it draws on
    tally_table(plan.candidates.table, cfg.taxonomy.themes[t].id, plan.candidates.name + ".geojson", run.disclosure);
  for (const FeatureLayer* layer : {&plan.candidates, &plan.catchments}) {
    write_geojson(run.output_path(layer->name + ".geojson"), layer->view());
    run.record_output(layer->name + ".geojson");
  }
  write_file_atomically(run.output_path(plan.candidates.name + ".csv"), to_csv(plan.table));
  run.record_output(plan.candidates.name + ".csv");
  add_plan_layers(run, plan);
  fmt::print(out, "  venues for {:<18} {} chosen of {} eligible, covering {:.0f}% of the mass\n", plan.label,
             plan.chosen.size(), plan.eligible, plan.covered_share * 100);
}

// The theme signatures in each candidate's catchment: with measure =
// "incidents", the look-back's incidents of any plan's themes within the
// radius, by signature; with "kde", every signature of those incidents (a
// surface reaches past the circle, so each may contribute).
CatchmentSignatures catchment_signatures(const RunInputs& run, const std::vector<Plan>& all, const Candidates& c) {
  const ProgrammeConfig& p = run.cfg.programme;
  ThemeMask themes = 0;
  for (const Plan& plan : all)
    for (const auto& [t, w] : plan.themes) themes |= ThemeMask{1} << t;
  const Month last = run.cfg.period.last, first = last - p.lookback_months + 1;
  std::vector<MassPoint> points;
  std::vector<ThemeMask> signature;
  std::map<ThemeMask, std::uint64_t> all_signatures;
  for (const Incident& inc : run.ingest.incidents) {
    if (!(inc.themes & themes)) continue;
    if (p.measure == VenueMeasure::Kde) {
      all_signatures[inc.themes] += 1;
      continue;
    }
    if (inc.month < first || inc.month > last) continue;
    points.push_back({inc.x, inc.y, 1, false});
    signature.push_back(inc.themes);
  }
  CatchmentSignatures out(c.list.size());
  if (p.measure == VenueMeasure::Kde) {
    for (auto& per : out) per = all_signatures;
    return out;
  }
  const auto catchment = catchments(points, c.list, p.radius);
  for (std::size_t k = 0; k < c.list.size(); ++k)
    for (std::uint32_t e : catchment[k]) ++out[k][signature[e]];
  return out;
}

}  // namespace

VenueResult compute_venues(const RunInputs& run, const KdeResult* kde, Diagnostics& diag) {
  VenueResult r;
  if (run.venues.empty()) {
    diag.warn("venues: no candidate venue was accepted, so no programme was planned");
    return r;
  }
  const std::vector<Plan> all = plans(run.cfg);
  std::vector<std::unique_ptr<HotspotIndex>> hotspots;
  std::vector<PlanResult> chosen;
  for (const Plan& plan : all) {
    hotspots.push_back(std::make_unique<HotspotIndex>(run, kde, plan));
    chosen.push_back(choose_programme(run, kde, plan, *hotspots.back(), diag));
  }
  // Disclosure: every plan's reach at a venue together (the plans share its catchment).
  std::vector<ReachPlan> reach_plans;
  for (const PlanResult& c : chosen) reach_plans.push_back({c.plan.id, c.plan.themes, c.plan.min_count, &c.reach});
  const ReachDecision decision =
      reach_disclosure(reach_plans, catchment_signatures(run, all, chosen.empty() ? Candidates{} : chosen.front().candidates),
                       run.cfg.programme.measure == VenueMeasure::Incidents);
  if (!decision.unprotected.empty()) throw disclosure_refusal("the venue plans (venues_<plan>.*)", decision.unprotected);
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    chosen[i].reach_state = decision.reach[i];
    r.plans.push_back(plan_files(run, kde, chosen[i], *hotspots[i]));
  }
  return r;
}

void publish_venues(RunContext& run, const VenueResult& r, std::ostream& out) {
  if (r.plans.empty()) return;
  for (const VenuePlan& plan : r.plans) publish_plan(run, plan, out);
  const ProgrammeConfig p = run.cfg.programme;
  run.stages.push_back({"venues", [p, &r](JsonWriter& j) {
    j.value("k", p.k).value("radius_m", p.radius).value("catchment", "straight-line circle")
        .value("min_spacing_m", p.min_spacing).value("one_per_ward", p.one_per_ward).value("measure", name_of(p.measure))
        .value("lookback_months", p.lookback_months)
        .value("selection", "greedy maximum coverage, each element once; (1 - 1/e) of optimal (Nemhauser et al. 1978)");
    j.begin_array("plans");
    for (const VenuePlan& plan : r.plans) j.value("", plan.id);
    j.end_array();
  }});
}

}  // namespace hotspot
