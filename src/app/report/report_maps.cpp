#include "app/report/report_maps.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

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
// so a name cannot be read as the neighbour's.
// The WardSet's prepared polygons: the report is drawn on the run's own thread.
void label_wards(const GeosContext& ctx, SvgMap& map, const std::vector<Ward>& wards, const WardSet& shapes) {
  for (std::size_t w = 0; w < wards.size(); ++w) {
    const auto fits = [&](const Box& b) {
      const Bounds r = map.to_world(b);
      const GeomPtr rect = own(ctx, GEOSGeom_createRectangle_r(ctx.get(), r.min_x, r.min_y, r.max_x, r.max_y), "box");
      return predicate_result(ctx, GEOSPreparedContains_r(ctx.get(), shapes.prepared(w), rect.get()), "label fit");
    };
    const MapPoint at = interior_point(ctx, map, shapes.geom(w));
    const std::vector<MapPoint> near{at, {at.x, at.y - 3.2}, {at.x, at.y + 3.2}};
    const std::string& name = wards[w].name;
    if (!map.label(near, {name}, kWardName, "ward-name", at, fits) && two_lines(name).size() == 2)
      map.label(near, two_lines(name), kWardName, "ward-name", at, fits);
  }
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
                const MapContext& context) {
  const pugi::xml_node legend = html::el(parent, "ul", {{"class", "legend"}});
  if (hotspots) {
    const pugi::xml_node li = html::el(legend, "li");
    swatch(li, {kWardFill, kHotspot}, "hotspot");
    html::text(li, kde.classes == HotspotClasses::Coverage ? fmt::format("Hotspot (top {:g}% forecast)", kde.coverage * 100)
                                                           : std::string("Hotspot (widest class)"));
  }
  if (numbered) {
    const pugi::xml_node li = html::el(legend, "li");
    text_sample(li, "3", kHotspotId);
    html::text(li, "Hotspot number, as in the table");
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
  int numbered = 0;
  for (const HotspotShape& h : hotspots) {
    if (h.rank < 1 || h.rank > kReportedHotspots) continue;
    const MapPoint at = interior_point(ctx, map, h.geom.get());
    if (map.label(around(at, {4.5, 9}), {std::to_string(h.rank)}, kHotspotId, "hotspot-id", at)) ++numbered;
  }
  for (const auto& [at, order] : venues) {
    const double r = kVenueSize / 2 + 2.6;
    map.label(around(at, {r, 2 * r, 3 * r}, false), {fmt::format("V{}", order)}, kVenueId, "venue-id", at);
  }
  label_wards(ctx, map, run.wards.wards, wards);
  label_context(ctx, map, context);

  ReportMap out;
  map.finish(out.svg, run.cfg.taxonomy.themes[t].label + " hotspots map");
  map_legend(out.legend, run.cfg.kde, !hotspots.empty(), numbered > 0, !venues.empty(), context);
  return out;
}

}  // namespace hotspot
