#pragma once
// The study area: the union of the wards, and which grid cells it covers.
#include <string_view>
#include <vector>

#include "core/grid.hpp"
#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

// Union of all ward polygons (GEOS coverage union when they tile, else unary
// union). The wards are copied, not consumed (the WardSet keeps them).
GeomPtr study_area(const GeosContext& ctx, const std::vector<GeomPtr>& wards);

// The hard memory limit on grids built from settings. A grid over `box` grown
// by `margin` on each side, in cells of `cell` metres at `bytes_per_cell`,
// must fit in `budget_mb` (kde.memory_budget_mb); otherwise this throws a
// usage Error naming `settings` (what sets the grid's size) and the memory it
// would need. Sizes are computed in doubles, before anything is allocated, so
// a cell of 0.001 m or an infinite reach is an error, not an overflow.
void check_grid_budget(const Bounds& box, double margin, double cell, double bytes_per_cell, double budget_mb,
                       std::string_view settings);

// 1 for each cell whose centre lies in `area`, by GDAL's rasteriser (centre
// rule); with `all_touched`, 1 for each cell the area touches at all.
std::vector<std::uint8_t> cells_in_area(const GeosContext& ctx, const GEOSGeometry* area, const GridSpec& spec,
                                        bool all_touched = false);

}  // namespace hotspot
