#pragma once
// The study area: the union of the wards, and which grid cells it covers.
#include <vector>

#include "core/grid.hpp"
#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

// Union of all ward polygons (GEOS coverage union when they tile, else unary
// union). The wards are copied, not consumed (the WardSet keeps them).
GeomPtr study_area(const GeosContext& ctx, const std::vector<GeomPtr>& wards);

// 1 for each cell whose centre lies in `area`, by GDAL's rasteriser (centre
// rule); with `all_touched`, 1 for each cell the area touches at all.
std::vector<std::uint8_t> cells_in_area(const GeosContext& ctx, const GEOSGeometry* area, const GridSpec& spec,
                                        bool all_touched = false);

}  // namespace hotspot
