// Cluster outlines: hulls on distinct locations equal GEOS's hulls of every
// point; very large clusters get a bounded concave hull.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <random>

#include "geo/cluster_shapes.hpp"

using namespace hotspot;

namespace {

// The hulls as they were computed before: GEOS on every point, repeats included.
GeomPtr all_points(const GeosContext& ctx, const std::vector<WeightedPoint>& pts) {
  std::vector<GEOSGeometry*> parts;
  for (const auto& p : pts) parts.push_back(GEOSGeom_createPointFromXY_r(ctx.get(), p.x, p.y));
  return own(ctx, GEOSGeom_createCollection_r(ctx.get(), GEOS_MULTIPOINT, parts.data(),
                                              static_cast<unsigned>(parts.size())), "multipoint");
}

double area(const GeosContext& ctx, const GEOSGeometry* g) {
  double a = 0;
  GEOSArea_r(ctx.get(), g, &a);
  return a;
}

// Snap points with many incidents each, in a few lumps.
std::vector<WeightedPoint> snapped_cluster(std::mt19937_64& rng, std::size_t locations, std::size_t points, double sd) {
  std::normal_distribution<double> n(0, sd);
  std::vector<WeightedPoint> snap(locations);
  for (auto& s : snap) s = {std::round(530000 + n(rng)), std::round(180000 + n(rng)), 1};
  std::vector<WeightedPoint> p;
  for (std::size_t i = 0; i < points; ++i) p.push_back(snap[rng() % locations]);
  return p;
}

}  // namespace

TEST_CASE("hulls on distinct locations equal GEOS's hulls of every point", "[cluster_shapes]") {
  GeosContext ctx;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    const auto p = snapped_cluster(rng, 5 + rng() % 400, 50 + rng() % 3000, 40);
    const GeomPtr mp = all_points(ctx, p);
    const GeomPtr convex_before = own(ctx, GEOSConvexHull_r(ctx.get(), mp.get()), "convex");
    const GeomPtr concave_before = own(ctx, GEOSConcaveHull_r(ctx.get(), mp.get(), 0.3, 0), "concave");
    const GeomPtr convex = convex_hull(ctx, p, 25);
    const GeomPtr concave = concave_hull(ctx, p, 0.3, 25);
    INFO("seed " << seed << " points " << p.size());
    CHECK(GEOSEquals_r(ctx.get(), convex.get(), convex_before.get()) == 1);
    CHECK(GEOSEquals_r(ctx.get(), concave.get(), concave_before.get()) == 1);
    CHECK(area(ctx, concave.get()) == Approx(area(ctx, concave_before.get())).epsilon(1e-12));
    CHECK(area(ctx, concave.get()) > 0);
  }
}

TEST_CASE("a cluster on one snap point is a circle of min_radius", "[cluster_shapes]") {
  GeosContext ctx;
  const std::vector<WeightedPoint> p(5000, WeightedPoint{530000, 180000, 1});
  CHECK(area(ctx, convex_hull(ctx, p, 25).get()) == Approx(M_PI * 625).epsilon(0.02));
  CHECK(area(ctx, concave_hull(ctx, p, 0.3, 25).get()) == Approx(M_PI * 625).epsilon(0.02));
}

TEST_CASE("a concave hull of a huge cluster is bounded in cost and close to the exact one", "[cluster_shapes]") {
  GeosContext ctx;
  std::mt19937_64 rng(9);
  const auto p = snapped_cluster(rng, 40000, 400000, 1500);  // 400,000 incidents on up to 40,000 snap points
  const auto t0 = std::chrono::steady_clock::now();
  const GeomPtr bounded = concave_hull(ctx, p, 0.3, 25);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const GeomPtr exact = own(ctx, GEOSConcaveHull_r(ctx.get(), all_points(ctx, p).get(), 0.3, 0), "concave");
  const double a = area(ctx, bounded.get()), b = area(ctx, exact.get());
  CHECK(GEOSGeomTypeId_r(ctx.get(), bounded.get()) == GEOS_POLYGON);
  CHECK(a == Approx(b).epsilon(0.05));
  CHECK(seconds < 2.0);
  // Every incident location lies inside the thinned outline or close to it.
  const GeomPtr near = own(ctx, GEOSBuffer_r(ctx.get(), bounded.get(), 150, 8), "buffer");
  const PreparedPtr inside = prepare(ctx, near.get());
  std::size_t outside = 0;
  for (std::size_t i = 0; i < p.size(); i += 97) {
    const GeomPtr pt = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), p[i].x, p[i].y), "point");
    outside += GEOSPreparedContains_r(ctx.get(), inside.get(), pt.get()) != 1;
  }
  CHECK(outside == 0);
}
