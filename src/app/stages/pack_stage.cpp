// Pack stage: a .qml style beside every layer and tasking.qgs opening them all,
// with a map theme and a print layout per analysis theme and an overview.
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <map>
#include <ostream>

#include "app/qgis/layer_styles.hpp"
#include "app/stages/stages.hpp"
#include "geo/envelope.hpp"
#include "io/atomic_file.hpp"
#include "io/gpkg_writer.hpp"
#include "io/qgis_project.hpp"
#include "io/qgis_style.hpp"

namespace hotspot {
namespace {

constexpr const char* kOverview = "Overview";

// OpenStreetMap tiles at the bottom of the tree, off by default and in no map
// theme: the pack stays readable offline and nothing is fetched until asked.
ProjectLayer osm_basemap() {
  ProjectLayer l;
  l.id = "basemap_openstreetmap";
  l.name = "OpenStreetMap (basemap, online)";
  l.file = "type=xyz&url=https://tile.openstreetmap.org/{z}/{x}/{y}.png&zmax=19&zmin=0";
  l.group = "";
  l.raster = true;
  l.provider = "wms";
  l.crs = "EPSG:3857";
  l.style_xml = tile_style_xml();
  l.visible = false;
  l.default_style = false;
  l.abstract = "Map tiles (c) OpenStreetMap contributors, ODbL. Fetched from tile.openstreetmap.org when switched on.";
  return l;
}

Extent study_extent(const RunContext& run) {
  Bounds b;
  if (run.ward_set) b = envelope(run.geos, run.ward_set->area());
  return {b.min_x, b.min_y, b.max_x, b.max_y};
}

// The project's title, extent, period, marking, groups and layers (those with
// features, in drawing order, the OpenStreetMap basemap at the bottom).
Project project_layers(const RunContext& run) {
  Project p;
  p.title = fmt::format("{}: tasking pack {}", run.cfg.area_name, run.cfg.period.label);
  p.crs = run.cfg.crs;
  p.extent = study_extent(run);
  const std::string range = run.cfg.period.range_text();
  p.period = run.cfg.period.label == range ? range : fmt::format("{} ({})", run.cfg.period.label, range);
  p.marking = run.cfg.report.marking;
  for (const Theme& t : run.cfg.taxonomy.themes) p.group_order.push_back(t.label);
  for (const ProjectLayer& l : run.layers)
    if (std::find(p.group_order.begin(), p.group_order.end(), l.group) == p.group_order.end() && l.group != "Wards")
      p.group_order.push_back(l.group);
  p.group_order.push_back("Wards");  // at the bottom, above only the basemap
  // One theme at a time reads best: the first theme and the wards start visible.
  p.open_groups = {p.group_order.front(), "Wards"};
  // A layer with no features has no geometry type for QGIS to style; its file
  // and style are still written, but it is left out of the project.
  for (const ProjectLayer& l : run.layers)
    if (l.raster || l.features > 0) p.layers.push_back(l);
  std::stable_sort(p.layers.begin(), p.layers.end(), [](const ProjectLayer& a, const ProjectLayer& b) { return a.stack < b.stack; });
  for (ProjectLayer& l : p.layers) l.file = "./" + l.file;
  p.layers.push_back(osm_basemap());
  // QGIS 3.22 replaces layer ids shorter than about a dozen characters with
  // random ones (seen in testing), which breaks the layer tree: keep them long.
  for (ProjectLayer& l : p.layers) l.id = "hotspot_layer_" + l.id;
  return p;
}

// Map themes: per analysis theme every layer of its group (surface,
// hotspots, Gi* bins, clusters, venues) and the ward boundaries, but not the
// emerging classes, which colour the same grid cells as Gi* and would hide
// them: they have a map theme of their own per theme ("<theme>: emerging hot
// spots": the classes, the forecast hotspots over them and the wards); the
// overview shows every theme's hotspots and the wards. A print layout for each.
void add_map_themes(Project& p, const RunConfig& cfg) {
  const std::string wards_id = "hotspot_layer_wards";
  MapTheme overview{.name = kOverview};
  std::vector<MapTheme> risk_themes, emerging_themes;
  for (const Theme& t : cfg.taxonomy.themes) {
    MapTheme m{.name = t.label};
    for (const ProjectLayer& l : p.layers) {
      // The risk surface has a map theme of its own: over the KDE surface it would hide it.
      if (l.group == t.label && l.id == "hotspot_layer_risk_" + t.id) {
        risk_themes.push_back({.name = t.label + ": risk per resident", .layer_ids = {l.id, wards_id}});
        continue;
      }
      if (l.group == t.label && l.id == "hotspot_layer_emerging_" + t.id) {
        const std::string hotspots_id = "hotspot_layer_hotspots_" + t.id;
        MapTheme e{.name = t.label + ": emerging hot spots", .layer_ids = {l.id}};
        if (std::any_of(p.layers.begin(), p.layers.end(), [&](const ProjectLayer& x) { return x.id == hotspots_id; }))
          e.layer_ids.push_back(hotspots_id);
        e.layer_ids.push_back(wards_id);
        emerging_themes.push_back(std::move(e));
        continue;
      }
      if (l.group == t.label) m.layer_ids.push_back(l.id);
      if (l.group == t.label && l.id == "hotspot_layer_hotspots_" + t.id) {
        overview.layer_ids.push_back(l.id);
        for (const auto& [style, xml] : l.named_styles)
          if (style == kOverviewStyle) overview.layer_styles.emplace_back(l.id, style);
      }
    }
    m.layer_ids.push_back(wards_id);
    p.map_themes.push_back(std::move(m));
  }
  for (MapTheme& m : risk_themes) p.map_themes.push_back(std::move(m));
  for (MapTheme& m : emerging_themes) p.map_themes.push_back(std::move(m));
  overview.layer_ids.push_back(wards_id);
  p.map_themes.push_back(std::move(overview));
  for (const MapTheme& m : p.map_themes)
    p.layouts.push_back({.name = m.name,
                         .title = fmt::format("{}: {}", cfg.area_name,
                                              m.name == kOverview ? "hotspots of every theme" : m.name),
                         .map_theme = m.name});
}

}  // namespace

void pack_stage(RunContext& run, std::ostream& out) {
  run.timer.start("pack");
  for (const ProjectLayer& l : run.layers) {
    if (!l.default_style) continue;
    const std::string qml = l.file.substr(0, l.file.rfind('.')) + ".qml";
    write_file_atomically(run.output_path(qml), qml_document(l.style_xml, l.labels));
    run.record_output(qml);
  }
  Project p = project_layers(run);
  add_map_themes(p, run.cfg);
  write_project(run.output_path("tasking.qgs"), p);
  run.record_output("tasking.qgs");
  if (run.cfg.gpkg) {
    std::vector<GpkgLayer> layers;
    for (const ProjectLayer& l : run.layers)
      if (l.default_style && !l.raster)
        layers.push_back({.source = l.file, .name = l.file.substr(0, l.file.rfind('.')),
                          .qml = qml_document(l.style_xml, l.labels)});
    write_gpkg(run.output_path("tasking.gpkg"), run.pack_dir, layers);
    run.record_output("tasking.gpkg");
  }
  run.timer.stop();
  fmt::print(out, "  QGIS project tasking.qgs with {} layers, {} map themes and print layouts\n", p.layers.size(),
             p.map_themes.size());
}

}  // namespace hotspot
