#include "app/report/report_maps.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <map>

#include "geo/envelope.hpp"
#include "io/html_tree.hpp"
#include "io/svg_map.hpp"
#include "io/xml_tree.hpp"

namespace hotspot {

namespace {

// One place for every style the maps use, so the legend matches them.
const MapStyle kWardFill{"#ffffff", 1, "none", 0, ""};
const MapStyle kWardLine{"none", 1, "#8a8a8a", 0.25, ""};
// A 0.9 mm outline draws even a one-cell hotspot (100 m: about 1.2 mm on a borough map) at least
// 2 mm across on paper, the smallest a reader finds at arm's length.
const MapStyle kHotspot{"#f03b20", 0.55, "#a50f15", 0.9, ""};
const MapStyle kVenue{"#ffd700", 1, "#000000", 0.3, ""};
// A hotspot smaller than this on paper (mm, its longer side) is ringed, so it can be seen and numbered at A4.
constexpr double kSmallHotspot = 2.5;
constexpr double kHotspotRingSize = 4.0;  // mm across
const MapStyle kHotspotRing{"none", 1, "#a50f15", 0.35, ""};
// The space-time class of a hotspot, drawn as its outline over the fill (the legend lists those on the map).
const MapClass kSpaceTime[] = {
    {"new", "New this month", {"none", 1, "#000000", 0.45, "1.2 0.8"}},
    {"consecutive", "Hot the last few months running", {"none", 1, "#000000", 0.45, "0.4 0.6"}},
    {"intensifying", "Persistent and intensifying", {"none", 1, "#54278f", 0.7, ""}},
    {"persistent", "Persistent (hot most months)", {"none", 1, "#000000", 0.7, ""}},
    {"diminishing", "Persistent but easing", {"none", 1, "#737373", 0.6, ""}},
    {"sporadic", "On and off", {"none", 1, "#737373", 0.45, "1.6 0.6 0.4 0.6"}},
    {"historical", "Hot before, not now", {"none", 1, "#bdbdbd", 0.45, ""}},
};
const MapClass* space_time_style(const HotspotShape& h) {
  if (!h.space_time) return nullptr;
  const std::string key = space_time_key(h.space_time->cls);
  for (const MapClass& s : kSpaceTime)
    if (key == s.key) return &s;
  return nullptr;
}
const TextStyle kHotspotId{3.2, true, false, "#67000d"};
const TextStyle kVenueId{2.8, true, false, "#000000"};
const TextStyle kWardName{2.6, false, false, "#4a4a4a"};
const TextStyle kContextName{2.6, false, true, "#3d5a80"};
constexpr double kVenueSize = 3.0;      // mm
constexpr std::size_t kContextLabels = 8;  // sparingly: the map is about the hotspots

MapStyle context_style(ContextKind kind) {
  if (kind == ContextKind::Rail) return MapStyle{"none", 1, "#555555", 0.45, "1.6 0.8"};
  if (kind == ContextKind::Water) return MapStyle{"#cfe3f3", 1, "#7fa9d1", 0.4, ""};
  if (kind == ContextKind::Area) return MapStyle{"#e3efd9", 1, "#b5cfa3", 0.2, ""};
  return MapStyle{"none", 1, "#b8b8b8", 0.5, ""};  // roads
}

std::string context_name(ContextKind kind) {
  if (kind == ContextKind::Rail) return "Railway";
  if (kind == ContextKind::Water) return "Water";
  if (kind == ContextKind::Area) return "Area";
  return "Road";
}

bool is_polygonal(const GeosContext& ctx, const GEOSGeometry* g) {
  const int type = GEOSGeomTypeId_r(ctx.get(), g);
  return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON;
}

// The longest line of a line or multi-line geometry.
const GEOSGeometry* longest_line(const GeosContext& ctx, const GEOSGeometry* g) {
  const GEOSGeometry* best = g;
  double most = -1;
  for (int i = 0; i < GEOSGetNumGeometries_r(ctx.get(), g); ++i) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(ctx.get(), g, i);
    double len = 0;
    GEOSLength_r(ctx.get(), part, &len);
    if (GEOSGeomTypeId_r(ctx.get(), part) == GEOS_LINESTRING && len > most) best = part, most = len;
  }
  return best;
}

// Where a label names a feature: for a polygon the centre of the largest
// circle inside it (a label there sits well inside), for line work the middle
// of its longest line.
MapPoint interior_point(const GeosContext& ctx, const SvgMap& map, const GEOSGeometry* g) {
  const GEOSGeometry* line = is_polygonal(ctx, g) ? nullptr : longest_line(ctx, g);
  GeomPtr p = !line ? own(ctx, GEOSMaximumInscribedCircle_r(ctx.get(), g, 0.5 / map.mm_per_metre()), "inscribed circle")
              : GEOSGeomTypeId_r(ctx.get(), line) == GEOS_LINESTRING
                  ? own(ctx, GEOSInterpolateNormalized_r(ctx.get(), line, 0.5), "middle of a line")
                  : own(ctx, GEOSPointOnSurface_r(ctx.get(), g), "point on a feature");
  GeomPtr start = own(ctx, GEOSGeomTypeId_r(ctx.get(), p.get()) == GEOS_POINT ? GEOSGeom_clone_r(ctx.get(), p.get())
                                                                           : GEOSGeomGetStartPoint_r(ctx.get(), p.get()),
                      "label point");
  double x = 0, y = 0;
  GEOSGeomGetX_r(ctx.get(), start.get(), &x);
  GEOSGeomGetY_r(ctx.get(), start.get(), &y);
  return map.to_map(x, y);
}

// Positions around a point, nearest first: itself (unless `centre` is false),
// then eight around it at each distance in `radii` (mm).
std::vector<MapPoint> around(const MapPoint& p, const std::vector<double>& radii, bool centre = true) {
  std::vector<MapPoint> out;
  if (centre) out.push_back(p);
  for (const double r : radii)
    for (const auto& [dx, dy] : std::vector<std::pair<double, double>>{{1, 0}, {-1, 0}, {0, -1}, {0, 1},
                                                                       {0.8, -0.8}, {0.8, 0.8}, {-0.8, 0.8}, {-0.8, -0.8}})
      out.push_back(MapPoint{p.x + dx * r, p.y + dy * r});
  return out;
}

// Splits a name into two lines at the space nearest its middle (or leaves it whole).
std::vector<std::string> two_lines(const std::string& name) {
  std::size_t best = std::string::npos;
  for (std::size_t i = name.find(' '); i != std::string::npos; i = name.find(' ', i + 1))
    if (best == std::string::npos || std::abs(static_cast<double>(i) - name.size() / 2.0) <
                                         std::abs(static_cast<double>(best) - name.size() / 2.0))
      best = i;
  if (best == std::string::npos) return {name};
  return {name.substr(0, best), name.substr(best + 1)};
}

// An empty legend swatch, 7 by 4.5 mm, as inline SVG; `key` (if any) names
// the style it shows, which the print test checks against the map's.
pugi::xml_node swatch_svg(pugi::xml_node parent, const std::string& key) {
  pugi::xml_node svg = xml::child(parent, "svg", {{"class", "swatch"}});
  if (!key.empty()) svg.append_attribute("data-style") = key.c_str();
  xml::add_attributes(svg, {{"width", "7mm"}, {"height", "4.5mm"}, {"viewBox", "0 0 7 4.5"}});
  return svg;
}

// A legend swatch: the styles drawn over one another as the map draws them,
// as boxes, or the last as a line for line work (roads, rail).
void swatch(pugi::xml_node parent, const std::vector<MapStyle>& layers, const std::string& key, bool line = false) {
  pugi::xml_node svg = swatch_svg(parent, key);
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (line && i + 1 == layers.size()) {
      pugi::xml_node l =
          xml::child(svg, "line", {{"class", "swatch"}, {"x1", "0.6"}, {"y1", "2.25"}, {"x2", "6.4"}, {"y2", "2.25"}});
      add_style(l, layers[i]);
      l.append_attribute("stroke-linecap") = "round";
    } else {
      add_style(xml::child(svg, "rect",
                           {{"class", "swatch"}, {"x", "0.3"}, {"y", "0.3"}, {"width", "6.4"}, {"height", "3.9"}}),
                layers[i]);
    }
  }
}

// The venue symbol of the map, a diamond, as a legend swatch.
void venue_swatch(pugi::xml_node parent) {
  add_style(xml::child(swatch_svg(parent, "venue"), "polygon",
                       {{"class", "swatch"}, {"points", "3.5,0.75 5,2.25 3.5,3.75 2,2.25"}}),
            kVenue);
}

void text_sample(pugi::xml_node parent, const std::string& text, const TextStyle& s) {
  pugi::xml_node svg = swatch_svg(parent, "");
  svg.append_attribute("font-family") = "DejaVu Sans, Arial, sans-serif";
  pugi::xml_node t = xml::child(
      svg, "text", {{"x", "3.5"}, {"y", "3.4"}, {"font-size", fmt::format("{:g}", s.size)}, {"fill", s.colour}});
  if (s.bold) t.append_attribute("font-weight") = "bold";
  t.append_attribute("text-anchor") = "middle";
  t.text().set(text.c_str());
}

// Ward names, each only where it fits inside its ward (on one line or two),
// so a name cannot be read as the neighbour's, and where it can, clear of the
// hotspots. The wards holding numbered hotspots come first and try harder
// (points across the ward, then any place whose centre is in the ward), so the
// ward of every numbered hotspot is named.
// The WardSet's prepared polygons: the report is drawn on the run's own thread.
void label_wards(const GeosContext& ctx, SvgMap& map, const std::vector<Ward>& wards, const WardSet& shapes,
                 const std::vector<std::size_t>& first, const GEOSGeometry* hotspots) {
  GeomPtr prepared_source = hotspots ? own(ctx, GEOSGeom_clone_r(ctx.get(), hotspots), "hotspots") : GeomPtr(nullptr, GeomDeleter{nullptr});
  const GEOSPreparedGeometry* busy = hotspots ? GEOSPrepare_r(ctx.get(), prepared_source.get()) : nullptr;
  const auto world_box = [&](const Box& b) {
    const Bounds r = map.to_world(b);
    return own(ctx, GEOSGeom_createRectangle_r(ctx.get(), r.min_x, r.min_y, r.max_x, r.max_y), "box");
  };
  const auto clear_of_hotspots = [&](const Box& b) {
    return !busy || !predicate_result(ctx, GEOSPreparedIntersects_r(ctx.get(), busy, world_box(b).get()), "label on hotspots");
  };
  std::vector<std::size_t> order = first;
  for (std::size_t w = 0; w < wards.size(); ++w)
    if (std::find(first.begin(), first.end(), w) == first.end()) order.push_back(w);
  for (const std::size_t w : order) {
    const bool priority = std::find(first.begin(), first.end(), w) != first.end();
    const auto inside = [&](const Box& b) {
      return predicate_result(ctx, GEOSPreparedContains_r(ctx.get(), shapes.prepared(w), world_box(b).get()), "label fit");
    };
    const MapPoint at = interior_point(ctx, map, shapes.geom(w));
    std::vector<MapPoint> near{at, {at.x, at.y - 3.2}, {at.x, at.y + 3.2}};
    if (priority) {  // a 7 x 7 lattice over the ward's extent, nearest the interior point first
      const auto [x0, y0, x1, y1] = envelope(ctx, shapes.geom(w));
      std::vector<MapPoint> lattice;
      for (int i = 1; i <= 7; ++i)
        for (int j = 1; j <= 7; ++j) lattice.push_back(map.to_map(x0 + (x1 - x0) * i / 8.0, y0 + (y1 - y0) * j / 8.0));
      std::stable_sort(lattice.begin(), lattice.end(), [&](const MapPoint& a, const MapPoint& b) {
        return std::hypot(a.x - at.x, a.y - at.y) < std::hypot(b.x - at.x, b.y - at.y);
      });
      near.insert(near.end(), lattice.begin(), lattice.end());
    }
    const std::string& name = wards[w].name;
    const std::vector<std::vector<std::string>> layouts =
        two_lines(name).size() == 2 ? std::vector<std::vector<std::string>>{{name}, two_lines(name)}
                                    : std::vector<std::vector<std::string>>{{name}};
    bool placed = false;
    for (const auto& fits : std::vector<std::function<bool(const Box&)>>{
             [&](const Box& b) { return inside(b) && clear_of_hotspots(b); }, inside})
      for (const auto& lines : layouts)
        if (!placed) placed = map.label(near, lines, kWardName, "ward-name", at, fits, SvgMap::Leader::Never);
    if (!placed && priority) {  // a name that sticks out of its ward, its middle inside, beats no name
      const auto centred = [&](const Box& b) {
        const MapPoint mid{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
        const Bounds r = map.to_world(Box{mid.x, mid.y, mid.x, mid.y});
        const GeomPtr p = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), r.min_x, r.min_y), "point");
        return predicate_result(ctx, GEOSPreparedContains_r(ctx.get(), shapes.prepared(w), p.get()), "label centre");
      };
      for (const auto& lines : layouts)
        if (!placed) placed = map.label(near, lines, kWardName, "ward-name", at, centred, SvgMap::Leader::Never);
    }
  }
  if (busy) GEOSPreparedGeom_destroy_r(ctx.get(), busy);
}

// Context names, sparingly: one label per name, on its longest feature, the
// longest first, at most kContextLabels, none on a feature too short on paper.
void label_context(const GeosContext& ctx, SvgMap& map, const MapContext& context) {
  std::map<std::string, std::pair<double, const GEOSGeometry*>> named;
  for (const ContextFeature& f : context.features) {
    if (f.label.empty()) continue;
    double size = 0;
    if (is_polygonal(ctx, f.geom.get())) GEOSArea_r(ctx.get(), f.geom.get(), &size), size = std::sqrt(size);
    else GEOSLength_r(ctx.get(), f.geom.get(), &size);
    auto& best = named[f.label];
    if (size > best.first) best = {size, f.geom.get()};
  }
  std::vector<std::pair<double, std::string>> by_size;
  for (const auto& [name, best] : named) by_size.emplace_back(-best.first, name);
  std::sort(by_size.begin(), by_size.end());
  std::size_t placed = 0;
  for (const auto& [size, name] : by_size) {
    if (placed == kContextLabels || -size * map.mm_per_metre() < 15) break;
    const MapPoint at = interior_point(ctx, map, named[name].second);
    if (map.label({at, {at.x, at.y - 3}, {at.x, at.y + 3}}, {name}, kContextName, "context-name", at)) ++placed;
  }
}

// The legend of what one map shows, its swatches drawn from the map's styles.
void map_legend(pugi::xml_node parent, const KdeConfig& kde, bool hotspots, bool numbered, bool venues,
                const MapContext& context, const std::vector<const MapClass*>& classes, bool ringed) {
  const pugi::xml_node legend = html::el(parent, "ul", {{"class", "legend"}});
  if (hotspots) {
    const pugi::xml_node li = html::el(legend, "li");
    swatch(li, {kWardFill, kHotspot}, "hotspot");
    html::text(li, kde.classes == HotspotClasses::Coverage ? fmt::format("Forecast hotspot (top {:g}% of squares)", kde.coverage * 100)
                                                           : std::string("Hotspot (widest class)"));
  }
  for (const MapClass* c : classes) {
    const pugi::xml_node li = html::el(legend, "li");
    swatch(li, {kWardFill, kHotspot, c->style}, std::string("space-time-") + c->key);
    html::text(li, c->legend);
  }
  if (ringed) {
    const pugi::xml_node li = html::el(legend, "li");
    swatch(li, {kWardFill, kHotspotRing}, "hotspot-ring");
    html::text(li, "Ring round a hotspot too small to see");
  }
  if (numbered) {
    const pugi::xml_node li = html::el(legend, "li");
    text_sample(li, "3", kHotspotId);
    html::text(li, kde.classes == HotspotClasses::Coverage
                       ? fmt::format("Hotspot number (the table's top {})", reported_hotspots(kde))
                       : std::string("Hotspot number, as in the table"));
  }
  if (venues) {
    const pugi::xml_node li = html::el(legend, "li");
    venue_swatch(li);
    html::text(li, "Chosen venue, V1 first in the programme");
  }
  if (!context.features.empty()) {
    const MapStyle style = context_style(context.kind);
    const pugi::xml_node li = html::el(legend, "li");
    swatch(li, {kWardFill, style}, "context", style.fill == "none");
    html::text(li, context_name(context.kind));
  }
  const pugi::xml_node li = html::el(legend, "li");
  swatch(li, {kWardFill, kWardLine}, "ward-line");
  html::text(li, "Ward boundary");
}

}  // namespace

void legend_swatch(pugi::xml_node parent, const std::vector<MapStyle>& layers, const std::string& key) {
  swatch(parent, layers, key);
}

MapStyle ward_line_style() { return kWardLine; }

MapContext load_map_context(const RunInputs& run) {
  const ContextConfig& c = run.cfg.context;
  if (c.path.empty()) return {};
  return MapContext{c.kind, read_context(run.geos, ContextSource{c.path, c.layer, c.crs, c.label_field}, run.cfg.crs,
                                         run.ward_set->extent())};
}

ReportMap theme_map(const RunInputs& run, const ReportSources& src, std::size_t t, const MapContext& context, double max_width,
                    double max_height) {
  const GeosContext& ctx = run.geos;
  SvgMap map(ctx, run.ward_set->extent(), max_width, max_height);
  const WardSet& wards = *run.ward_set;
  for (std::size_t w = 0; w < wards.size(); ++w) map.polygon(wards.geom(w), kWardFill, "ward", run.wards.wards[w].name);
  const MapStyle ctx_style = context_style(context.kind);
  for (const ContextFeature& f : context.features) {
    if (is_polygonal(ctx, f.geom.get()) && ctx_style.fill != "none") map.polygon(f.geom.get(), ctx_style, "context", f.label);
    else map.lines(f.geom.get(), ctx_style, "context");
  }
  for (std::size_t w = 0; w < wards.size(); ++w) map.lines(wards.geom(w), kWardLine, "ward-line");

  const std::vector<HotspotShape>& hotspots = src.hotspots(t);
  for (const HotspotShape& h : hotspots) map.polygon(h.geom.get(), kHotspot, "hotspot", h.label);
  // New, persistent, ...: an outline per space-time class over the fill.
  std::vector<const MapClass*> classes;
  for (const MapClass& st : kSpaceTime)
    for (const HotspotShape& h : hotspots)
      if (space_time_style(h) == &st) {
        map.lines(h.geom.get(), st.style, std::string("space-time-") + st.key);
        if (std::find(classes.begin(), classes.end(), &st) == classes.end()) classes.push_back(&st);
      }
  // A numbered hotspot too small to see on paper gets a ring round it.
  const int reported = reported_hotspots(run.cfg.kde);
  const auto is_numbered = [&](const HotspotShape& h) { return h.numbered && h.rank >= 1 && h.rank <= reported; };
  bool ringed = false;
  for (const HotspotShape& h : hotspots) {
    if (!is_numbered(h)) continue;
    const auto [x0, y0, x1, y1] = envelope(ctx, h.geom.get());
    if (std::max(x1 - x0, y1 - y0) * map.mm_per_metre() >= kSmallHotspot) continue;
    map.circle((x0 + x1) / 2, (y0 + y1) / 2, kHotspotRingSize, kHotspotRing, "hotspot-ring");
    ringed = true;
  }
  std::vector<std::pair<MapPoint, int>> venues;  // where, order
  for (const VenuePlan& prog : src.plans()) {
    if (prog.themes.size() != 1 || prog.themes[0] != t) continue;
    for (const auto& [v, order] : prog.chosen) {
      map.diamond(run.venues[v].x, run.venues[v].y, kVenueSize, kVenue, "venue",
                  fmt::format("V{}: {}", order, run.venues[v].name));
      venues.emplace_back(map.to_map(run.venues[v].x, run.venues[v].y), order);
    }
  }

  // Labels, most important first: a later one gives way to an earlier one.
  // A hotspot's number sits beside it, never on it, with a leader to it;
  // where it can, clear of every other hotspot too.
  GeomPtr all_hotspots(nullptr, GeomDeleter{nullptr});
  if (!hotspots.empty()) {
    std::vector<GEOSGeometry*> parts;
    for (const HotspotShape& h : hotspots) parts.push_back(GEOSGeom_clone_r(ctx.get(), h.geom.get()));
    GeomPtr collection = own(ctx, GEOSGeom_createCollection_r(ctx.get(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                               static_cast<unsigned>(parts.size())),
                             "hotspots");
    all_hotspots = own(ctx, GEOSUnaryUnion_r(ctx.get(), collection.get()), "hotspots");
  }
  const auto box_geom = [&](const Box& box) {
    // The hotspots' outline is drawn half outside them: a number keeps clear of that too.
    const double pad = kHotspot.stroke_width / 2;
    const Bounds r = map.to_world(Box{box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad});
    return own(ctx, GEOSGeom_createRectangle_r(ctx.get(), r.min_x, r.min_y, r.max_x, r.max_y), "box");
  };
  int numbered = 0;
  std::vector<std::size_t> hotspot_wards;
  for (const HotspotShape& h : hotspots) {
    if (!is_numbered(h)) continue;
    const auto [x0, y0, x1, y1] = envelope(ctx, h.geom.get());
    const MapPoint a = map.to_map(x0, y1), b = map.to_map(x1, y0);  // paper box (y down)
    const double cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2;
    const double hw = std::max((b.x - a.x) / 2, kHotspotRingSize / 2), hh = std::max((b.y - a.y) / 2, kHotspotRingSize / 2);
    const std::string number = std::to_string(h.rank);
    const double tw = text_box(0, 0, number, kHotspotId.size, true, "middle").x1 * 2, th = kHotspotId.size;
    std::vector<MapPoint> candidates;
    for (const double r : {0.8, 2.5, 5.0, 8.0, 12.0})
      for (const auto& [dx, dy] : std::vector<std::pair<double, double>>{{1, 0}, {-1, 0}, {0, -1}, {0, 1},
                                                                         {1, -1}, {1, 1}, {-1, 1}, {-1, -1}})
        candidates.push_back(MapPoint{cx + dx * (hw + r + tw / 2), cy + dy * (hh + r + th / 2)});
    const auto off_own = [&](const Box& box) {
      return !predicate_result(ctx, GEOSIntersects_r(ctx.get(), box_geom(box).get(), h.geom.get()), "number on hotspot");
    };
    const auto off_all = [&](const Box& box) {
      return !predicate_result(ctx, GEOSIntersects_r(ctx.get(), box_geom(box).get(), all_hotspots.get()), "number on hotspots");
    };
    const MapPoint at = interior_point(ctx, map, h.geom.get());
    if (map.label(candidates, {number}, kHotspotId, "hotspot-id", at, off_all, SvgMap::Leader::Always) ||
        map.label(candidates, {number}, kHotspotId, "hotspot-id", at, off_own, SvgMap::Leader::Always))
      ++numbered;
    const std::size_t ward = h.ward;
    if (ward < run.wards.wards.size() && std::find(hotspot_wards.begin(), hotspot_wards.end(), ward) == hotspot_wards.end())
      hotspot_wards.push_back(ward);
  }
  for (const auto& [at, order] : venues) {
    const double r = kVenueSize / 2 + 2.6;
    map.label(around(at, {r, 2 * r, 3 * r}, false), {fmt::format("V{}", order)}, kVenueId, "venue-id", at);
  }
  label_wards(ctx, map, run.wards.wards, wards, hotspot_wards, all_hotspots.get());
  label_context(ctx, map, context);

  ReportMap out;
  map.finish(out.svg, run.cfg.taxonomy.themes[t].label + " hotspots map");
  out.width_mm = map.width_mm();
  out.height_mm = map.height_mm();
  map_legend(out.legend, run.cfg.kde, !hotspots.empty(), numbered > 0, !venues.empty(), context, classes, ringed);
  return out;
}

}  // namespace hotspot
