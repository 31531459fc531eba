// The layer tree of tasking.qgs: one group per theme (and the wards), in the
// project's order, then any top-level layers (the basemap) at the bottom.
#include <algorithm>

#include "io/qgis_parts.hpp"
#include "io/xml_tree.hpp"

namespace hotspot::qgis {
namespace {

void tree_layer(pugi::xml_node parent, const ProjectLayer& l) {
  const std::string provider = !l.provider.empty() ? l.provider : l.raster ? "gdal" : "ogr";
  xml::child(parent, "layer-tree-layer",
             {{"id", l.id}, {"name", l.name}, {"source", l.file}, {"providerKey", provider},
              {"checked", l.visible ? "Qt::Checked" : "Qt::Unchecked"}, {"expanded", "0"}});
}

}  // namespace

void layer_tree(pugi::xml_node root, const Project& p) {
  pugi::xml_node tree = root.append_child("layer-tree-group");
  for (const std::string& group : p.group_order) {
    if (group.empty()) continue;
    const bool any = std::any_of(p.layers.begin(), p.layers.end(), [&](const ProjectLayer& l) { return l.group == group; });
    if (!any) continue;
    const bool open = std::find(p.open_groups.begin(), p.open_groups.end(), group) != p.open_groups.end();
    pugi::xml_node g = xml::child(tree, "layer-tree-group",
                                  {{"name", group}, {"expanded", open ? "1" : "0"},
                                   {"checked", open ? "Qt::Checked" : "Qt::Unchecked"}});
    for (const ProjectLayer& l : p.layers)
      if (l.group == group) tree_layer(g, l);
  }
  for (const ProjectLayer& l : p.layers)
    if (l.group.empty()) tree_layer(tree, l);
}

}  // namespace hotspot::qgis
