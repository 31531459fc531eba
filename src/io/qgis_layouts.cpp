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
constexpr int kPage = 65638, kMap = 65639, kPicture = 65640, kLabel = 65641, kLegend = 65642, kScaleBar = 65646;
constexpr double kPageW = 297, kPageH = 210;  // A4 landscape, mm

struct Box {
  double x, y, w, h;
};

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

// The legend's type and spacing at full size (points, mm). A legend with more
// rows than fit beside the map is drawn smaller, by one factor for all (see
// legend_scale), so it never runs off the page.
struct LegendStyle {
  const char* name;
  const char* margin;  // the style's space before (after, for the title), mm
  double space;
  double points;
  bool bold;
};
constexpr LegendStyle kLegendStyles[] = {{"title", "marginBottom", 2, 11, true},
                                         {"group", "marginTop", 2, 9, true},
                                         {"subgroup", "marginTop", 2, 8, true},  // a layer's title
                                         {"symbol", "marginTop", 1.5, 8, false},
                                         {"symbolLabel", "marginTop", 1.5, 7, false}};
constexpr double kSymbolW = 7, kSymbolH = 4, kBoxSpace = 2;
constexpr double kMmPerPoint = 25.4 / 72;
// The legend's column beside the map: from below the title to above the footer.
constexpr double kLegendX = 215, kLegendY = 27, kLegendW = 72, kLegendH = 165;
// Characters a line holds at full size: a layer's title (8 pt bold) and a
// symbol's label (7 pt, after the symbol), with room to spare for wide letters.
constexpr std::size_t kTitleChars = 32, kLabelChars = 40;

void legend_styles(pugi::xml_node legend, double scale) {
  pugi::xml_node styles = legend.append_child("styles");
  for (const LegendStyle& st : kLegendStyles) {
    pugi::xml_node e = child(styles, "style", {{"name", st.name}, {st.margin, num(st.space * scale)}, {"alignment", "1"},
                                              {"indent", "0"}});
    if (std::string(st.name) == "symbolLabel") e.append_attribute("marginLeft").set_value(num(2 * scale).c_str());
    child(e, "styleFont", {{"description", font(std::max(5.0, st.points * scale), st.bold)}, {"style", ""}});
  }
}

// `text` broken into lines of at most `width` characters at spaces (a word
// longer than that keeps its line), after any ": " first, so "Theme: layer"
// puts the layer on a line of its own when the whole does not fit.
std::vector<std::string> wrapped(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  const std::size_t colon = text.find(": ");
  if (text.size() > width && colon != std::string::npos) {
    lines = wrapped(text.substr(0, colon + 1), width);
    for (std::string& l : wrapped(text.substr(colon + 2), width)) lines.push_back(std::move(l));
    return lines;
  }
  std::string line;
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    const std::string word = text.substr(at, end - at);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    at = end + 1;
  }
  lines.push_back(line);
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

// A layer as its legend shows it: its title (without the map theme's name,
// which the layout's title gives) and how many entries its style lists.
struct LegendLayer {
  const ProjectLayer* layer;
  std::vector<std::string> title;
  std::size_t entries = 0;       // rows below the title (a single symbol sits beside it: none)
  std::size_t raster_items = 0;  // a pseudocolour raster's classes
  std::vector<std::string> long_labels;  // entries past kLabelChars, wrapped: "index|label"
};

// The entries a layer's style lists in a legend, and the labels too long for one line.
void count_entries(LegendLayer& l) {
  pugi::xml_document style;
  if (!style.load_string(l.layer->style_xml.c_str())) return;
  std::vector<std::string> labels;
  if (const pugi::xml_node shader = style.select_node("//colorrampshader").node()) {
    for (const pugi::xml_node item : shader.children("item")) labels.push_back(item.attribute("label").value());
    l.raster_items = labels.size();
  } else if (const pugi::xml_node renderer = style.select_node("//renderer-v2").node()) {
    const std::string type = renderer.attribute("type").value();
    if (type == "categorizedSymbol")
      for (const pugi::xml_node c : renderer.child("categories").children("category"))
        labels.push_back(c.attribute("label").value());
    else if (type == "graduatedSymbol")
      for (const pugi::xml_node r : renderer.child("ranges").children("range"))
        labels.push_back(r.attribute("label").value());
    else if (type == "RuleRenderer")
      for (const pugi::xpath_node r : renderer.select_nodes(".//rule[@symbol]"))
        labels.push_back(r.node().attribute("label").value());
  }
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::vector<std::string> lines = wrapped(labels[i], kLabelChars);
    l.entries += lines.size();
    // The raster's first legend entry is its band name, hidden (node-order), so its classes start at 1.
    if (lines.size() > 1) l.long_labels.push_back(fmt::format("{}|{}", i + (l.raster_items ? 1 : 0), joined(lines)));
  }
}

// The height, in mm, the legend's content needs at full size.
double legend_height(const std::vector<LegendLayer>& layers) {
  const auto line = [](const char* style) {
    for (const LegendStyle& st : kLegendStyles)
      if (std::string(st.name) == style) return st.points * kMmPerPoint * 1.2;
    return 0.0;
  };
  double h = 2 * kBoxSpace + line("title") + 2;
  for (const LegendLayer& l : layers) {
    const double title = static_cast<double>(l.title.size()) * line("subgroup");
    h += 2 + (l.entries == 0 ? std::max(kSymbolH, title) : title);
    h += static_cast<double>(l.entries) * (1.5 + std::max(kSymbolH, line("symbolLabel")));
  }
  return h;
}

// The factor every size of the legend is drawn at: 1, or less when its rows
// would not fit the column beside the map.
double legend_scale(const std::vector<LegendLayer>& layers) {
  return std::min(1.0, kLegendH / legend_height(layers));
}

// <customproperties> as QGIS 3.22 writes them: an Option map.
void custom_properties(pugi::xml_node node, const std::vector<std::pair<std::string, std::string>>& properties) {
  pugi::xml_node map = child(child(node, "customproperties"), "Option", {{"type", "Map"}});
  for (const auto& [name, value] : properties) child(map, "Option", {{"type", "QString"}, {"name", name}, {"value", value}});
}

// The legend of a layout: the map theme's layers only, in layer-tree order,
// filtered by the map's content (a class no feature on the map has is not
// listed), titles without the theme's name and wrapped to the column, a
// raster's band name left out, and everything drawn smaller when the rows
// would not fit beside the map.
void legend(pugi::xml_node lay, const Project& p, const PrintLayout& l, const std::string& uuid, const std::string& map_uuid) {
  std::vector<LegendLayer> shown;
  for (const MapTheme& t : p.map_themes) {
    if (t.name != l.map_theme) continue;
    auto add = [&](const ProjectLayer& pl) {
      if (std::find(t.layer_ids.begin(), t.layer_ids.end(), pl.id) == t.layer_ids.end()) return;
      const std::string prefix = t.name + ": ";
      const std::string title = pl.name.rfind(prefix, 0) == 0 ? pl.name.substr(prefix.size()) : pl.name;
      LegendLayer ll{&pl, wrapped(title, kTitleChars), 0, 0, {}};
      count_entries(ll);
      shown.push_back(std::move(ll));
    };
    for (const std::string& g : p.group_order)
      for (const ProjectLayer& pl : p.layers)
        if (!g.empty() && pl.group == g) add(pl);
    for (const ProjectLayer& pl : p.layers)
      if (pl.group.empty()) add(pl);
  }
  const double scale = legend_scale(shown);
  pugi::xml_node legend = item(lay, kLegend, uuid, {kLegendX, kLegendY, kLegendW, kLegendH}, 2, true);
  for (const auto& [k, v] : std::initializer_list<std::pair<const char*, std::string>>{
           {"title", "Legend"}, {"map_uuid", map_uuid}, {"resizeToContents", "1"}, {"columnCount", "1"},
           {"symbolWidth", num(kSymbolW * scale)}, {"symbolHeight", num(kSymbolH * scale)},
           {"boxSpace", num(kBoxSpace)}, {"wrapChar", ""}, {"legendFilterByMap", "1"}})
    legend.append_attribute(k).set_value(v.c_str());
  legend_styles(legend, scale);
  pugi::xml_node tree = legend.append_child("layer-tree-group");
  for (const LegendLayer& ll : shown) {
    const ProjectLayer& pl = *ll.layer;
    pugi::xml_node node = child(tree, "layer-tree-layer",
                                {{"id", pl.id}, {"name", pl.name}, {"source", pl.file},
                                 {"providerKey", !pl.provider.empty() ? pl.provider : pl.raster ? "gdal" : "ogr"},
                                 {"checked", "Qt::Checked"}, {"expanded", "1"}});
    std::vector<std::pair<std::string, std::string>> props{{"legend/title-label", joined(ll.title)}};
    if (ll.raster_items) {  // entry 0 is "Band 1: <description>": the classes only
      std::vector<std::string> order;
      for (std::size_t i = 1; i <= ll.raster_items; ++i) order.push_back(std::to_string(i));
      props.emplace_back("legend/node-order", fmt::format("{}", fmt::join(order, ",")));
    }
    for (const std::string& entry : ll.long_labels) {
      const std::size_t bar = entry.find('|');
      props.emplace_back("legend/label-" + entry.substr(0, bar), entry.substr(bar + 1));
    }
    custom_properties(node, props);
  }
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

  legend(lay, p, l, uuid("legend"), uuid("map"));

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
