// tasking.qgs and .qml: well-formed whatever the names hold (pugixml escapes),
// the same bytes on every call, and the parts QGIS needs to open without a dialog.
#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <string>

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

}  // namespace

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
