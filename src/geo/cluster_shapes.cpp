#include "geo/cluster_shapes.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace hotspot {
namespace {

GeomPtr square(const GeosContext& ctx, const LatticeCell& c, double side) {
  // Corners as integer multiples of `side`, so shared edges are bit-identical.
  const double x0 = static_cast<double>(c.col) * side, x1 = static_cast<double>(c.col + 1) * side;
  const double y0 = static_cast<double>(c.row) * side, y1 = static_cast<double>(c.row + 1) * side;
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx.get(), 5, 2);
  const double xy[5][2] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  for (unsigned i = 0; i < 5; ++i) GEOSCoordSeq_setXY_r(ctx.get(), seq, i, xy[i][0], xy[i][1]);
  GEOSGeometry* ring = GEOSGeom_createLinearRing_r(ctx.get(), seq);
  return own(ctx, GEOSGeom_createPolygon_r(ctx.get(), ring, nullptr, 0), "cell square");
}

GeomPtr point(const GeosContext& ctx, double x, double y) {
  return own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), x, y), "cell corner");
}

// The same cells on a lattice of twice the side, counts summed.
std::vector<LatticeCell> coarser(const std::vector<LatticeCell>& cells) {
  std::map<std::pair<std::int64_t, std::int64_t>, long> merged;
  auto half = [](std::int64_t v) { return v >= 0 ? v / 2 : -((-v + 1) / 2); };  // floor(v / 2)
  for (const LatticeCell& c : cells) merged[{half(c.col), half(c.row)}] += c.count;
  std::vector<LatticeCell> out;
  for (const auto& [key, n] : merged) out.push_back({key.first, key.second, n});
  return out;
}

}  // namespace

std::vector<LatticeCell> occupied_cells(const std::vector<WeightedPoint>& pts, double side) {
  std::map<std::pair<std::int64_t, std::int64_t>, long> counts;
  for (const WeightedPoint& p : pts) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    ++counts[{static_cast<std::int64_t>(std::floor(p.x / side)), static_cast<std::int64_t>(std::floor(p.y / side))}];
  }
  std::vector<LatticeCell> out;
  out.reserve(counts.size());
  for (const auto& [key, n] : counts) out.push_back({key.first, key.second, n});
  return out;
}

GeomPtr cells_union(const GeosContext& ctx, const std::vector<LatticeCell>& cells, double side) {
  std::vector<GeomPtr> parts;
  parts.reserve(cells.size());
  for (const LatticeCell& c : cells) parts.push_back(square(ctx, c, side));
  const GeomPtr all = collect(ctx, GEOS_MULTIPOLYGON, std::move(parts), "collection");
  // Not GEOSCoverageUnion: GEOS 3.11 rejects large cell coverages as "overlapping".
  return own(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()), "union of cells");
}

GeomPtr convex_hull(const GeosContext& ctx, const std::vector<LatticeCell>& cells, double side) {
  std::vector<std::pair<std::int64_t, std::int64_t>> corners;
  corners.reserve(cells.size() * 4);
  for (const LatticeCell& c : cells)
    for (std::int64_t dx : {0, 1})
      for (std::int64_t dy : {0, 1}) corners.emplace_back(c.col + dx, c.row + dy);
  std::sort(corners.begin(), corners.end());
  corners.erase(std::unique(corners.begin(), corners.end()), corners.end());
  std::vector<GeomPtr> parts;
  parts.reserve(corners.size());
  for (const auto& [i, j] : corners) parts.push_back(point(ctx, static_cast<double>(i) * side, static_cast<double>(j) * side));
  const GeomPtr mp = collect(ctx, GEOS_MULTIPOINT, std::move(parts), "collection");
  return own(ctx, GEOSConvexHull_r(ctx.get(), mp.get()), "convex hull");
}

GeomPtr concave_hull(const GeosContext& ctx, const std::vector<LatticeCell>& cells, double side, double ratio) {
  std::vector<LatticeCell> use = cells;
  double s = side;
  while (use.size() > kConcaveHullMaxCells) {
    use = coarser(use);
    s *= 2;
  }
  // Collinear corners along straight runs of cells dropped (tolerance 0): fewer, still lattice, vertices.
  const GeomPtr u = own(ctx, GEOSTopologyPreserveSimplify_r(ctx.get(), cells_union(ctx, use, s).get(), 0.0), "simplify");
  // GEOS's hull of polygons contains them and takes its vertices from theirs.
  if (GEOSGeometry* hull = GEOSConcaveHullOfPolygons_r(ctx.get(), u.get(), ratio, 0, 0)) {
    // Its ring may start at a different vertex from run to run: normalised, reruns are byte-identical.
    GeomPtr out = own(ctx, hull, "concave hull");
    GEOSNormalize_r(ctx.get(), out.get());
    return out;
  }
  // GEOS 3.11 gives up on some rings (cells touching only at a corner): the concave hull of the
  // cells' corners instead. Its vertices are corners too, though it need not cover every cell.
  std::vector<GeomPtr> corners;
  for (const LatticeCell& c : use)
    for (std::int64_t dx : {0, 1})
      for (std::int64_t dy : {0, 1})
        corners.push_back(point(ctx, static_cast<double>(c.col + dx) * s, static_cast<double>(c.row + dy) * s));
  const GeomPtr mp = own(ctx, GEOSUnaryUnion_r(ctx.get(), collect(ctx, GEOS_MULTIPOINT, std::move(corners), "collection").get()),
                         "corners");
  GeomPtr out = own(ctx, GEOSConcaveHull_r(ctx.get(), mp.get(), ratio, 0), "concave hull of corners");
  GEOSNormalize_r(ctx.get(), out.get());
  return out;
}

Ellipse deviational_ellipse(const std::vector<LatticeCell>& cells, double side) {
  Ellipse e;
  double n = 0, mx = 0, my = 0;
  for (const LatticeCell& c : cells) {
    const double w = static_cast<double>(c.count);
    n += w;
    mx += w * (static_cast<double>(c.col) + 0.5) * side;
    my += w * (static_cast<double>(c.row) + 0.5) * side;
  }
  if (n <= 0) return e;
  mx /= n;
  my /= n;
  double sxx = 0, syy = 0, sxy = 0;
  for (const LatticeCell& c : cells) {
    const double w = static_cast<double>(c.count);
    const double dx = (static_cast<double>(c.col) + 0.5) * side - mx, dy = (static_cast<double>(c.row) + 0.5) * side - my;
    sxx += w * dx * dx;
    syy += w * dy * dy;
    sxy += w * dx * dy;
  }
  sxx /= n;
  syy /= n;
  sxy /= n;
  // Eigenvalues of [[sxx, sxy], [sxy, syy]] in closed form.
  const double mean = (sxx + syy) / 2, diff = (sxx - syy) / 2;
  const double root = std::sqrt(diff * diff + sxy * sxy);
  const double l1 = mean + root, l2 = std::max(0.0, mean - root);
  e.angle_deg = std::atan2(2 * sxy, sxx - syy) / 2 * 180.0 / M_PI;
  e.major = std::max(std::sqrt(2.0 * l1), side / 2);
  e.minor = std::max(std::sqrt(2.0 * l2), side / 2);
  // The centre is published: snap it to the centre of the cell holding the mean.
  e.cx = (std::floor(mx / side) + 0.5) * side;
  e.cy = (std::floor(my / side) + 0.5) * side;
  return e;
}

GeomPtr ellipse_polygon(const GeosContext& ctx, const Ellipse& e, int vertices) {
  const double t = e.angle_deg * M_PI / 180.0, ct = std::cos(t), st = std::sin(t);
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx.get(), static_cast<unsigned>(vertices + 1), 2);
  for (int i = 0; i <= vertices; ++i) {
    const double u = 2 * M_PI * (i % vertices) / vertices;  // closes exactly on the first vertex
    const double px = e.major * std::cos(u), py = e.minor * std::sin(u);
    GEOSCoordSeq_setXY_r(ctx.get(), seq, static_cast<unsigned>(i), e.cx + px * ct - py * st, e.cy + px * st + py * ct);
  }
  GEOSGeometry* ring = GEOSGeom_createLinearRing_r(ctx.get(), seq);
  return own(ctx, GEOSGeom_createPolygon_r(ctx.get(), ring, nullptr, 0), "ellipse");
}

}  // namespace hotspot
