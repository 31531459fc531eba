// The print layouts of the sample's tasking.qgs (issue 26 part 7): one per
// map theme, each map following its theme, each legend listing that theme's
// layers only and, drawn, fitting the page beside the map.
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "io/qgis_legend_fit.hpp"
#include "test_support.hpp"

using namespace hotspot;

TEST_CASE("sample tasking.qgs: a layout per map theme, its legend the theme's layers, fitting the page",
          "[e2e][qgis][issue26]") {
  pugi::xml_document doc;
  REQUIRE(doc.load_file((test::sample_pack() / "tasking.qgs").c_str()));
  const pugi::xml_node root = doc.child("qgis");
  std::vector<std::string> themes, layouts;
  for (pugi::xml_node t : root.child("visibility-presets").children("visibility-preset"))
    themes.push_back(t.attribute("name").value());
  for (pugi::xml_node l : root.child("Layouts").children("Layout")) {
    const std::string name = l.attribute("name").value();
    layouts.push_back(name);
    INFO("layout " << name);
    const pugi::xml_node map = l.find_child_by_attribute("LayoutItem", "type", "65639");
    CHECK(std::string(map.attribute("followPresetName").value()) == name);
    const pugi::xml_node legend = l.find_child_by_attribute("LayoutItem", "type", "65642");
    REQUIRE(legend);
    CHECK(std::string(legend.attribute("legendFilterByMap").value()) == "1");
    std::vector<std::string> listed, shown;
    for (pugi::xml_node t : legend.child("layer-tree-group").children("layer-tree-layer"))
      listed.push_back(t.attribute("id").value());
    for (pugi::xml_node t :
         root.child("visibility-presets").find_child_by_attribute("name", name.c_str()).children("layer"))
      shown.push_back(t.attribute("id").value());
    std::sort(listed.begin(), listed.end());
    std::sort(shown.begin(), shown.end());
    CHECK(listed == shown);
    const std::string position = legend.attribute("position").value();  // "x,y,mm"
    const double left = std::stod(position.substr(0, position.find(','))),
                 top = std::stod(position.substr(position.find(',') + 1));
    const test::LegendSize size = test::legend_drawn_size(root, legend);
    INFO("legend " << size.width << " x " << size.height << " mm at (" << left << ", " << top << ")");
    CHECK(top + size.height <= 196);  // above the footer
    CHECK(left + size.width <= 292);
  }
  std::sort(themes.begin(), themes.end());
  std::sort(layouts.begin(), layouts.end());
  CHECK(layouts == themes);
  CHECK(themes.size() >= 3);
}
