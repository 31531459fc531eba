// Residents as weighted lattice points: evenly spread, conserved exactly, a
// small area at a point on its surface; and their density surface integrates
// to the residents (a risk surface's denominator).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "analysis/kde.hpp"
#include "geo/resident_points.hpp"

using namespace hotspot;

namespace {

std::vector<unsigned char> box(const GeosContext& ctx, double x0, double y0, double x1, double y1) {
  GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx.get());
  const std::string wkt = fmt::format("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))", x0, y0, x1, y1);
  GeomPtr g = own(ctx, GEOSWKTReader_read_r(ctx.get(), reader, wkt.c_str()), "box");
  GEOSWKTReader_destroy_r(ctx.get(), reader);
  return geom_to_wkb(ctx, g.get());
}

double total(const std::vector<WeightedPoint>& pts) {
  double s = 0;
  for (const WeightedPoint& p : pts) s += p.w;
  return s;
}

}  // namespace

TEST_CASE("residents spread over the lattice points inside each area", "[resident_points]") {
  GeosContext ctx;
  SECTION("a 100 m square on the lattice: 16 points of 25 m, each a 16th") {
    const auto pts = resident_points(ctx, {{box(ctx, 1000, 2000, 1100, 2100), 1000}}, 25);
    REQUIRE(pts.size() == 16);
    CHECK(pts.front().x == 1012.5);
    CHECK(pts.front().y == 2012.5);
    for (const WeightedPoint& p : pts) CHECK(p.w == 62.5);
  }
  SECTION("an area smaller than a lattice square: one point on its surface") {
    const auto pts = resident_points(ctx, {{box(ctx, 1001, 2001, 1009, 2009), 40}}, 25);
    REQUIRE(pts.size() == 1);
    CHECK(pts[0].w == 40);
    CHECK(pts[0].x > 1001);
    CHECK(pts[0].x < 1009);
  }
  SECTION("residents are conserved; an area with none adds no point") {
    const auto pts = resident_points(
        ctx, {{box(ctx, 0, 0, 130, 70), 333}, {box(ctx, 500, 0, 510, 5), 7}, {box(ctx, 900, 0, 1000, 100), 0}}, 25);
    CHECK(total(pts) == Approx(340));
  }
}

TEST_CASE("the residents' density surface integrates to the residents", "[resident_points]") {
  GeosContext ctx;
  const auto pts = resident_points(ctx, {{box(ctx, 10000, 10000, 11000, 10600), 6000}}, 25);
  KdeParams p;
  p.bandwidth = 200;
  const GridSpec spec = aligned_grid(10000, 10000, 11000, 10600, 25, 250);
  const std::vector<double> d = kde(pts, spec, p);
  double mass = 0;
  for (double v : d) mass += v * 25 * 25 / 1e6;  // per km2 times the cell's km2
  CHECK(mass == Approx(6000).epsilon(0.01));
}
