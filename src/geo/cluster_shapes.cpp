#include "geo/cluster_shapes.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace hotspot {
namespace {

struct XY {
  double x, y;
  bool operator<(const XY& o) const { return x < o.x || (x == o.x && y < o.y); }
  bool operator==(const XY& o) const { return x == o.x && y == o.y; }
};

std::vector<XY> distinct_locations(const std::vector<WeightedPoint>& pts) {
  std::vector<XY> out;
  out.reserve(pts.size());
  for (const auto& p : pts) out.push_back({p.x, p.y});
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// At most `max_points` locations: per occupied cell its extreme locations in
// the four directions, the cell side doubled until few enough cells remain.
std::vector<XY> thinned(const std::vector<XY>& locs, std::size_t max_points) {
  if (locs.size() <= max_points) return locs;
  double min_x = locs[0].x, max_x = min_x, min_y = locs[0].y, max_y = min_y;
  for (const XY& p : locs) {
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
  const std::size_t max_cells = std::max<std::size_t>(1, max_points / 4);
  double side = std::max({max_x - min_x, max_y - min_y, 1e-9}) / std::sqrt(static_cast<double>(max_cells));
  struct Extremes {
    XY west, east, south, north;
  };
  for (;; side *= 2) {
    std::map<std::pair<long long, long long>, Extremes> cells;
    for (const XY& p : locs) {
      const std::pair<long long, long long> key{static_cast<long long>(std::floor((p.x - min_x) / side)),
                                                static_cast<long long>(std::floor((p.y - min_y) / side))};
      auto [it, fresh] = cells.try_emplace(key, Extremes{p, p, p, p});
      if (fresh) continue;
      Extremes& e = it->second;
      if (p.x < e.west.x) e.west = p;
      if (p.x > e.east.x) e.east = p;
      if (p.y < e.south.y) e.south = p;
      if (p.y > e.north.y) e.north = p;
      if (cells.size() > max_cells) break;
    }
    if (cells.size() > max_cells) continue;
    std::vector<XY> out;
    for (const auto& [key, e] : cells)
      for (const XY& p : {e.west, e.east, e.south, e.north}) out.push_back(p);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
}

GeomPtr multipoint(const GeosContext& ctx, const std::vector<XY>& pts) {
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
  const GeomPtr mp = multipoint(ctx, distinct_locations(pts));
  return with_area(ctx, own(ctx, GEOSConvexHull_r(ctx.get(), mp.get()), "convex hull"), min_radius);
}

GeomPtr concave_hull(const GeosContext& ctx, const std::vector<WeightedPoint>& pts, double ratio, double min_radius) {
  const GeomPtr mp = multipoint(ctx, thinned(distinct_locations(pts), kConcaveHullMaxPoints));
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
