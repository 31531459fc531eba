// Inline SVG (map and chart) is a pugixml tree: names with markup characters
// come out escaped, and the SVG parses back to the same text and numbers.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "io/svg_chart.hpp"
#include "io/svg_map.hpp"
#include "io/xml_tree.hpp"

using namespace hotspot;

namespace {

const std::string kAwkward = "Saint <Mary's> & \"Co\"";

std::vector<std::string> texts(const pugi::xml_node& parent, const char* name) {
  std::vector<std::string> out;
  for (pugi::xml_node n : parent.children(name)) out.emplace_back(n.text().get());
  return out;
}

}  // namespace

TEST_CASE("SVG map: titles, labels and the aria label are escaped and read back unchanged", "[svg]") {
  GeosContext ctx;
  // 1000 m square into 100 by 100 mm: (100 - 6 - 8) / 1000 = 0.086 mm a metre, 3 mm pad.
  SvgMap map(ctx, Bounds{0, 0, 1000, 1000}, 100, 100);
  const GeomPtr square = own(ctx, GEOSGeom_createRectangle_r(ctx.get(), 0, 0, 1000, 1000), "square");
  map.polygon(square.get(), MapStyle{"#ffffff", 0.5, "#000000", 0.3, ""}, "ward", kAwkward);
  const MapPoint centre = map.to_map(500, 500);
  REQUIRE(map.label({centre}, {kAwkward, "& more"}, TextStyle{}, "ward-name", centre));
  pugi::xml_document page;
  map.finish(page, "Map of <" + kAwkward + ">");
  const std::string svg = xml::fragment_string(page);

  CHECK(svg.find("<Mary") == std::string::npos);
  CHECK(svg.find("&lt;Mary's&gt; &amp; \"Co\"") != std::string::npos);  // in element text

  pugi::xml_document doc;
  REQUIRE(doc.load_string(svg.c_str()));
  const pugi::xml_node root = doc.child("svg");
  CHECK(std::string(root.attribute("aria-label").value()) == "Map of <" + kAwkward + ">");
  CHECK(std::string(root.attribute("width").value()) == "92.0mm");
  CHECK(std::string(root.attribute("height").value()) == "100.0mm");
  CHECK(std::string(root.attribute("viewBox").value()) == "0 0 92.0 100.0");

  const pugi::xml_node ward = root.find_child_by_attribute("path", "class", "ward");
  CHECK(std::string(ward.child_value("title")) == kAwkward);
  CHECK(std::string(ward.attribute("fill-opacity").value()) == "0.5");
  CHECK(std::string(ward.attribute("d").value()) == "M3.00,89.00L89.00,89.00L89.00,3.00L3.00,3.00Z");

  const pugi::xml_node label = root.find_child_by_attribute("text", "class", "ward-name");
  CHECK(texts(label, "tspan") == std::vector<std::string>{kAwkward, "& more"});
  CHECK(std::string(label.child("tspan").attribute("x").value()) == "46.00");

  // Drawn in layers: background, shapes, labels, then the scale bar and north arrow on top.
  std::vector<std::string> order;
  for (pugi::xml_node n : root.children()) order.push_back(n.attribute("class").value());
  CHECK(order == std::vector<std::string>{"", "ward", "ward-name", "scale", "north"});
}

TEST_CASE("SVG chart: title and series names are escaped, a NaN breaks the line", "[svg]") {
  const ChartSpec spec{"Hits & <misses>", "x \"label\"", "y", {}, 640, 300, true};
  const ChartSeries series{kAwkward, "#123456", {0, 1, 2, 3}, {1, std::nan(""), 3, 2}, true};
  const std::string svg = svg_line_chart(spec, {series});
  CHECK(svg.find("Hits &amp; &lt;misses&gt;") != std::string::npos);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");

  pugi::xml_document doc;
  REQUIRE(doc.load_string(svg.c_str()));
  const pugi::xml_node root = doc.child("svg");
  CHECK(std::string(root.attribute("aria-label").value()) == spec.title);
  CHECK(std::string(root.attribute("viewBox").value()) == "0 0 640 300");
  const std::vector<std::string> all = texts(root, "text");
  CHECK(all.front() == spec.title);
  CHECK(all.back() == kAwkward);
  CHECK(std::find(all.begin(), all.end(), spec.x_label) != all.end());

  int markers = 0;
  for (pugi::xml_node c : root.children("circle")) {
    CHECK(std::string(c.attribute("fill").value()) == "#123456");
    ++markers;
  }
  CHECK(markers == 3);  // the NaN point has none
  const pugi::xml_node line = root.child("path");
  const std::string d = line.attribute("d").value();
  CHECK(std::count(d.begin(), d.end(), 'M') == 2);  // the pen lifts at the NaN
  CHECK(std::string(line.attribute("stroke-dasharray").value()) == "5 3");
}
