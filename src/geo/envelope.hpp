#pragma once
// A geometry's bounding box, read once through GEOS: the one place the four
// GEOSGeom_get{X,Y}{Min,Max}_r calls are written, so callers work with a Bounds.
#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

Bounds envelope(const GeosContext& ctx, const GEOSGeometry* g);

}  // namespace hotspot
