// The print layouts of tasking.qgs: per layout an A4 landscape page with the
// map (following its map theme, on the study area), a legend of that theme's
// layers, scale bar, north arrow (QGIS's built-in SVG), title, data period and
// the protective marking at top and bottom. Item ids are derived from the
// layout's name, so the file is the same on every run.
#include <algorithm>
#include <fmt/format.h>
#include <string>
#include <vector>

#include "io/qgis_parts.hpp"
#include "io/xml_tree.hpp"

namespace hotspot::qgis {
namespace {

using xml::child;
using xml::num;

// QgsLayoutItemRegistry item types (QGraphicsItem::UserType + 101 onwards).
constexpr int kPage = 65638, kMap = 65639, kPicture = 65640, kLabel = 65641, kScaleBar = 65646;
constexpr double kPageW = 297, kPageH = 210;  // A4 landscape, mm

}  // namespace

pugi::xml_node item(pugi::xml_node parent, int type, const std::string& uuid, const Box& b, int z, bool background) {
  pugi::xml_node n = child(parent, "LayoutItem",
                           {{"type", std::to_string(type)},
                            {"uuid", uuid},
                            {"templateUuid", uuid},
                            {"id", ""},
                            {"position", fmt::format("{},{},mm", num(b.x), num(b.y))},
                            {"positionOnPage", fmt::format("{},{},mm", num(b.x), num(b.y))},
                            {"size", fmt::format("{},{},mm", num(b.w), num(b.h))},
                            {"referencePoint", "0"},
                            {"zValue", std::to_string(z)},
                            {"visibility", "1"},
                            {"positionLock", "false"},
                            {"frame", "false"},
                            {"background", background ? "true" : "false"},
                            {"opacity", "1"},
                            {"itemRotation", "0"},
                            {"blendMode", "0"},
                            {"excludeFromExports", "0"}});
  child(n, "FrameColor", {{"red", "0"}, {"green", "0"}, {"blue", "0"}, {"alpha", "255"}});
  child(n, "BackgroundColor", {{"red", "255"}, {"green", "255"}, {"blue", "255"}, {"alpha", "255"}});
  return n;
}

std::string font(double point_size, bool bold) {
  // QFont::toString(): family, point size, pixel size, style hint, weight (75 bold), italic, ...
  return fmt::format("Sans Serif,{},-1,5,{},0,0,0,0,0", num(point_size), bold ? 75 : 50);
}

namespace {

// Qt alignment flags.
constexpr int kLeft = 1, kRight = 2, kHCenter = 4, kVCenter = 128;

void label(pugi::xml_node parent, const std::string& uuid, const Box& b, const std::string& text, int point_size,
           bool bold, int halign) {
  pugi::xml_node n = item(parent, kLabel, uuid, b, 10, false);
  n.append_attribute("labelText").set_value(text.c_str());
  n.append_attribute("htmlState").set_value("0");
  n.append_attribute("halign").set_value(halign);
  n.append_attribute("valign").set_value(kVCenter);
  n.append_attribute("marginX").set_value("0");
  n.append_attribute("marginY").set_value("0");
  child(n, "LabelFont", {{"description", font(point_size, bold)}, {"style", ""}});
  child(n, "FontColor", {{"red", "0"}, {"green", "0"}, {"blue", "0"}, {"alpha", "255"}});
}

// The study area, widened to the map item's shape so it is not stretched, with a margin.
Extent fitted(const Extent& e, double item_w, double item_h) {
  const double cx = (e.xmin + e.xmax) / 2, cy = (e.ymin + e.ymax) / 2;
  double w = std::max(1.0, e.xmax - e.xmin) * 1.05, h = std::max(1.0, e.ymax - e.ymin) * 1.05;
  if (w / h > item_w / item_h)
    h = w * item_h / item_w;
  else
    w = h * item_w / item_h;
  return {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
}

// The round length (1, 2 or 5 x 10^k) at or below `around`.
double nice_length(double around) {
  double p = 1;
  while (p * 10 <= around) p *= 10;
  while (p > around && p > 1) p /= 10;
  for (double m : {5.0, 2.0, 1.0})
    if (m * p <= around) return m * p;
  return p;
}

void layout(pugi::xml_node parent, const Project& p, const PrintLayout& l) {
  pugi::xml_node lay = child(parent, "Layout",
                             {{"name", l.name}, {"units", "mm"}, {"printResolution", "300"}, {"worldFileMap", ""}});
  const std::string base = "{hotspot-layout-" + l.name;
  auto uuid = [&](const char* part) { return fmt::format("{}-{}}}", base, part); };
  pugi::xml_node pages = lay.append_child("PageCollection");
  item(pages, kPage, uuid("page"), {0, 0, kPageW, kPageH}, 0, true);

  const Box map_box{10, 27, 200, 168};
  pugi::xml_node map = item(lay, kMap, uuid("map"), map_box, 1, true);
  map.attribute("frame").set_value("true");
  for (const auto& [k, v] : std::initializer_list<std::pair<const char*, const char*>>{
           {"drawCanvasItems", "true"}, {"keepLayerSet", "false"}, {"mapRotation", "0"}, {"followPreset", "true"}})
    map.append_attribute(k).set_value(v);
  map.append_attribute("followPresetName").set_value(l.map_theme.c_str());
  const Extent e = fitted(p.extent, map_box.w, map_box.h);
  child(map, "Extent", {{"xmin", num(e.xmin)}, {"ymin", num(e.ymin)}, {"xmax", num(e.xmax)}, {"ymax", num(e.ymax)}});
  spatialrefsys(map.append_child("crs"), p.crs);
  map.append_child("LayerSet");
  child(map, "AtlasMap", {{"atlasDriven", "0"}, {"scalingMode", "2"}, {"margin", "0.1"}});

  legend(lay, p, l, uuid("legend"), uuid("map"));  // qgis_legend.cpp

  // Two segments of a round length (1, 2 or 5 x 10^k m) about 25 mm long each
  // (numUnitsPerSegment is in map units, labels in km or m).
  const double metres_per_mm = (e.xmax - e.xmin) / map_box.w;
  const double seg = nice_length(25 * metres_per_mm);
  const bool km = seg >= 1000;
  // Scale bar and north arrow sit on the map (bottom left, top right), leaving
  // the whole right column to the legend.
  pugi::xml_node bar = item(lay, kScaleBar, uuid("scalebar"), {12, 181, 58, 12}, 3, true);
  for (const auto& [k, v] : std::initializer_list<std::pair<const char*, std::string>>{
           {"style", "Single Box"}, {"mapUuid", uuid("map")}, {"unitType", km ? "kilometers" : "meters"},
           {"unitLabel", km ? "km" : "m"}, {"numMapUnitsPerScaleBarUnit", km ? "1000" : "1"}, {"numSegments", "2"},
           {"numSegmentsLeft", "0"}, {"numSubdivisions", "1"}, {"segmentSizeMode", "0"},
           {"numUnitsPerSegment", num(seg)}, {"segmentMillimeters", num(seg / metres_per_mm)},
           {"height", "3"}, {"labelBarSpace", "3"}, {"boxContentSpace", "1"}, {"alignment", "0"}})
    bar.append_attribute(k).set_value(v.c_str());
  child(bar, "text-style", {{"fontFamily", "Sans Serif"}, {"fontSize", "8"}, {"fontSizeUnit", "Point"},
                            {"fontWeight", "50"}, {"textColor", "0,0,0,255"}, {"textOpacity", "1"}});

  pugi::xml_node arrow = item(lay, kPicture, uuid("north-arrow"), {196, 29, 12, 18}, 4, false);
  for (const auto& [k, v] : std::initializer_list<std::pair<const char*, std::string>>{
           {"file", ":/images/north_arrows/layout_default_north_arrow.svg"}, {"mode", "0"}, {"resizeMode", "0"},
           {"mapUuid", uuid("map")}, {"northMode", "0"}, {"northOffset", "0"}, {"pictureRotation", "0"},
           {"anchorPoint", "0"}, {"svgFillColor", "255,255,255,255"}, {"svgBorderColor", "0,0,0,255"},
           {"svgBorderWidth", "0.2"}})
    arrow.append_attribute(k).set_value(v.c_str());

  label(lay, uuid("marking-top"), {98.5, 2, 100, 6}, p.marking, 10, true, kHCenter);
  label(lay, uuid("title"), {10, 9, 277, 10}, l.title, 16, true, kLeft);
  label(lay, uuid("period"), {10, 19, 277, 6}, "Data period: " + p.period, 10, false, kLeft);
  label(lay, uuid("source"), {215, 196, 72, 6}, "hotspot tasking pack", 7, false, kRight);
  label(lay, uuid("marking-bottom"), {98.5, 202, 100, 6}, p.marking, 10, true, kHCenter);
}

}  // namespace

void layouts(pugi::xml_node root, const Project& p) {
  pugi::xml_node all = root.append_child("Layouts");
  for (const PrintLayout& l : p.layouts) layout(all, p, l);
}

}  // namespace hotspot::qgis
