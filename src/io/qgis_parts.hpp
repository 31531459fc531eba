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

}  // namespace hotspot::qgis
