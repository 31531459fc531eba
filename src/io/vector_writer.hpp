#pragma once
// Vector layers through OGR: GeoJSON (RFC 7946: WGS84 lon/lat, 7 decimals,
// counter-clockwise exteriors) now, other OGR formats by driver name.
#include <filesystem>
#include <ogr_core.h>
#include <span>
#include <string>
#include <vector>

#include "io/table.hpp"

namespace hotspot {

// A view of what one layer file holds: the table and geometries belong to the caller.
struct VectorLayer {
  std::string name;
  std::string description;  // shown by QGIS as the layer abstract
  const Table* table = nullptr;
  std::span<const std::vector<unsigned char>> wkb;  // one per row, WGS84 lon/lat
  OGRwkbGeometryType geometry_type = wkbMultiPolygon;
};

// Writes the layer to `path` atomically with GDAL's GeoJSON driver.
void write_geojson(const std::filesystem::path& path, const VectorLayer& layer);

}  // namespace hotspot
