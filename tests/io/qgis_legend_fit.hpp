#pragma once
// How tall a print layout's legend in tasking.qgs draws, read from the XML
// alone: QGIS sizes a legend to its content (resizeToContents), so the item's
// declared size says nothing; what it holds does. Counted as QGIS lays a legend
// out: the title, then per layer its title lines (legend/title-label) and one
// row per entry of its renderer (categories, ranges, rules with a symbol, a
// raster's colour ramp items as legend/node-order lists them), each row the
// taller of the symbol and its label's lines, after its style's margin. A
// line of type is 1.25 times its point size (a little over Qt's metrics), so
// the estimate errs tall.
#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>

namespace hotspot::test {

struct LegendStyleXml {
  double points = 0;  // from the QFont description "family,size,..."
  double margin = 0;  // marginTop (marginBottom for the title), mm
};

inline std::map<std::string, LegendStyleXml> legend_styles_xml(pugi::xml_node legend) {
  std::map<std::string, LegendStyleXml> out;
  for (pugi::xml_node st : legend.child("styles").children("style")) {
    const std::string font = st.child("styleFont").attribute("description").value();
    const std::size_t comma = font.find(',');
    LegendStyleXml s;
    s.points = comma == std::string::npos ? 0 : std::atof(font.c_str() + comma + 1);
    s.margin = st.attribute(std::string(st.attribute("name").value()) == "title" ? "marginBottom" : "marginTop").as_double();
    out[st.attribute("name").value()] = s;
  }
  return out;
}

// The value of customproperty `name` of a legend's layer node; empty when unset.
inline std::string legend_property(pugi::xml_node layer_node, const std::string& name) {
  for (pugi::xml_node o : layer_node.child("customproperties").child("Option").children("Option"))
    if (name == o.attribute("name").value()) return o.attribute("value").value();
  return {};
}

inline std::size_t lines_of(const std::string& text) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// The height and width, in mm, legend item `legend` of the project `root`
// draws at. In columns (columnCount, layers split between them), a column
// holds its share of the rows and at most one layer title and row more; a
// column is as wide as its widest line (a mean character of 0.55 em, bold 0.6).
struct LegendSize {
  double height = 0, width = 0;
};

inline LegendSize legend_drawn_size(pugi::xml_node root, pugi::xml_node legend) {
  const auto styles = legend_styles_xml(legend);
  const auto line = [&](const char* style) { return styles.at(style).points * 25.4 / 72 * 1.25; };
  const auto chars = [&](const char* style, std::size_t n, double em) {
    return static_cast<double>(n) * em * styles.at(style).points * 25.4 / 72;
  };
  const double symbol = legend.attribute("symbolHeight").as_double();
  const double symbol_w = legend.attribute("symbolWidth").as_double();
  const double box = legend.attribute("boxSpace").as_double();
  const int columns = std::max(1, legend.attribute("columnCount").as_int());
  double rows_total = 0, largest_item = 0, column_w = 0;
  for (pugi::xml_node node : legend.child("layer-tree-group").children("layer-tree-layer")) {
    pugi::xml_node layer;  // <maplayer> holds its id as a child element
    for (pugi::xml_node m : root.child("projectlayers").children("maplayer"))
      if (std::string(m.child_value("id")) == node.attribute("id").value()) layer = m;
    std::string title = legend_property(node, "legend/title-label");
    if (title.empty()) title = node.attribute("name").value();
    std::size_t entries = 0;
    double rows = 0;
    const auto add_row = [&](std::size_t index, const std::string& label) {
      const std::string wrapped = legend_property(node, "legend/label-" + std::to_string(index));
      const std::string text = wrapped.empty() ? label : wrapped;
      const double h = styles.at("symbol").margin + std::max(symbol, static_cast<double>(lines_of(text)) * line("symbolLabel"));
      rows += h;
      largest_item = std::max(largest_item, h);
      std::size_t longest = 0, start = 0;
      for (std::size_t end = text.find('\n'); ; end = text.find('\n', start)) {
        longest = std::max(longest, (end == std::string::npos ? text.size() : end) - start);
        if (end == std::string::npos) break;
        start = end + 1;
      }
      column_w = std::max(column_w, symbol_w + 2 + chars("symbolLabel", longest, 0.55));
      ++entries;
    };
    if (const pugi::xml_node ramp = layer.select_node(".//colorrampshader").node()) {
      std::size_t i = 1;  // entry 0 is the band, left out by legend/node-order
      for (pugi::xml_node item : ramp.children("item")) add_row(i++, item.attribute("label").value());
    } else if (const pugi::xml_node r = layer.child("renderer-v2")) {
      std::size_t i = 0;
      for (pugi::xml_node c : r.child("categories").children("category")) add_row(i++, c.attribute("label").value());
      for (pugi::xml_node c : r.child("ranges").children("range")) add_row(i++, c.attribute("label").value());
      for (pugi::xpath_node c : r.select_nodes(".//rule[@symbol]")) add_row(i++, c.node().attribute("label").value());
    }
    const double title_h = static_cast<double>(lines_of(title)) * line("subgroup");
    const double head = styles.at("subgroup").margin + (entries == 0 ? std::max(symbol, title_h) : title_h);
    largest_item = std::max(largest_item, head);
    rows_total += head + rows;
    std::size_t longest = 0;
    for (std::size_t start = 0, end = 0; end != std::string::npos; start = end + 1) {
      end = title.find('\n', start);
      longest = std::max(longest, (end == std::string::npos ? title.size() : end) - start);
    }
    column_w = std::max(column_w, chars("subgroup", longest, 0.6));
  }
  LegendSize size;
  const double top = 2 * box + line("title") + styles.at("title").margin;
  size.height = top + (columns == 1 ? rows_total : rows_total / columns + 2 * largest_item);
  size.width = 2 * box + columns * column_w + (columns - 1) * legend.attribute("columnSpace").as_double();
  return size;
}

}  // namespace hotspot::test
