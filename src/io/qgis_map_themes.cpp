// The map themes of tasking.qgs (<visibility-presets>): each lists the layers
// it shows and the groups that must be ticked for them to show in the desktop.
#include <set>

#include "io/qgis_parts.hpp"
#include "io/xml_tree.hpp"

namespace hotspot::qgis {

void map_themes(pugi::xml_node root, const Project& p) {
  pugi::xml_node presets = root.append_child("visibility-presets");
  for (const MapTheme& t : p.map_themes) {
    pugi::xml_node preset = xml::child(presets, "visibility-preset", {{"name", t.name}, {"has-checked-group-info", "1"}});
    std::set<std::string> groups;
    for (const std::string& id : t.layer_ids) {
      pugi::xml_node layer = xml::child(preset, "layer", {{"id", id}, {"visible", "1"}});
      for (const auto& [layer_id, style] : t.layer_styles)
        if (layer_id == id) layer.append_attribute("style").set_value(style.c_str());
      for (const ProjectLayer& l : p.layers)
        if (l.id == id && !l.group.empty()) groups.insert(l.group);
    }
    pugi::xml_node checked = preset.append_child("checked-group-nodes");
    for (const std::string& g : groups) xml::child(checked, "checked-group-node", {{"id", g}});
  }
}

}  // namespace hotspot::qgis
