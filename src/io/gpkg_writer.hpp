#pragma once
// tasking.gpkg: every vector layer of a run in one GeoPackage, with each
// layer's style in the layer_styles table that QGIS reads on load.
#include <filesystem>
#include <string>
#include <vector>

namespace hotspot {

struct GpkgLayer {
  std::string source;  // GeoJSON file in the output folder
  std::string name;    // table name in the GeoPackage
  std::string qml;     // the style document
};

void write_gpkg(const std::filesystem::path& path, const std::filesystem::path& folder,
                const std::vector<GpkgLayer>& layers);

}  // namespace hotspot
