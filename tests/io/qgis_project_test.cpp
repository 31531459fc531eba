// tasking.qgs and .qml: well-formed whatever the names hold (pugixml escapes),
// the same bytes on every call, and the parts QGIS needs to open without a dialog.
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "io/qgis_legend_fit.hpp"
#include "io/qgis_project.hpp"
#include "io/qgis_style.hpp"

using namespace hotspot;

namespace {

Project awkward_project() {
  Project p;
  p.title = "Barking & Dagenham: <tasking> \"pack\" 'Q1'";
  p.extent = {540000, 180000, 550000, 190000};
  p.period = "2025-Q1 (2025-01..2025-03)";
  p.marking = "OFFICIAL-SENSITIVE & <restricted>";
  p.group_order = {"Anti-social & <other>", "Wards"};
  p.open_groups = {"Wards"};
  LayerStyle st;
  st.renderer = "categorizedSymbol";
  st.attribute = "if(\"a\" < 3 & \"b\" > 'x', 1, 0)";
  st.classes.push_back({"1", "", "A < B & \"C\"", {}});
  st.label_field = "label";
  ProjectLayer l;
  l.id = "hotspot_layer_asb";
  l.name = "ASB & <hotspots>";
  l.file = "./hotspots_asb.geojson";
  l.group = "Anti-social & <other>";
  l.geometry = "Polygon";
  l.style_xml = vector_style_xml(st);
  l.labels = true;
  l.abstract = "Counts < 3 are \"suppressed\" & hatched";
  l.named_styles.emplace_back("overview", vector_style_xml(st));
  p.layers.push_back(l);
  ProjectLayer w = l;
  w.id = "hotspot_layer_wards";
  w.name = "Wards";
  w.group = "Wards";
  w.named_styles.clear();
  p.layers.push_back(w);
  p.map_themes.push_back({"Anti-social & <other>", {l.id, w.id}, {}});
  p.map_themes.push_back({"Overview", {l.id, w.id}, {{l.id, "overview"}}});
  for (const MapTheme& m : p.map_themes) p.layouts.push_back({m.name, "Title & <more>", m.name});
  return p;
}

// Three map themes over `layers` categorised layers each, of `classes`
// classes with labels of two lines (`long_labels`) or one, plus the wards in
// every theme: a legend of many rows, as a theme with venues, catchments,
// hotspots, clusters, Gi* and a surface has.
Project crowded_project(int layers, int classes, bool long_labels) {
  Project p;
  p.title = "Crowded";
  p.extent = {540000, 180000, 550000, 190000};
  p.period = "2025-01";
  LayerStyle st;
  st.renderer = "categorizedSymbol";
  st.attribute = "class";
  for (int c = 0; c < classes; ++c)
    st.classes.push_back({.value_or_lower = std::to_string(c), .upper = "",
                          .label = "Class " + std::to_string(c) +
                                   (long_labels ? ": a label long enough to wrap onto a second line" : ": 12 to 25"),
                          .symbol = {}});
  ProjectLayer w;
  w.id = "wards";
  w.name = "Wards";
  w.group = "Wards";
  w.geometry = "Polygon";
  LayerStyle single;
  single.renderer = "singleSymbol";
  w.style_xml = vector_style_xml(single);
  for (const char* theme : {"Violence", "Anti-social behaviour", "Burglary"}) {
    p.group_order.push_back(theme);
    MapTheme m{theme, {}, {}};
    for (int i = 0; i < layers; ++i) {
      ProjectLayer l;
      l.id = std::string(theme) + "_" + std::to_string(i);
      l.name = std::string(theme) + ": layer " + std::to_string(i) + " with a title that needs more than one line";
      l.file = "./" + l.id + ".geojson";
      l.group = theme;
      l.geometry = "Polygon";
      l.style_xml = vector_style_xml(st);
      p.layers.push_back(l);
      m.layer_ids.push_back(l.id);
    }
    m.layer_ids.push_back(w.id);
    p.map_themes.push_back(m);
    p.layouts.push_back({theme, theme, theme});
  }
  p.group_order.push_back("Wards");
  p.layers.push_back(w);
  return p;
}

}  // namespace

TEST_CASE("QGIS layouts: one per map theme, each legend lists that theme's layers and fits the page",
          "[writers][qgis][issue26]") {
  // Full size; smaller type (at full size 6 x 6 runs 240 mm tall); two columns.
  for (const auto& [layers, classes, long_labels] : {std::tuple{1, 3, false}, std::tuple{6, 6, true},
                                                      std::tuple{9, 8, false}}) {
    INFO(layers << " layers of " << classes << " classes per theme" << (long_labels ? ", labels of two lines" : ""));
    const Project p = crowded_project(layers, classes, long_labels);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(project_xml(p).c_str()));
    const pugi::xml_node root = doc.child("qgis");
    std::size_t n = 0;
    for (pugi::xml_node l : root.child("Layouts").children("Layout")) {
      ++n;
      const std::string name = l.attribute("name").value();
      INFO("layout " << name);
      const pugi::xml_node map = l.find_child_by_attribute("LayoutItem", "type", "65639");
      CHECK(std::string(map.attribute("followPresetName").value()) == name);
      CHECK(std::string(map.attribute("followPreset").value()) == "true");
      const pugi::xml_node legend = l.find_child_by_attribute("LayoutItem", "type", "65642");
      REQUIRE(legend);
      CHECK(std::string(legend.attribute("legendFilterByMap").value()) == "1");  // only what the map shows
      // Its layers are exactly its map theme's (visible-layers of the preset).
      std::vector<std::string> listed, theme;
      for (pugi::xml_node t : legend.child("layer-tree-group").children("layer-tree-layer"))
        listed.push_back(t.attribute("id").value());
      for (pugi::xml_node t : root.child("visibility-presets").find_child_by_attribute("name", name.c_str()).children("layer"))
        theme.push_back(t.attribute("id").value());
      std::sort(listed.begin(), listed.end());
      std::sort(theme.begin(), theme.end());
      CHECK(listed == theme);
      // Drawn, it ends above the footer (y = 196 mm on the 210 mm page) and stays legible.
      const std::string position = legend.attribute("position").value();  // "x,y,mm"
      const double top = std::stod(position.substr(position.find(',') + 1));
      const double left = std::stod(position.substr(0, position.find(',')));
      const test::LegendSize size = test::legend_drawn_size(root, legend);
      INFO("legend " << size.width << " x " << size.height << " mm at (" << left << ", " << top << "), in "
                     << legend.attribute("columnCount").value() << " column(s)");
      CHECK(top + size.height <= 196);
      CHECK(left + size.width <= 292);  // within the page's 5 mm margin
      for (pugi::xml_node st : legend.child("styles").children("style"))
        CHECK(test::legend_styles_xml(legend).at(st.attribute("name").value()).points >= 4);
      // A title of the layer without the theme's name, which the layout's title already gives.
      const std::string first = test::legend_property(legend.child("layer-tree-group").child("layer-tree-layer"),
                                                      "legend/title-label");
      CHECK(first.rfind(name, 0) == std::string::npos);
    }
    CHECK(n == p.map_themes.size());
  }
}

TEST_CASE("QGIS project: names with markup characters round-trip through the XML", "[writers][qgis]") {
  const Project p = awkward_project();
  const std::string xml = project_xml(p);
  CHECK(xml == project_xml(p));  // deterministic
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const pugi::xml_node root = doc.child("qgis");
  CHECK(std::string(root.attribute("projectname").value()) == p.title);
  CHECK(std::string(root.child_value("title")) == p.title);
  const pugi::xml_node layer = root.child("projectlayers").child("maplayer");
  CHECK(std::string(layer.child_value("layername")) == "ASB & <hotspots>");
  CHECK(std::string(layer.child("resourceMetadata").child_value("abstract")) == "Counts < 3 are \"suppressed\" & hatched");
  CHECK(std::string(layer.child("renderer-v2").attribute("attr").value()) == "if(\"a\" < 3 & \"b\" > 'x', 1, 0)");
  CHECK(std::string(layer.child("renderer-v2").child("categories").child("category").attribute("label").value()) ==
        "A < B & \"C\"");
  CHECK(std::string(root.child("layer-tree-group").child("layer-tree-group").attribute("name").value()) ==
        "Anti-social & <other>");
}

TEST_CASE("QGIS project: transform context, saved view, map themes and layouts", "[writers][qgis]") {
  const Project p = awkward_project();
  pugi::xml_document doc;
  REQUIRE(doc.load_string(project_xml(p).c_str()));
  const pugi::xml_node root = doc.child("qgis");
  CHECK(std::string(root.child("projectCrs").child("spatialrefsys").child_value("authid")) == "EPSG:27700");
  const pugi::xml_node op = root.child("transformContext").find_child_by_attribute("srcDest", "allowFallback", "1");
  REQUIRE(op);
  CHECK(std::string(op.child("src").child("spatialrefsys").child_value("authid")) == "EPSG:4326");
  CHECK(std::string(op.child("dest").child("spatialrefsys").child_value("authid")) == "EPSG:27700");
  CHECK(std::string(op.attribute("coordinateOp").value()).find("OSTN15") != std::string::npos);
  CHECK(std::string(root.child("mapcanvas").child("extent").child_value("xmin")) == "540000");
  CHECK(std::string(root.child("ProjectViewSettings").child("DefaultViewExtent").attribute("ymax").value()) == "190000");
  int themes = 0;
  for (pugi::xml_node t : root.child("visibility-presets").children("visibility-preset")) {
    ++themes;
    CHECK(std::distance(t.children("layer").begin(), t.children("layer").end()) == 2);
  }
  CHECK(themes == 2);
  const pugi::xml_node overview = root.child("visibility-presets").find_child_by_attribute("name", "Overview");
  CHECK(std::string(overview.find_child_by_attribute("layer", "id", "hotspot_layer_asb").attribute("style").value()) ==
        "overview");
  int layouts = 0;
  for (pugi::xml_node l : root.child("Layouts").children("Layout")) {
    ++layouts;
    bool map = false, marking = false;
    for (pugi::xml_node item : l.children("LayoutItem")) {
      const std::string type = item.attribute("type").value();
      if (type == "65639")
        map = std::string(item.attribute("followPresetName").value()) == l.attribute("name").value();
      if (type == "65641" && std::string(item.attribute("labelText").value()) == p.marking) marking = true;
    }
    CHECK(map);
    CHECK(marking);
    CHECK(std::string(l.child("PageCollection").child("LayoutItem").attribute("size").value()) == "297,210,mm");
  }
  CHECK(layouts == 2);
}

TEST_CASE("QML document: doctype, one qgis root, labels flag", "[writers][qgis]") {
  LayerStyle st;
  st.renderer = "singleSymbol";
  st.label_field = "name & \"x\"";
  const std::string qml = qml_document(vector_style_xml(st), true);
  CHECK(qml.rfind("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>", 0) == 0);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(qml.c_str()));
  CHECK(std::string(doc.child("qgis").attribute("labelsEnabled").value()) == "1");
  CHECK(std::string(doc.child("qgis").child("labeling").child("settings").child("text-style").attribute("fieldName").value()) ==
        "name & \"x\"");
}
