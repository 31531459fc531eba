#include "geo/reproject.hpp"

#include <cmath>

namespace hotspot {
namespace {

int transform_vertex(double* x, double* y, void* userdata) {
  static_cast<const CrsTransform*>(userdata)->apply(*x, *y);
  return std::isfinite(*x) && std::isfinite(*y) ? 1 : 0;
}

}  // namespace

GeomPtr reproject(const GeosContext& ctx, const GEOSGeometry* g, const CrsTransform& transform) {
  return own(ctx, GEOSGeom_transformXY_r(ctx.get(), g, &transform_vertex, const_cast<CrsTransform*>(&transform)),
             "reprojecting a geometry");
}

std::vector<unsigned char> reproject_wkb(const GeosContext& ctx, const std::vector<unsigned char>& wkb,
                                         const CrsTransform& transform) {
  const GeomPtr g = geom_from_wkb(ctx, wkb);
  const GeomPtr r = reproject(ctx, g.get(), transform);
  return geom_to_wkb(ctx, r.get());
}

}  // namespace hotspot
