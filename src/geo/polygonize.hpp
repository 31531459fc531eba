#pragma once
// Raster regions to polygons: GDAL's polygonizer traces the cell edges of each
// labelled region; GEOS dissolves any region GDAL returns in pieces.
#include <cstdint>
#include <vector>

#include "core/grid.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

// One polygon per label 1..count, in label order (index = label - 1).
std::vector<GeomPtr> polygonize_regions(const GeosContext& ctx, const std::vector<std::int32_t>& labels,
                                        int count, const GridSpec& spec);

}  // namespace hotspot
