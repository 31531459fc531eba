// Venue stage: ranks candidate venues by the incident mass they reach and
// chooses a programme per theme (and for a weighted mix of themes).
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "analysis/venue_programme.hpp"
#include "app/layer_styles.hpp"
#include "app/stages.hpp"
#include "app/ward_outputs.hpp"
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
  const RunContext& run;
  std::vector<const HotspotShape*> shapes;
  std::vector<PreparedPtr> prepared;
  std::vector<Bounds> boxes;

  HotspotIndex(const RunContext& r, const Plan& plan) : run(r) {
    for (const auto& [t, w] : plan.themes) {
      if (t >= run.hotspots.size()) continue;
      for (const HotspotShape& h : run.hotspots[t]) {
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

std::vector<MassPoint> mass_points(const RunContext& run, const Plan& plan, const HotspotIndex& hotspots,
                                   std::vector<std::uint32_t>& counts_as_incidents) {
  const ProgrammeConfig& p = run.cfg.programme;
  std::vector<MassPoint> mass;
  if (p.measure == VenueMeasure::Kde) {
    for (const auto& [t, w] : plan.themes) {
      if (t >= run.surfaces.size() || run.surfaces[t].values.empty()) continue;
      const Grid& g = run.surfaces[t];
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

std::string count_text(long n, int min_count) {
  return (min_count > 0 && n >= 1 && n < min_count) ? fmt::format("<{}", min_count) : std::to_string(n);
}

void write_plan(RunContext& run, const Plan& plan, std::ostream& out) {
  const RunConfig& cfg = run.cfg;
  const ProgrammeConfig& p = cfg.programme;
  const HotspotIndex hotspots(run, plan);
  std::vector<std::uint32_t> incident_elements;
  const std::vector<MassPoint> mass = mass_points(run, plan, hotspots, incident_elements);
  double total = 0, hotspot_total = 0;
  for (const MassPoint& m : mass) {
    total += m.mass;
    if (m.in_hotspot) hotspot_total += m.mass;
  }

  // Eligible candidates keep their input order, which breaks ties.
  std::vector<std::size_t> eligible;
  std::vector<std::string> excluded(run.venues.size());
  for (std::size_t v = 0; v < run.venues.size(); ++v) {
    const std::string& type = run.venues[v].type;
    if (!p.include_types.empty() && std::find(p.include_types.begin(), p.include_types.end(), type) == p.include_types.end())
      excluded[v] = "type not in programme.include_types";
    else if (std::find(p.exclude_types.begin(), p.exclude_types.end(), type) != p.exclude_types.end())
      excluded[v] = "type in programme.exclude_types";
    else
      eligible.push_back(v);
  }
  std::vector<VenueCandidate> candidates;
  for (std::size_t v : eligible) {
    const Venue& venue = run.venues[v];
    const bool must = std::find(p.must_include.begin(), p.must_include.end(), venue.id) != p.must_include.end();
    candidates.push_back({venue.x, venue.y, venue.ward, must});
  }
  for (const std::string& id : p.must_include) {
    const bool found = std::any_of(eligible.begin(), eligible.end(), [&](std::size_t v) { return run.venues[v].id == id; });
    if (!found) run.diag.warn(fmt::format("programme.must_include names venue '{}', which is not an eligible candidate", id));
  }
  const auto catchment = catchments(mass, candidates, p.radius);
  const Programme prog = greedy_programme(mass, candidates, catchment,
                                          ProgrammeParams{p.k, p.min_spacing, p.one_per_ward});
  for (const std::string& note : prog.notes) run.diag.warn("venues " + plan.id + ": " + note);

  // Per-candidate reach, and rank by reach (ties: input order).
  const std::size_t n = candidates.size();
  std::vector<double> reach(n, 0), hot_reach(n, 0);
  std::vector<long> reach_count(n, 0), hot_count(n, 0);
  std::vector<char> is_incident(mass.size(), 0);
  for (std::uint32_t e : incident_elements) is_incident[e] = 1;
  for (std::size_t c = 0; c < n; ++c)
    for (std::uint32_t e : catchment[c]) {
      reach[c] += mass[e].mass;
      if (mass[e].in_hotspot) hot_reach[c] += mass[e].mass;
      reach_count[c] += is_incident[e];
      hot_count[c] += is_incident[e] && mass[e].in_hotspot;
    }
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return reach[a] > reach[b]; });
  std::vector<int> rank(n, 0);
  for (std::size_t i = 0; i < n; ++i) rank[order[i]] = static_cast<int>(i + 1);
  std::vector<int> chosen_order(n, 0);
  std::vector<double> gain(n, 0);
  std::vector<long> gain_count(n, 0);  // incidents each chosen venue adds, in order
  std::vector<char> covered(mass.size(), 0);
  for (std::size_t i = 0; i < prog.chosen.size(); ++i) {
    chosen_order[prog.chosen[i]] = static_cast<int>(i + 1);
    gain[prog.chosen[i]] = prog.gain[i];
    for (std::uint32_t e : catchment[prog.chosen[i]])
      if (!covered[e]) {
        covered[e] = 1;
        gain_count[prog.chosen[i]] += is_incident[e];
      }
  }
  // Disclosure for a plan with a minimum count: reach (with unit weights, a
  // count), its shares and the marginal gain are withheld with the count they
  // come from. On a KDE surface (measure = "kde") mass below the minimum is
  // treated as such a count.
  const bool by_incidents = p.measure == VenueMeasure::Incidents;
  auto small = [&](double count) { return plan.min_count > 1 && count > 0 && count < plan.min_count; };
  auto reach_withheld = [&](std::size_t k) {
    return by_incidents ? small(static_cast<double>(reach_count[k])) : small(reach[k]);
  };
  auto hot_withheld = [&](std::size_t k) {
    return reach_withheld(k) || (by_incidents ? small(static_cast<double>(hot_count[k])) : small(hot_reach[k]));
  };
  auto gain_withheld = [&](std::size_t k) {
    return reach_withheld(k) || (by_incidents ? small(static_cast<double>(gain_count[k])) : small(gain[k]));
  };
  const Cell confidential = Cell::hidden(kConfidential);

  // Distances to each theme's nearest hotspot.
  const auto& themes = cfg.taxonomy.themes;
  std::vector<std::vector<PreparedPtr>> theme_hotspots(themes.size());
  for (std::size_t t = 0; t < themes.size() && t < run.hotspots.size(); ++t)
    for (const HotspotShape& h : run.hotspots[t]) theme_hotspots[t].push_back(prepare(run.geos, h.geom.get()));
  auto nearest = [&](std::size_t t, double x, double y) -> std::optional<double> {
    if (theme_hotspots[t].empty()) return std::nullopt;
    GeomPtr pt = own(run.geos, GEOSGeom_createPointFromXY_r(run.geos.get(), x, y), "point");
    double best = HUGE_VAL;
    for (const PreparedPtr& h : theme_hotspots[t]) {
      double d = 0;
      if (!GEOSPreparedDistance_r(run.geos.get(), h.get(), pt.get(), &d))  // 0 = error
        throw internal_error("geos", "distance to a hotspot failed: " + run.geos.last_error());
      best = std::min(best, d);
    }
    return best;
  };

  const std::string what = by_incidents ? fmt::format("in the last {} months", p.lookback_months) : "of KDE surface mass";
  const std::string mass_name = hotspot_total > 0 ? plan.label + " hotspot mass" : plan.label + " incidents";
  Table table;
  for (const char* c : {"venue_id", "name", "type", "label", "ward_code", "ward_name", "reason", "hotspots_in_catchment"})
    table.add_column(c, CellType::Text);
  table.add_column("eligible", CellType::Bool);
  table.add_column("selected", CellType::Bool);
  table.add_column("selection_order", CellType::Integer);
  table.add_column("rank", CellType::Integer);
  table.add_column("reach", CellType::Real, 2);
  table.add_column("reach_incidents", CellType::Integer);
  table.add_column("reach_share", CellType::Real, 4);
  table.add_column("hotspot_reach_share", CellType::Real, 4);
  table.add_column("marginal_gain", CellType::Real, 2);
  table.add_column("catchment_m", CellType::Real, 0);
  for (const Theme& th : themes) table.add_column("nearest_" + th.id + "_hotspot_m", CellType::Real, 0);
  VectorLayer points{"venues_" + plan.id,
                     fmt::format("Candidate venues for {}, {}: reach within {:.0f} m (straight line), greedy programme "
                                 "of {} with {:.0f} m spacing", plan.label, cfg.period.label, p.radius, p.k, p.min_spacing),
                     &table, {}, wkbPoint};
  Table programme_table;
  for (const char* c : {"order", "venue_id", "name", "type", "ward_name", "reach", "reach_incidents", "marginal_gain", "reason"})
    programme_table.add_column(c, std::string(c) == "order" ? CellType::Integer
                                   : (std::string(c) == "reach" || std::string(c) == "marginal_gain") ? CellType::Real
                                   : std::string(c) == "reach_incidents" ? CellType::Integer : CellType::Text);
  programme_table.rows.resize(prog.chosen.size());
  Table circle_table;
  for (const char* c : {"venue_id", "name", "label"}) circle_table.add_column(c, CellType::Text);
  circle_table.add_column("selection_order", CellType::Integer);
  circle_table.add_column("reach", CellType::Real, 2);
  VectorLayer circles{"venue_catchments_" + plan.id,
                      fmt::format("{:.0f} m straight-line catchments of the venues chosen for {}", p.radius, plan.label),
                      &circle_table, {}, wkbPolygon};

  std::vector<long> position(run.venues.size(), -1);
  for (std::size_t c = 0; c < n; ++c) position[eligible[c]] = static_cast<long>(c);
  for (std::size_t v = 0; v < run.venues.size(); ++v) {
    const Venue& venue = run.venues[v];
    const Ward& ward = run.wards.wards[venue.ward];
    const long c = position[v];
    GeomPtr pt = own(run.geos, GEOSGeom_createPointFromXY_r(run.geos.get(), venue.x, venue.y), "venue");
    GeomPtr circle = own(run.geos, GEOSBuffer_r(run.geos.get(), pt.get(), p.radius, 16), "catchment");
    std::vector<std::string> touched;
    for (std::size_t i = 0; i < hotspots.shapes.size(); ++i)
      if (predicate_result(run.geos, GEOSPreparedIntersects_r(run.geos.get(), hotspots.prepared[i].get(), circle.get()),
                           "catchment and hotspot"))
        touched.push_back(hotspots.shapes[i]->id);
    const std::optional<double> near = plan.themes.size() == 1 ? nearest(plan.themes[0].first, venue.x, venue.y)
                                                               : std::nullopt;
    std::string reason;
    if (c < 0) {
      reason = "Not eligible: " + excluded[v];
    } else {
      const std::size_t k = static_cast<std::size_t>(c);
      const double share = (hotspot_total > 0 ? hot_reach[k] / hotspot_total : (total > 0 ? reach[k] / total : 0));
      const bool share_withheld = hotspot_total > 0 ? hot_withheld(k) : reach_withheld(k);
      const std::string reach_text = by_incidents ? fmt::format("{} incidents {} within {:.0f} m",
                                                                count_text(reach_count[k], plan.min_count), what, p.radius)
                                                  : reach_withheld(k) ? fmt::format("under {} {} within {:.0f} m", plan.min_count, what, p.radius)
                                                                      : fmt::format("{:.1f} {} within {:.0f} m", reach[k], what, p.radius);
      const std::string share_text = share_withheld ? std::string(kConfidential) : fmt::format("{:.0f}%", share * 100);
      const std::string near_text = near ? fmt::format("; nearest {} hotspot {:.0f} m", plan.label, *near) : "";
      if (chosen_order[k]) {
        reason = fmt::format("Selected {}{}: reaches {} of {} ({}){}; ward: {}", ordinal(static_cast<std::size_t>(chosen_order[k])),
                             candidates[k].must_include ? " (must include)" : "", share_text, mass_name, reach_text,
                             near_text, ward.name);
      } else {
        std::string why;
        for (std::size_t s : prog.chosen) {
          const double dx = candidates[s].x - venue.x, dy = candidates[s].y - venue.y;
          if (std::sqrt(dx * dx + dy * dy) < p.min_spacing) {
            why = fmt::format("; within {:.0f} m of chosen venue {}", p.min_spacing, run.venues[eligible[s]].name);
            break;
          }
          if (p.one_per_ward && candidates[s].ward == venue.ward) {
            why = fmt::format("; {} already has a chosen venue", ward.name);
            break;
          }
        }
        if (why.empty()) why = "; adds less uncovered mass than the chosen venues";
        reason = fmt::format("Not selected: ranked {} of {} by reach ({}){}", ordinal(static_cast<std::size_t>(rank[k])),
                             n, reach_text, why);
      }
    }
    std::vector<Cell> row = {Cell::text(venue.id), Cell::text(venue.name), Cell::text(venue.type),
                             Cell::text(c >= 0 && chosen_order[static_cast<std::size_t>(c)]
                                            ? fmt::format("{}. {}", chosen_order[static_cast<std::size_t>(c)], venue.name)
                                            : venue.name),
                             Cell::text(ward.code), Cell::text(ward.name), Cell::text(reason),
                             Cell::text(fmt::format("{}", fmt::join(touched, ";")))};
    const bool elig = c >= 0;
    const std::size_t k = elig ? static_cast<std::size_t>(c) : 0;
    row.push_back(Cell::boolean(elig));
    row.push_back(Cell::boolean(elig && chosen_order[k] > 0));
    row.push_back(elig && chosen_order[k] ? Cell::integer(chosen_order[k]) : Cell::null());
    row.push_back(elig ? Cell::integer(rank[k]) : Cell::null());
    const bool hide = elig && reach_withheld(k);
    const Cell reach_cell = hide ? confidential : Cell::real(reach[k]);
    const Cell gain_cell = gain_withheld(k) ? confidential : Cell::real(gain[k]);
    row.push_back(elig ? reach_cell : Cell::null());
    row.push_back(!elig || !by_incidents ? Cell::null() : hide ? Cell::hidden(fmt::format("<{}", plan.min_count)) : Cell::integer(reach_count[k]));
    row.push_back(elig && total > 0 ? (hide ? confidential : Cell::real(reach[k] / total)) : Cell::null());
    row.push_back(elig && hotspot_total > 0 ? (hot_withheld(k) ? confidential : Cell::real(hot_reach[k] / hotspot_total)) : Cell::null());
    row.push_back(elig && chosen_order[k] ? gain_cell : Cell::null());
    row.push_back(Cell::real(p.radius));
    for (std::size_t t = 0; t < themes.size(); ++t) {
      const auto d = nearest(t, venue.x, venue.y);
      row.push_back(d ? Cell::real(*d) : Cell::null());
    }
    table.rows.push_back(std::move(row));
    double lon = venue.x, lat = venue.y;
    run.to_wgs84.apply(lon, lat);
    GeomPtr ll = own(run.geos, GEOSGeom_createPointFromXY_r(run.geos.get(), lon, lat), "venue");
    points.wkb.push_back(geom_to_wkb(run.geos, ll.get()));
    if (elig && chosen_order[k]) {
      const std::size_t o = static_cast<std::size_t>(chosen_order[k] - 1);
      programme_table.rows[o] = {Cell::integer(chosen_order[k]), Cell::text(venue.id), Cell::text(venue.name),
                                 Cell::text(venue.type), Cell::text(ward.name), reach_cell,
                                 !by_incidents ? Cell::null() : hide ? Cell::hidden(fmt::format("<{}", plan.min_count)) : Cell::integer(reach_count[k]),
                                 gain_cell, Cell::text(reason)};
      circle_table.rows.push_back({Cell::text(venue.id), Cell::text(venue.name),
                                   Cell::text(fmt::format("{}. {}", chosen_order[k], venue.name)),
                                   Cell::integer(chosen_order[k]), reach_cell});
      circles.wkb.push_back(reproject_wkb(run.geos, geom_to_wkb(run.geos, circle.get()), run.to_wgs84));
    }
  }
  const std::string base = "venues_" + plan.id;
  for (const auto& [t, w] : plan.themes)  // the plan's withheld cells, under each theme it draws on
    tally_table(table, cfg.taxonomy.themes[t].id, base + ".geojson", {"reach_incidents"}, run.disclosure);
  write_geojson(run.output_path(base + ".geojson"), points);
  run.record_output(base + ".geojson");
  write_geojson(run.output_path("venue_catchments_" + plan.id + ".geojson"), circles);
  run.record_output("venue_catchments_" + plan.id + ".geojson");
  write_file_atomically(run.output_path(base + ".csv"), to_csv(programme_table));
  run.record_output(base + ".csv");
  RunContext::ProgrammeSummary summary{plan.id, plan.label, {}, programme_table, {}};
  for (const auto& [t, w] : plan.themes) summary.themes.push_back(t);
  for (std::size_t i = 0; i < prog.chosen.size(); ++i)
    summary.chosen.emplace_back(eligible[prog.chosen[i]], static_cast<int>(i + 1));
  run.programmes.push_back(std::move(summary));
  const std::string group = plan.themes.size() == 1 ? cfg.taxonomy.themes[plan.themes[0].first].label : "Venues: " + plan.label;
  run.layers.push_back(vector_layer(base, fmt::format("Venues for {}", plan.label), base + ".geojson", group, "Point",
                                    venue_style(), points.wkb.size(), 0, points.description));
  run.layers.push_back(vector_layer("venue_catchments_" + plan.id,
                                    fmt::format("Catchments of chosen venues ({})", plan.label),
                                    "venue_catchments_" + plan.id + ".geojson", group, "Polygon", catchment_style(),
                                    circles.wkb.size(), 1, circles.description));
  fmt::print(out, "  venues for {:<18} {} chosen of {} eligible, covering {:.0f}% of the mass\n", plan.label,
             prog.chosen.size(), n, total > 0 ? prog.covered / total * 100 : 0.0);
}

}  // namespace

void venue_stage(RunContext& run, std::ostream& out) {
  if (run.venues.empty()) {
    run.diag.warn("venues: no candidate venue was accepted, so no programme was planned");
    return;
  }
  run.timer.start("venues");
  const std::vector<Plan> all = plans(run.cfg);
  for (const Plan& plan : all) write_plan(run, plan, out);
  run.timer.stop();
  const ProgrammeConfig p = run.cfg.programme;
  std::vector<std::string> ids;
  for (const Plan& plan : all) ids.push_back(plan.id);
  run.stages.push_back({"venues", [p, ids](JsonWriter& j) {
    j.value("k", p.k).value("radius_m", p.radius).value("catchment", "straight-line circle")
        .value("min_spacing_m", p.min_spacing).value("one_per_ward", p.one_per_ward).value("measure", name_of(p.measure))
        .value("lookback_months", p.lookback_months)
        .value("selection", "greedy maximum coverage, each element once; (1 - 1/e) of optimal (Nemhauser et al. 1978)");
    j.begin_array("plans");
    for (const auto& id : ids) j.value("", id);
    j.end_array();
  }});
}

}  // namespace hotspot
