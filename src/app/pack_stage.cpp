// Pack stage: a .qml style beside every layer and tasking.qgs opening them all.
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <map>
#include <ostream>

#include "app/stages.hpp"
#include "io/atomic_file.hpp"
#include "io/gpkg_writer.hpp"
#include "io/qgis_project.hpp"
#include "io/qgis_style.hpp"

namespace hotspot {

void pack_stage(RunContext& run, std::ostream& out) {
  run.timer.start("pack");
  for (const ProjectLayer& l : run.layers) {
    if (!l.default_style) continue;
    const std::string qml = l.file.substr(0, l.file.rfind('.')) + ".qml";
    write_file_atomically(run.output_path(qml), qml_document(l.style_xml, l.labels));
    run.record_output(qml);
  }
  Project p;
  p.title = fmt::format("{}: tasking pack {}", run.cfg.area_name, run.cfg.period.label);
  p.crs = run.cfg.crs;
  for (const Theme& t : run.cfg.taxonomy.themes) p.group_order.push_back(t.label);
  for (const ProjectLayer& l : run.layers)
    if (std::find(p.group_order.begin(), p.group_order.end(), l.group) == p.group_order.end() && l.group != "Wards")
      p.group_order.push_back(l.group);
  p.group_order.push_back("Wards");  // at the bottom
  // One theme at a time reads best: the first theme and the wards start visible.
  p.open_groups = {p.group_order.front(), "Wards"};
  // A layer with no features has no geometry type for QGIS to style; its file
  // and style are still written, but it is left out of the project.
  for (const ProjectLayer& l : run.layers)
    if (l.raster || l.features > 0) p.layers.push_back(l);
  std::stable_sort(p.layers.begin(), p.layers.end(), [](const ProjectLayer& a, const ProjectLayer& b) { return a.stack < b.stack; });
  for (ProjectLayer& l : p.layers) {
    l.file = "./" + l.file;
    // QGIS 3.22 replaces layer ids shorter than about a dozen characters with
    // random ones (seen in testing), which breaks the layer tree: keep them long.
    l.id = "hotspot_layer_" + l.id;
  }
  write_project(run.output_path("tasking.qgs"), p);
  run.record_output("tasking.qgs");
  if (run.cfg.gpkg) {
    std::vector<GpkgLayer> layers;
    for (const ProjectLayer& l : run.layers)
      if (l.default_style && !l.raster)
        layers.push_back({l.file, l.file.substr(0, l.file.rfind('.')), qml_document(l.style_xml, l.labels)});
    write_gpkg(run.output_path("tasking.gpkg"), run.pack_dir, layers);
    run.record_output("tasking.gpkg");
  }
  run.timer.stop();
  fmt::print(out, "  QGIS project tasking.qgs with {} layers\n", p.layers.size());
}

}  // namespace hotspot
