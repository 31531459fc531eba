// What a venue plan reaches: its themes' mass, the hotspots it falls in, and
// the candidates it may choose from (app/stages/venue_plan.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "app/stages/venue_plan.hpp"
#include "geo/envelope.hpp"

namespace hotspot::venues {

std::vector<Plan> plans(const RunConfig& cfg) {
  std::vector<Plan> out;
  const auto& themes = cfg.taxonomy.themes;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    const auto& wanted = cfg.programme.themes;
    // By default a plan per theme, not per time window (a roadshow is by day, for the whole theme).
    if (wanted.empty() ? themes[t].is_window() : std::find(wanted.begin(), wanted.end(), themes[t].id) == wanted.end())
      continue;
    out.push_back(Plan{.id = themes[t].id, .label = themes[t].label, .themes = {{t, 1.0}}, .min_count = themes[t].min_count});
  }
  if (!cfg.programme.mix.empty()) {
    Plan mix{.id = "mix"};
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

HotspotIndex::HotspotIndex(const RunInputs& r, const KdeResult* kde, const Plan& plan) : run(r) {
  if (!kde) return;
  for (const auto& [t, w] : plan.themes) {
    for (const HotspotShape& h : kde->themes[t].hotspots) {
      shapes.push_back(&h);
      prepared.push_back(prepare(run.geos, h.geom.get()));
      boxes.push_back(envelope(run.geos, h.geom.get()));
    }
  }
}

bool HotspotIndex::covers(double x, double y) const {
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    if (!boxes[i].contains(x, y)) continue;
    GeomPtr p = own(run.geos, GEOSGeom_createPointFromXY_r(run.geos.get(), x, y), "point");
    if (predicate_result(run.geos, GEOSPreparedCovers_r(run.geos.get(), prepared[i].get(), p.get()), "in hotspot"))
      return true;
  }
  return false;
}

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
          mass.push_back({.x = x, .y = y, .mass = w * g.values[i] * cell_km2, .in_hotspot = hotspots.covers(x, y)});
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
    mass.push_back({.x = inc.x, .y = inc.y, .mass = m, .in_hotspot = hotspots.covers(inc.x, inc.y)});
  }
  return mass;
}

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
    c.list.push_back({.x = venue.x, .y = venue.y, .ward = venue.ward, .must_include = must});
    c.position[c.eligible[k]] = static_cast<long>(k);
  }
  for (const std::string& id : p.must_include) {
    const bool found = std::any_of(c.eligible.begin(), c.eligible.end(), [&](std::size_t v) { return run.venues[v].id == id; });
    if (!found) diag.warn(fmt::format("programme.must_include names venue '{}', which is not an eligible candidate", id));
  }
  return c;
}

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

}  // namespace hotspot::venues
