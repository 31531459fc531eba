#include "geo/resident_points.hpp"

#include <cmath>

#include "core/error.hpp"
#include "geo/envelope.hpp"

namespace hotspot {

// Per area: the lattice points in its envelope, each tested with a prepared
// point-in-polygon; O(area / s^2) tests per area.
std::vector<WeightedPoint> resident_points(const GeosContext& ctx, const std::vector<ResidentArea>& areas,
                                           double spacing) {
  std::vector<WeightedPoint> out;
  std::vector<WeightedPoint> inside;
  for (const ResidentArea& a : areas) {
    if (!(a.residents > 0)) continue;
    const GeomPtr g = geom_from_wkb(ctx, a.wkb);
    const PreparedPtr p = prepare(ctx, g.get());
    const Bounds b = envelope(ctx, g.get());
    inside.clear();
    // Lattice points at cell centres of the grid aligned to multiples of `spacing`.
    for (double y = (std::floor(b.min_y / spacing) + 0.5) * spacing; y <= b.max_y; y += spacing)
      for (double x = (std::floor(b.min_x / spacing) + 0.5) * spacing; x <= b.max_x; x += spacing) {
        if (x < b.min_x) continue;
        const GeomPtr pt = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), x, y), "lattice point");
        if (predicate_result(ctx, GEOSPreparedContains_r(ctx.get(), p.get(), pt.get()), "area holds lattice point"))
          inside.push_back({x, y, 0});
      }
    if (inside.empty()) {  // smaller than a lattice square: its residents at a point on its surface
      const GeomPtr s = own(ctx, GEOSPointOnSurface_r(ctx.get(), g.get()), "point on surface");
      double x = 0, y = 0;
      GEOSGeomGetX_r(ctx.get(), s.get(), &x);
      GEOSGeomGetY_r(ctx.get(), s.get(), &y);
      inside.push_back({x, y, 0});
    }
    const double each = a.residents / static_cast<double>(inside.size());
    for (WeightedPoint& w : inside) out.push_back({w.x, w.y, each});
  }
  return out;
}

}  // namespace hotspot
