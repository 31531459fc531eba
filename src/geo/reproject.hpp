#pragma once
// Reprojects GEOS geometries with PROJ, vertex by vertex.
#include <vector>

#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

// Throws an internal Error when a vertex cannot be transformed.
GeomPtr reproject(const GeosContext& ctx, const GEOSGeometry* g, const CrsTransform& transform);
std::vector<unsigned char> reproject_wkb(const GeosContext& ctx, const std::vector<unsigned char>& wkb,
                                         const CrsTransform& transform);

}  // namespace hotspot
