#include "app/stages/kde_hotspots.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "analysis/street_places.hpp"
#include "analysis/ward_stats.hpp"
#include "app/disclosure/polygon_disclosure.hpp"
#include "app/disclosure/ward_disclosure.hpp"
#include "app/stages/region_polygons.hpp"
#include "geo/grid_cells.hpp"
#include "geo/grid_reference.hpp"

namespace hotspot {
namespace {

// What a hotspot of either kind (a class of this period's surface, or the
// forecast drawing) takes from its traced region: shape, counts, change on its
// own past, and wards. Moves the region's geometry; the caller sets its class.
Hotspot hotspot_of(const RunInputs& run, const Theme& theme, const std::vector<bool>& has_data, RegionPolygon& r) {
  const Period& period = run.cfg.period;
  Hotspot h;
  h.geom = std::move(r.geom);
  h.area_m2 = r.area_m2;
  h.incidents = r.incidents;
  h.inside = r.inside;
  h.change = change_against(static_cast<std::uint64_t>(r.incidents), r.monthly, has_data, period, theme,
                            run.cfg.significance);
  h.baseline_withheld = !baseline_tiles_publishable(r.monthly, has_data, period, theme.min_count);
  h.peak = r.max_value;
  h.mean = r.mean_value;
  h.cells = r.cells;
  h.wards = r.wards.wards;
  h.main_ward = r.wards.main;
  return h;
}

// Hotspots of one class: connected cells at or above the threshold.
std::vector<Hotspot> class_hotspots(const RunInputs& run, const WardOverlap& overlap, const Grid& grid,
                                    const HotspotClass& cls, const Theme& theme,
                                    const std::vector<const Incident*>& incidents,
                                    const std::vector<const Incident*>& history, const std::vector<bool>& has_data) {
  const Period& period = run.cfg.period;
  std::vector<std::uint8_t> mask(grid.spec.size(), 0);
  for (std::size_t i = 0; i < mask.size(); ++i)
    mask[i] = grid.inside(i) && grid.values[i] > 0 && grid.values[i] >= cls.threshold;
  std::vector<Hotspot> out;
  const ThemeProtection protection = protection_of(run.cfg, theme);
  const IncidentCounter counter(run.geos, incidents, &protection);
  for (RegionPolygon& r : region_polygons(run, overlap, grid.spec, mask,
                                                {.values = grid.values,
                                                 .incidents = incidents,
                                                 .history = history,
                                                 .history_window = period.needed_window(),
                                                 .counter = &counter})) {
    Hotspot h = hotspot_of(run, theme, has_data, r);
    h.level = cls.level;
    h.class_name = cls.name;
    h.threshold = cls.threshold;
    h.inside_protected = r.inside_protected;
    out.push_back(std::move(h));
  }
  return out;
}

// Names each hotspot by its track (the place it has been a hotspot since):
// the track covering most of its cells, named by the 1 km square of the
// track's anchor. Two hotspots in one square: the older track keeps the plain
// name, later ones get b, c, ... so a name does not move to a newer hotspot.
void name_by_track(const RunInputs& run, const ThemeForecast& fc, std::vector<Hotspot>& hotspots) {
  const HotspotTracks& tracks = fc.tracks;
  std::vector<int> track(hotspots.size(), -1);
  for (std::size_t i = 0; i < hotspots.size(); ++i) {
    std::map<int, int> votes;
    for (std::size_t cell : cells_with_centre_in(run.geos, hotspots[i].geom.get(), fc.grid.spec))
      if (tracks.last_month[cell] >= 0) ++votes[tracks.last_month[cell]];
    int most = 0;
    for (const auto& [t, n] : votes)
      if (n > most) track[i] = t, most = n;
  }
  std::vector<std::size_t> order(hotspots.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto born = [&](std::size_t i) { return track[i] < 0 ? SIZE_MAX : tracks.tracks[static_cast<std::size_t>(track[i])].born; };
    return born(a) != born(b) ? born(a) < born(b) : track[a] < track[b];
  });
  std::map<std::string, int> taken;
  for (std::size_t i : order) {
    Hotspot& h = hotspots[i];
    double x = 0, y = 0;
    if (track[i] >= 0) {
      const HotspotTrack& tr = tracks.tracks[static_cast<std::size_t>(track[i])];
      const GridSpec& g = fc.grid.spec;
      x = g.center_x(static_cast<int>(tr.anchor % static_cast<std::size_t>(g.nx)));
      y = g.center_y(static_cast<int>(tr.anchor / static_cast<std::size_t>(g.nx)));
      const Month since = fc.first_tracked + static_cast<Month>(tr.born);
      h.since = tr.born == 0 ? format_month(since) + " or earlier" : format_month(since);
      h.months_present = tr.months_present;
    } else {  // no track (cannot happen for a forecast hotspot; kept safe): its own centroid's square
      const GeomPtr c = own(run.geos, GEOSGetCentroid_r(run.geos.get(), h.geom.get()), "centroid");
      GEOSGeomGetX_r(run.geos.get(), c.get(), &x);
      GEOSGeomGetY_r(run.geos.get(), c.get(), &y);
    }
    const std::string square = grid_reference_100m(x, y, run.cfg.crs);
    const int n = taken[square]++;
    h.ref = n == 0 ? square : square + static_cast<char>('a' + std::min(n, 25));
  }
}

// The forecast's hotspots: exactly the drawing (analysis/hotspot_drawing.hpp)
// that `hotspot evaluate` scores, one polygon per drawn hotspot (its pieces
// together), numbered as the drawing numbers them. Nothing is dropped for its
// size or forecast. Disclosure judges each by the incidents the forecast rests
// on, those of its look-back, against min_count and the theme's protection
// (a violence hotspot holding 1 to 4 VAWG incidents): the drawing has already
// withheld those by their squares (so the backtest scores what is published),
// and the polygon rule checks the published geometry (incidents strictly
// inside) as for every polygon of the pack. The period's
// counts in its table are withheld by their own rule (count_of).
std::vector<Hotspot> forecast_hotspots(const RunInputs& run, const WardOverlap& overlap, const ThemeForecast& fc,
                                       std::size_t t, const std::vector<const Incident*>& incidents,
                                       const std::vector<const Incident*>& history, const std::vector<bool>& has_data,
                                       KdeTheme& counts) {
  const Period& period = run.cfg.period;
  const Theme& theme = run.cfg.taxonomy.themes[t];
  const Period lookback{period.last - fc.method.lookback + 1, period.last, ""};
  const std::vector<const Incident*> window = run.incidents_in(t, lookback);
  const ThemeProtection protection = protection_of(run.cfg, theme);
  std::vector<RegionPolygon> regions =
      region_polygons(run, overlap, fc.grid.spec, Regions{.label = fc.drawing.hotspot, .count = fc.drawing.hotspots},
                      {.values = fc.grid.values,
                       .incidents = incidents,
                       .history = history,
                       .history_window = period.needed_window(),
                       .window = &window,
                       .window_protection = &protection});
  const double weights = forecast_weight_sum(fc.method);
  // Each hotspot's incidents of the look-back by street, weighted as the forecast weights their month.
  std::vector<std::vector<std::pair<std::uint32_t, double>>> named(regions.size());
  const GridSpec& g = fc.grid.spec;
  for (const Incident* inc : window) {
    const double col = (inc->x - g.origin_x) / g.cell, row = (g.origin_y - inc->y) / g.cell;
    if (!(col >= 0 && row >= 0 && col < g.nx && row < g.ny)) continue;
    const std::int32_t label = fc.drawing.hotspot[g.index(static_cast<int>(row), static_cast<int>(col))];
    if (label > 0)
      named[static_cast<std::size_t>(label - 1)].emplace_back(
          inc->street, month_weight(period.last - inc->month + 1, fc.method.half_life));
  }
  counts.withheld += fc.drawing.withheld;
  std::vector<Hotspot> kept;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    RegionPolygon& r = regions[i];
    if (polygon_withheld(theme, protection, r.window_incidents,
                         {.all = r.window_inside, .covered = r.window_inside_protected})) {
      ++counts.withheld;  // disclosure: the forecast rests on too few incidents to publish
      continue;
    }
    Hotspot h = hotspot_of(run, theme, has_data, r);
    h.level = 1;
    h.class_name = fmt::format("top {:g}% forecast", run.cfg.kde.coverage * 100);
    h.threshold = fc.cut;
    h.forecast_monthly = fc.drawing.total[i] / weights;
    if (run.ingest.has_streets) {
      const BusiestNames busiest = busiest_names(named[i], run.ingest.streets);
      std::vector<std::string> streets;
      for (const std::uint32_t s : busiest.streets) streets.push_back(run.ingest.streets.name(s));
      h.streets = fmt::format("{}", fmt::join(streets, "; "));
      if (!streets.empty()) {
        h.place = name_list(streets) + " (" + run.wards.wards[h.main_ward].name + ")";
        h.named_by = "its busiest streets and places over the forecast's months";
      }
    }
    kept.push_back(std::move(h));
  }
  // The drawing's order (total forecast, highest first), numbered 1.. among those published.
  for (std::size_t i = 0; i < kept.size(); ++i) kept[i].rank = static_cast<int>(i + 1);
  name_by_track(run, fc, kept);
  // Without a street: its ward and 100 m square, and say so.
  for (Hotspot& h : kept)
    if (h.place.empty()) {
      h.place = run.wards.wards[h.main_ward].name + ", " + h.ref;
      h.named_by = run.ingest.has_streets ? "ward and 100 m square: none of its incidents has a street"
                                          : "ward and 100 m square: the inputs have no street column";
    }
  return kept;
}

}  // namespace

std::vector<Hotspot> draw_hotspots(const RunInputs& run, const WardOverlap& overlap, const Grid& grid,
                                   const std::vector<HotspotClass>& classes, std::size_t t, const ThemeForecast* fc,
                                   const std::vector<const Incident*>& incidents,
                                   const std::vector<const Incident*>& history, const std::vector<bool>& has_data,
                                   KdeTheme& counts) {
  const Theme& theme = run.cfg.taxonomy.themes[t];
  if (fc) return forecast_hotspots(run, overlap, *fc, t, incidents, history, has_data, counts);
  const KdeConfig& k = run.cfg.kde;
  const ThemeProtection protection = protection_of(run.cfg, theme);
  std::vector<Hotspot> published;
  for (const HotspotClass& cls : classes) {
    std::vector<Hotspot> hs = class_hotspots(run, overlap, grid, cls, theme, incidents, history, has_data);
    std::vector<Hotspot> kept;
    for (Hotspot& h : hs) {
      if (h.area_m2 < k.min_area_m2 || h.incidents < k.min_incidents) {
        ++counts.dropped;
      } else if (polygon_withheld(theme, protection, h.incidents, {h.inside, h.inside_protected})) {
        ++counts.withheld;  // disclosure: too few incidents to publish
      } else {
        kept.push_back(std::move(h));
      }
    }
    std::sort(kept.begin(), kept.end(), [](const Hotspot& a, const Hotspot& b) {
      if (a.incidents != b.incidents) return a.incidents > b.incidents;
      return a.area_m2 < b.area_m2;
    });
    for (std::size_t i = 0; i < kept.size(); ++i) kept[i].rank = static_cast<int>(i + 1);
    for (Hotspot& h : kept) published.push_back(std::move(h));
  }
  return published;
}

}  // namespace hotspot
