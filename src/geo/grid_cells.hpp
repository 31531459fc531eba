#pragma once
// The cells of a grid whose centre lies strictly inside a polygon: how a
// published polygon (a hotspot, an emerging area) is read back onto the grid
// cells its classes and tracks live on. Cost: the cells of its bounding box,
// each a prepared-geometry test.
#include <cstddef>
#include <vector>

#include "core/grid.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

std::vector<std::size_t> cells_with_centre_in(const GeosContext& ctx, const GEOSGeometry* polygon, const GridSpec& spec);

// The cells whose square overlaps the polygon's interior (touching an edge
// is not enough): for a polygon that may be smaller than a cell, or not hold
// any cell's centre.
std::vector<std::size_t> cells_overlapping(const GeosContext& ctx, const GEOSGeometry* polygon, const GridSpec& spec);

}  // namespace hotspot
