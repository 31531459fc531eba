#include "geo/grid_cells.hpp"

#include <algorithm>
#include <cmath>

#include "geo/envelope.hpp"

namespace hotspot {
namespace {

// The rows and columns of the grid a bounding box spans, clipped to the grid:
// the only cells either test below needs to look at.
struct CellBox {
  int r0 = 0, r1 = -1, c0 = 0, c1 = -1;
};

CellBox cells_under(const Bounds& b, const GridSpec& spec) {
  const auto col = [&](double x) { return static_cast<int>(std::floor((x - spec.origin_x) / spec.cell)); };
  const auto row = [&](double y) { return static_cast<int>(std::floor((spec.origin_y - y) / spec.cell)); };
  return CellBox{.r0 = std::max(0, row(b.max_y)),
                 .r1 = std::min(spec.ny - 1, row(b.min_y)),
                 .c0 = std::max(0, col(b.min_x)),
                 .c1 = std::min(spec.nx - 1, col(b.max_x))};
}

}  // namespace

std::vector<std::size_t> cells_with_centre_in(const GeosContext& ctx, const GEOSGeometry* polygon, const GridSpec& spec) {
  const PreparedPtr prepared = prepare(ctx, polygon);
  const CellBox box = cells_under(envelope(ctx, polygon), spec);
  std::vector<std::size_t> out;
  for (int r = box.r0; r <= box.r1; ++r)
    for (int c = box.c0; c <= box.c1; ++c) {
      const GeomPtr centre = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), spec.center_x(c), spec.center_y(r)), "point");
      if (predicate_result(ctx, GEOSPreparedContains_r(ctx.get(), prepared.get(), centre.get()), "cell in polygon"))
        out.push_back(spec.index(r, c));
    }
  return out;
}

std::vector<std::size_t> cells_overlapping(const GeosContext& ctx, const GEOSGeometry* polygon, const GridSpec& spec) {
  const PreparedPtr prepared = prepare(ctx, polygon);
  const CellBox box = cells_under(envelope(ctx, polygon), spec);
  const double inset = spec.cell * 1e-6;  // a square only touching the polygon along an edge does not count
  std::vector<std::size_t> out;
  for (int r = box.r0; r <= box.r1; ++r)
    for (int c = box.c0; c <= box.c1; ++c) {
      const double x0 = spec.origin_x + c * spec.cell, y1 = spec.origin_y - r * spec.cell;
      const GeomPtr square = own(ctx, GEOSGeom_createRectangle_r(ctx.get(), x0 + inset, y1 - spec.cell + inset,
                                                                 x0 + spec.cell - inset, y1 - inset), "cell");
      if (predicate_result(ctx, GEOSPreparedIntersects_r(ctx.get(), prepared.get(), square.get()), "cell on polygon"))
        out.push_back(spec.index(r, c));
    }
  return out;
}

}  // namespace hotspot
