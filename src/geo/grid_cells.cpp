#include "geo/grid_cells.hpp"

#include <algorithm>
#include <cmath>

namespace hotspot {

std::vector<std::size_t> cells_with_centre_in(const GeosContext& ctx, const GEOSGeometry* polygon, const GridSpec& spec) {
  const PreparedPtr prepared = prepare(ctx, polygon);
  double minx = 0, miny = 0, maxx = 0, maxy = 0;
  GEOSGeom_getXMin_r(ctx.get(), polygon, &minx);
  GEOSGeom_getYMin_r(ctx.get(), polygon, &miny);
  GEOSGeom_getXMax_r(ctx.get(), polygon, &maxx);
  GEOSGeom_getYMax_r(ctx.get(), polygon, &maxy);
  const int c0 = std::max(0, static_cast<int>(std::floor((minx - spec.origin_x) / spec.cell)));
  const int c1 = std::min(spec.nx - 1, static_cast<int>(std::floor((maxx - spec.origin_x) / spec.cell)));
  const int r0 = std::max(0, static_cast<int>(std::floor((spec.origin_y - maxy) / spec.cell)));
  const int r1 = std::min(spec.ny - 1, static_cast<int>(std::floor((spec.origin_y - miny) / spec.cell)));
  std::vector<std::size_t> out;
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) {
      const GeomPtr centre = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), spec.center_x(c), spec.center_y(r)), "point");
      if (predicate_result(ctx, GEOSPreparedContains_r(ctx.get(), prepared.get(), centre.get()), "cell in polygon"))
        out.push_back(spec.index(r, c));
    }
  return out;
}

std::vector<std::size_t> cells_overlapping(const GeosContext& ctx, const GEOSGeometry* polygon, const GridSpec& spec) {
  const PreparedPtr prepared = prepare(ctx, polygon);
  double minx = 0, miny = 0, maxx = 0, maxy = 0;
  GEOSGeom_getXMin_r(ctx.get(), polygon, &minx);
  GEOSGeom_getYMin_r(ctx.get(), polygon, &miny);
  GEOSGeom_getXMax_r(ctx.get(), polygon, &maxx);
  GEOSGeom_getYMax_r(ctx.get(), polygon, &maxy);
  const int c0 = std::max(0, static_cast<int>(std::floor((minx - spec.origin_x) / spec.cell)));
  const int c1 = std::min(spec.nx - 1, static_cast<int>(std::floor((maxx - spec.origin_x) / spec.cell)));
  const int r0 = std::max(0, static_cast<int>(std::floor((spec.origin_y - maxy) / spec.cell)));
  const int r1 = std::min(spec.ny - 1, static_cast<int>(std::floor((spec.origin_y - miny) / spec.cell)));
  const double inset = spec.cell * 1e-6;  // a square only touching the polygon along an edge does not count
  std::vector<std::size_t> out;
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) {
      const double x0 = spec.origin_x + c * spec.cell, y1 = spec.origin_y - r * spec.cell;
      const GeomPtr square = own(ctx, GEOSGeom_createRectangle_r(ctx.get(), x0 + inset, y1 - spec.cell + inset,
                                                                 x0 + spec.cell - inset, y1 - inset), "cell");
      if (predicate_result(ctx, GEOSPreparedIntersects_r(ctx.get(), prepared.get(), square.get()), "cell on polygon"))
        out.push_back(spec.index(r, c));
    }
  return out;
}

}  // namespace hotspot
