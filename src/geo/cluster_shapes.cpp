#include "geo/cluster_shapes.hpp"

#include <cmath>

namespace hotspot {
namespace {

GeomPtr multipoint(const GeosContext& ctx, const std::vector<WeightedPoint>& pts) {
  std::vector<GEOSGeometry*> parts;
  parts.reserve(pts.size());
  for (const auto& p : pts) parts.push_back(GEOSGeom_createPointFromXY_r(ctx.get(), p.x, p.y));
  return own(ctx, GEOSGeom_createCollection_r(ctx.get(), GEOS_MULTIPOINT, parts.data(),
                                              static_cast<unsigned>(parts.size())), "multipoint");
}

GeomPtr with_area(const GeosContext& ctx, GeomPtr hull, double min_radius) {
  const int type = GEOSGeomTypeId_r(ctx.get(), hull.get());
  if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) return hull;
  return own(ctx, GEOSBuffer_r(ctx.get(), hull.get(), min_radius, 8), "buffering a degenerate hull");
}

}  // namespace

GeomPtr convex_hull(const GeosContext& ctx, const std::vector<WeightedPoint>& pts, double min_radius) {
  const GeomPtr mp = multipoint(ctx, pts);
  return with_area(ctx, own(ctx, GEOSConvexHull_r(ctx.get(), mp.get()), "convex hull"), min_radius);
}

GeomPtr concave_hull(const GeosContext& ctx, const std::vector<WeightedPoint>& pts, double ratio, double min_radius) {
  const GeomPtr mp = multipoint(ctx, pts);
  return with_area(ctx, own(ctx, GEOSConcaveHull_r(ctx.get(), mp.get(), ratio, 0), "concave hull"), min_radius);
}

Ellipse deviational_ellipse(const std::vector<WeightedPoint>& pts) {
  Ellipse e;
  if (pts.empty()) return e;
  const double n = static_cast<double>(pts.size());
  for (const auto& p : pts) {
    e.cx += p.x;
    e.cy += p.y;
  }
  e.cx /= n;
  e.cy /= n;
  double sxx = 0, syy = 0, sxy = 0;
  for (const auto& p : pts) {
    const double dx = p.x - e.cx, dy = p.y - e.cy;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  sxx /= n;
  syy /= n;
  sxy /= n;
  // Eigenvalues of [[sxx, sxy], [sxy, syy]] in closed form.
  const double mean = (sxx + syy) / 2, diff = (sxx - syy) / 2;
  const double root = std::sqrt(diff * diff + sxy * sxy);
  const double l1 = mean + root, l2 = std::max(0.0, mean - root);
  e.angle_deg = std::atan2(2 * sxy, sxx - syy) / 2 * 180.0 / M_PI;
  e.major = std::sqrt(2.0 * l1);
  e.minor = std::sqrt(2.0 * l2);
  return e;
}

GeomPtr ellipse_polygon(const GeosContext& ctx, const Ellipse& e, double min_radius, int vertices) {
  const double a = std::max(e.major, min_radius), b = std::max(e.minor, min_radius);
  const double t = e.angle_deg * M_PI / 180.0, ct = std::cos(t), st = std::sin(t);
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx.get(), static_cast<unsigned>(vertices + 1), 2);
  for (int i = 0; i <= vertices; ++i) {
    const double u = 2 * M_PI * (i % vertices) / vertices;  // closes exactly on the first vertex
    const double px = a * std::cos(u), py = b * std::sin(u);
    GEOSCoordSeq_setXY_r(ctx.get(), seq, static_cast<unsigned>(i), e.cx + px * ct - py * st, e.cy + px * st + py * ct);
  }
  GEOSGeometry* ring = GEOSGeom_createLinearRing_r(ctx.get(), seq);
  return own(ctx, GEOSGeom_createPolygon_r(ctx.get(), ring, nullptr, 0), "ellipse");
}

}  // namespace hotspot
