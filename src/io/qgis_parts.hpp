#pragma once
// The parts tasking.qgs is built from, each appending its elements to the
// project's <qgis> root (see qgis_project.hpp).
#include <pugixml.hpp>
#include <string>

#include "io/qgis_project.hpp"

namespace hotspot::qgis {

// <spatialrefsys> for a CRS given as "EPSG:n" (QGIS reads it from the WKT and authid).
void spatialrefsys(pugi::xml_node parent, const std::string& crs);
// <layer-tree-group>: the groups in order, then top-level layers.
void layer_tree(pugi::xml_node root, const Project& p);
// <visibility-presets>: one per map theme.
void map_themes(pugi::xml_node root, const Project& p);
// <Layouts>: one A4 landscape layout per PrintLayout.
void layouts(pugi::xml_node root, const Project& p);

// A layout item's place on the page, mm.
struct Box {
  double x, y, w, h;
};
// A <LayoutItem> of QgsLayoutItemRegistry type `type` at `b`, stacked at `z`.
pugi::xml_node item(pugi::xml_node parent, int type, const std::string& uuid, const Box& b, int z, bool background);
// A QFont description: Sans Serif at `point_size`, bold or regular.
std::string font(double point_size, bool bold);
// The legend of layout `l`, linked to its map item `map_uuid` (qgis_legend.cpp).
void legend(pugi::xml_node layout, const Project& p, const PrintLayout& l, const std::string& uuid,
            const std::string& map_uuid);

}  // namespace hotspot::qgis
