#pragma once
// tasking.qgs: a QGIS 3.22 project that opens every layer of a run, styled,
// grouped by theme, with paths relative to the project so the folder can be
// zipped and emailed.
#include <filesystem>
#include <string>
#include <vector>

namespace hotspot {

struct ProjectLayer {
  std::string id;        // unique within the project
  std::string name;      // shown in the layer tree
  std::string file;      // relative to the project folder
  std::string group;     // layer-tree group
  bool raster = false;
  std::string geometry;  // Polygon, Point (vector layers)
  std::string style_xml; // renderer + labelling (vector) or <pipe> (raster)
  bool labels = false;
  bool visible = true;
  std::string abstract;
  int stack = 0;              // order within its group: lower is drawn on top
  std::size_t features = 0;   // vector layers: how many features the file holds
  bool default_style = true;  // its style is also written as <file>.qml beside the file
};

struct Project {
  std::string title;
  std::string crs = "EPSG:27700";
  std::vector<std::string> group_order;  // top to bottom
  std::vector<std::string> open_groups;  // groups shown when the project opens; the rest start hidden
  std::vector<ProjectLayer> layers;      // within a group, top to bottom
};

std::string project_xml(const Project& p);
void write_project(const std::filesystem::path& path, const Project& p);

}  // namespace hotspot
