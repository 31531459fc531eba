// Venue stage: ranks candidate venues by the incident mass they reach and
// chooses a programme per theme (and for a weighted mix of themes): the plans
// and their choice in venue_plan.hpp; here each plan's tables and layers, and
// their publishing.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <memory>
#include <ostream>

#include "app/disclosure/ledger.hpp"
#include "app/disclosure/refusal.hpp"
#include "app/qgis/layer_styles.hpp"
#include "app/stages/stages.hpp"
#include "app/stages/venue_plan.hpp"
#include "app/tables/venue_table.hpp"
#include "geo/reproject.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {
namespace {

using venues::HotspotIndex;
using venues::NearestHotspot;
using venues::Plan;
using venues::PlanResult;

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
  out.candidates = FeatureLayer{
      .name = base,
      .description = fmt::format("Candidate venues for {}, {}: reach within {:.0f} m (straight line), greedy programme "
                                 "of {} with {:.0f} m spacing", plan.label, cfg.period.label, p.radius, p.k, p.min_spacing),
      .geometry_type = wkbPoint};
  out.catchments = FeatureLayer{
      .name = "venue_catchments_" + plan.id,
      .description = fmt::format("{:.0f} m straight-line catchments of the venues chosen for {}", p.radius, plan.label),
      .geometry_type = wkbPolygon};
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
    rows.push_back({.venue = &venue, .ward = &run.wards.wards[venue.ward], .position = r.candidates.position[v],
                    .reason = venues::venue_reason(r, v, near), .hotspots_touched = fmt::format("{}", fmt::join(touched, ";"))});
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
  const VenueTableContext table{
      .reach = r.reach, .withheld = r.withheld(), .min_count = plan.min_count, .by_incidents = r.by_incidents,
      .total = r.total, .hotspot_total = r.hotspot_total, .radius = p.radius, .themes = cfg.taxonomy.themes,
      .nearest_hotspot_m = [&nearest](std::size_t t, double x, double y) { return nearest.metres(t, x, y); }};
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

}  // namespace

VenueResult compute_venues(const RunInputs& run, const KdeResult* kde, Diagnostics& diag) {
  VenueResult r;
  if (run.venues.empty()) {
    diag.warn("venues: no candidate venue was accepted, so no programme was planned");
    return r;
  }
  const std::vector<Plan> all = venues::plans(run.cfg);
  std::vector<std::unique_ptr<HotspotIndex>> hotspots;
  std::vector<PlanResult> chosen;
  for (const Plan& plan : all) {
    hotspots.push_back(std::make_unique<HotspotIndex>(run, kde, plan));
    chosen.push_back(venues::choose_programme(run, kde, plan, *hotspots.back(), diag));
  }
  // Disclosure: every plan's reach at a venue together (the plans share its catchment).
  std::vector<ReachPlan> reach_plans;
  for (const PlanResult& c : chosen)
    reach_plans.push_back({.id = c.plan.id, .themes = c.plan.themes, .min_count = c.plan.min_count, .reach = &c.reach});
  const venues::Candidates none;
  const ReachDecision decision =
      reach_disclosure(reach_plans, venues::catchment_signatures(run, all, chosen.empty() ? none : chosen.front().candidates),
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
