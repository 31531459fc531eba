#pragma once
// tasking.qgs: a QGIS 3.22 project that opens every layer of a run, styled,
// grouped by theme, with paths relative to the project so the folder can be
// zipped and emailed. It opens on the study area in the project CRS with no
// dialog (the WGS 84 -> project CRS operation is fixed in the transform
// context), and holds one map theme and one A4 print layout per analysis
// theme plus an overview. Written with pugixml (escaping is the library's job)
// by small parts: this skeleton, the layer tree, the map themes, the layouts.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace hotspot {

struct ProjectLayer {
  std::string id;        // unique within the project
  std::string name;      // shown in the layer tree
  std::string file;      // relative to the project folder (or a provider URI)
  std::string group;     // layer-tree group; empty = top level, below every group
  bool raster = false;
  std::string geometry;  // Polygon, Point (vector layers)
  std::string style_xml; // renderer + labelling (vector) or <pipe> (raster)
  bool labels = false;
  bool visible = true;
  std::string abstract;
  int stack = 0;              // order within its group: lower is drawn on top
  std::size_t features = 0;   // vector layers: how many features the file holds
  bool default_style = true;  // its style is also written as <file>.qml beside the file
  std::string provider;       // empty: gdal (raster) or ogr (vector); "wms" for XYZ tiles
  std::string crs;            // empty: the project CRS (raster) or EPSG:4326 (GeoJSON, RFC 7946)
  // Further named styles (name, style_xml) a map theme can pick; style_xml is the "default" one.
  std::vector<std::pair<std::string, std::string>> named_styles;
};

// A rectangle in the project CRS.
struct Extent {
  double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
};

// A map theme: the layers it shows (every other layer is hidden).
struct MapTheme {
  std::string name;
  std::vector<std::string> layer_ids{};
  std::vector<std::pair<std::string, std::string>> layer_styles{};  // (layer id, named style) where not "default"
};

// An A4 landscape print layout whose map follows a map theme.
struct PrintLayout {
  std::string name;       // unique among layouts
  std::string title;      // printed at the top
  std::string map_theme;  // name of a MapTheme
};

struct Project {
  std::string title;
  std::string crs = "EPSG:27700";
  std::vector<std::string> group_order;  // top to bottom
  std::vector<std::string> open_groups;  // groups shown when the project opens; the rest start hidden
  std::vector<ProjectLayer> layers;      // within a group, top to bottom
  Extent extent;                         // the study area: the saved view and every layout's map
  std::string period;                    // data period, printed on the layouts
  std::string marking = "OFFICIAL";      // protective marking, printed on the layouts
  std::vector<MapTheme> map_themes;
  std::vector<PrintLayout> layouts;
};

std::string project_xml(const Project& p);
void write_project(const std::filesystem::path& path, const Project& p);

}  // namespace hotspot
