#include "geo/envelope.hpp"

namespace hotspot {

Bounds envelope(const GeosContext& ctx, const GEOSGeometry* g) {
  Bounds b;
  GEOSGeom_getXMin_r(ctx.get(), g, &b.min_x);
  GEOSGeom_getYMin_r(ctx.get(), g, &b.min_y);
  GEOSGeom_getXMax_r(ctx.get(), g, &b.max_x);
  GEOSGeom_getYMax_r(ctx.get(), g, &b.max_y);
  return b;
}

}  // namespace hotspot
