// The legend of each print layout: the layers of the layout's map theme only
// (in layer-tree order, filtered by what the map shows), titles without the
// theme's name and wrapped to the column beside the map, and every size drawn
// smaller by one factor when the rows would run off the page. QGIS sizes the
// legend to its content (resizeToContents), so its height is only bounded by
// what it holds: the rows are counted here from the layers' styles.
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

constexpr int kLegend = 65642;  // QgsLayoutItemRegistry::LayoutLegend

// The legend's type and spacing at full size (points, mm). A legend with more
// rows than fit beside the map is drawn smaller, by one factor for all, and in
// two columns when even small type would not fit one (see legend_fit), so it
// never runs off the page.
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
constexpr double kMinPoints = 4, kMinScale = 0.3;
// The legend's column beside the map: from below the title to above the footer
// (kLegendH), and from the map's right edge to the page's margin (kLegendMaxW).
constexpr double kLegendX = 215, kLegendY = 27, kLegendW = 72, kLegendH = 165, kLegendMaxW = 77;
// A character's mean width in Sans, in ems (bold a little wider), and the gap between columns, mm.
constexpr double kCharEm = 0.55, kColumnSpace = 2;
// Characters a line holds at full size: a layer's title (8 pt bold) and a
// symbol's label (7 pt, after the symbol), with room to spare for wide letters.
constexpr std::size_t kTitleChars = 32, kLabelChars = 40;

// A style's type size drawn at `scale`: never below kMinPoints, so it stays legible.
double points_at(const LegendStyle& st, double scale) { return std::max(kMinPoints, st.points * scale); }

void legend_styles(pugi::xml_node legend, double scale) {
  pugi::xml_node styles = legend.append_child("styles");
  for (const LegendStyle& st : kLegendStyles) {
    pugi::xml_node e = child(styles, "style", {{"name", st.name}, {st.margin, num(st.space * scale)}, {"alignment", "1"},
                                              {"indent", "0"}});
    if (std::string(st.name) == "symbolLabel") e.append_attribute("marginLeft").set_value(num(2 * scale).c_str());
    child(e, "styleFont", {{"description", font(points_at(st, scale), st.bold)}, {"style", ""}});
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

const LegendStyle& style_named(std::string_view name) {
  for (const LegendStyle& st : kLegendStyles)
    if (name == st.name) return st;
  return kLegendStyles[0];
}

// The height, in mm, the legend's content needs with every size at `scale`:
// its title, then per layer its title lines and a row per entry (a symbol
// beside its label, the taller of the two), each after its style's margin.
// A line of type is taken as 1.2 times its size, as Qt's font metrics are.
double legend_height(const std::vector<LegendLayer>& layers, double scale) {
  const auto line = [&](std::string_view style) { return points_at(style_named(style), scale) * kMmPerPoint * 1.2; };
  const auto margin = [&](std::string_view style) { return style_named(style).space * scale; };
  const double symbol = kSymbolH * scale;
  double h = 2 * kBoxSpace + line("title") + margin("title");
  for (const LegendLayer& l : layers) {
    const double title = static_cast<double>(l.title.size()) * line("subgroup");
    h += margin("subgroup") + (l.entries == 0 ? std::max(symbol, title) : title);
    h += static_cast<double>(l.entries) * (margin("symbol") + std::max(symbol, line("symbolLabel")));
  }
  return h;
}

// The width, in mm, of a legend in `columns` columns at `scale`: each column
// a symbol and the widest label, or the widest layer title.
double legend_width(double scale, int columns) {
  const auto chars = [&](std::string_view style, std::size_t n, double em) {
    return static_cast<double>(n) * em * points_at(style_named(style), scale) * kMmPerPoint;
  };
  const double column = std::max((kSymbolW + 2) * scale + chars("symbolLabel", kLabelChars, kCharEm),
                                 chars("subgroup", kTitleChars, kCharEm * 1.1));
  return 2 * kBoxSpace + columns * column + (columns - 1) * kColumnSpace;
}

// How the legend is drawn: every size at `scale`, in `columns` columns.
struct LegendFit {
  double scale = 1;
  int columns = 1;
};

// The largest scale (in steps of 0.02) at which the legend fits the space
// beside the map in one column, else in two (its layers split between them).
// Type stops shrinking at kMinPoints, so a legend of very many rows shrinks
// its spacing and symbols further, down to kMinScale.
LegendFit legend_fit(const std::vector<LegendLayer>& layers) {
  // A column of a split legend holds its share of the layers' rows, and at
  // most a layer's title and a row more (QGIS splits between rows).
  const LegendLayer slack{.layer = nullptr, .title = {"", ""}, .entries = 1, .raster_items = 0, .long_labels = {}};
  for (int columns = 1; columns <= 2; ++columns)
    for (double scale = 1; scale >= kMinScale - 1e-9; scale -= 0.02) {
      const double top = legend_height({}, scale);  // the box and the legend's title, above every column
      const double rows = legend_height(layers, scale) - top;
      const double h = columns == 1 ? top + rows : top + rows / columns + (legend_height({slack}, scale) - top);
      if (h <= kLegendH && legend_width(scale, columns) <= kLegendMaxW) return {scale, columns};
    }
  return {kMinScale, 2};
}

// <customproperties> as QGIS 3.22 writes them: an Option map.
void custom_properties(pugi::xml_node node, const std::vector<std::pair<std::string, std::string>>& properties) {
  pugi::xml_node map = child(child(node, "customproperties"), "Option", {{"type", "Map"}});
  for (const auto& [name, value] : properties) child(map, "Option", {{"type", "QString"}, {"name", name}, {"value", value}});
}

}  // namespace

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
      LegendLayer ll{.layer = &pl, .title = wrapped(title, kTitleChars), .entries = 0, .raster_items = 0, .long_labels = {}};
      count_entries(ll);
      shown.push_back(std::move(ll));
    };
    for (const std::string& g : p.group_order)
      for (const ProjectLayer& pl : p.layers)
        if (!g.empty() && pl.group == g) add(pl);
    for (const ProjectLayer& pl : p.layers)
      if (pl.group.empty()) add(pl);
  }
  const LegendFit fit = legend_fit(shown);
  const double scale = fit.scale;
  pugi::xml_node legend = item(lay, kLegend, uuid, {kLegendX, kLegendY, kLegendW, kLegendH}, 2, true);
  for (const auto& [k, v] : std::initializer_list<std::pair<const char*, std::string>>{
           {"title", "Legend"}, {"map_uuid", map_uuid}, {"resizeToContents", "1"},
           {"columnCount", std::to_string(fit.columns)}, {"splitLayer", fit.columns > 1 ? "1" : "0"},
           {"equalColumnWidth", "0"}, {"columnSpace", num(kColumnSpace)},
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


}  // namespace hotspot::qgis
