#pragma once
// Float32 GeoTIFF through GDAL, written atomically: nodata set, CRS and
// parameters recorded as metadata, DEFLATE-compressed with the float predictor.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/grid.hpp"

namespace hotspot {

struct RasterOutput {
  const Grid* grid = nullptr;  // values; cells outside grid.in_area become nodata
  std::string crs;             // e.g. "EPSG:27700"
  double nodata = -9999.0;
  std::string description;     // band description
  std::vector<std::pair<std::string, std::string>> metadata;
};

void write_geotiff(const std::filesystem::path& path, const RasterOutput& raster);

}  // namespace hotspot
