// Cluster outlines from lattice cells: every hull vertex is a cell corner, the
// ellipse centre a cell centre, each hull covers every incident, and huge
// clusters stay bounded in cost.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "geo/cluster_shapes.hpp"

using namespace hotspot;

namespace {

double area(const GeosContext& ctx, const GEOSGeometry* g) {
  double a = 0;
  GEOSArea_r(ctx.get(), g, &a);
  return a;
}

// Every vertex of a (multi)polygon's rings.
std::vector<std::pair<double, double>> vertices(const GeosContext& ctx, const GEOSGeometry* g) {
  std::vector<std::pair<double, double>> out;
  auto ring = [&](const GEOSGeometry* r) {
    const GEOSCoordSequence* s = GEOSGeom_getCoordSeq_r(ctx.get(), r);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx.get(), s, &n);
    for (unsigned i = 0; i < n; ++i) {
      double x = 0, y = 0;
      GEOSCoordSeq_getXY_r(ctx.get(), s, i, &x, &y);
      out.emplace_back(x, y);
    }
  };
  for (int k = 0; k < GEOSGetNumGeometries_r(ctx.get(), g); ++k) {
    const GEOSGeometry* p = GEOSGetGeometryN_r(ctx.get(), g, k);
    ring(GEOSGetExteriorRing_r(ctx.get(), p));
    for (int h = 0; h < GEOSGetNumInteriorRings_r(ctx.get(), p); ++h) ring(GEOSGetInteriorRingN_r(ctx.get(), p, h));
  }
  return out;
}

bool multiple_of(double v, double side) { return std::fabs(v / side - std::round(v / side)) < 1e-9; }

bool covers_all(const GeosContext& ctx, const GEOSGeometry* g, const std::vector<WeightedPoint>& pts) {
  const PreparedPtr prep = prepare(ctx, g);
  for (const auto& p : pts) {
    const GeomPtr pt = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), p.x, p.y), "point");
    if (GEOSPreparedCovers_r(ctx.get(), prep.get(), pt.get()) != 1) return false;
  }
  return true;
}

// Snap points with many incidents each, in a few lumps, at decimetre precision.
std::vector<WeightedPoint> snapped_cluster(std::mt19937_64& rng, std::size_t locations, std::size_t points, double sd) {
  std::normal_distribution<double> n(0, sd);
  std::vector<WeightedPoint> snap(locations);
  for (auto& s : snap) s = {std::round((530000 + n(rng)) * 10) / 10, std::round((180000 + n(rng)) * 10) / 10, 1};
  std::vector<WeightedPoint> p;
  for (std::size_t i = 0; i < points; ++i) p.push_back(snap[rng() % locations]);
  return p;
}

}  // namespace

TEST_CASE("occupied cells count incidents per lattice cell, floor on both sides of zero", "[cluster_shapes]") {
  const std::vector<WeightedPoint> p = {{530012.3, 180049.9, 1}, {530049.9, 180000.0, 1}, {530050.0, 180000, 1},
                                        {-0.1, -49.9, 1}, {-50.0, 0, 1}};
  const auto cells = occupied_cells(p, 50);
  REQUIRE(cells.size() == 4);
  CHECK(cells[0] == LatticeCell{-1, -1, 1});
  CHECK(cells[1] == LatticeCell{-1, 0, 1});
  CHECK(cells[2] == LatticeCell{10600, 3600, 2});
  CHECK(cells[3] == LatticeCell{10601, 3600, 1});
}

TEST_CASE("hulls are built from cells: vertices on the lattice, every incident covered", "[cluster_shapes]") {
  GeosContext ctx;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    const auto p = snapped_cluster(rng, 5 + rng() % 400, 50 + rng() % 3000, 40);
    const auto cells = occupied_cells(p, 50);
    INFO("seed " << seed << " points " << p.size() << " cells " << cells.size());
    const GeomPtr convex = convex_hull(ctx, cells, 50);
    const GeomPtr concave = concave_hull(ctx, cells, 50, 0.3);
    const GeomPtr cells_only = cells_union(ctx, cells, 50);
    for (const GEOSGeometry* g : {convex.get(), concave.get(), cells_only.get()}) {
      for (const auto& [x, y] : vertices(ctx, g)) {
        CHECK(multiple_of(x, 50));
        CHECK(multiple_of(y, 50));
      }
      CHECK(covers_all(ctx, g, p));
    }
    CHECK(area(ctx, cells_only.get()) == Approx(2500.0 * static_cast<double>(cells.size())));
    CHECK(area(ctx, concave.get()) <= area(ctx, convex.get()) + 1e-6);
    CHECK(area(ctx, concave.get()) >= area(ctx, cells_only.get()) - 1e-6);
  }
}

TEST_CASE("a cluster on one snap point is its cell, and its ellipse a circle on the cell centre", "[cluster_shapes]") {
  GeosContext ctx;
  const std::vector<WeightedPoint> p(5000, WeightedPoint{530012.3, 180037.8, 1});
  const auto cells = occupied_cells(p, 50);
  REQUIRE(cells.size() == 1);
  CHECK(cells[0].count == 5000);
  for (const GeomPtr& g : {convex_hull(ctx, cells, 50), concave_hull(ctx, cells, 50, 0.3)}) {
    CHECK(area(ctx, g.get()) == Approx(2500));
    for (const auto& [x, y] : vertices(ctx, g.get())) {
      CHECK((x == 530000 || x == 530050));
      CHECK((y == 180000 || y == 180050));
    }
  }
  const Ellipse e = deviational_ellipse(cells, 50);
  CHECK(e.cx == 530025);  // the cell centre, 12.7 m from the incidents
  CHECK(e.cy == 180025);
  CHECK(e.major == 25);
  CHECK(e.minor == 25);
  CHECK(area(ctx, ellipse_polygon(ctx, e).get()) == Approx(M_PI * 625).epsilon(0.01));
}

TEST_CASE("the ellipse weighs cell centres by counts and snaps its centre to a cell centre", "[cluster_shapes]") {
  // 3 incidents in cell (0,0), 1 in cell (4,4): weighted mean of centres (75, 75) -> cell (1,1), centre (75, 75).
  const std::vector<LatticeCell> cells = {{0, 0, 3}, {4, 4, 1}};
  const Ellipse e = deviational_ellipse(cells, 50);
  CHECK(e.cx == 75);
  CHECK(e.cy == 75);
  CHECK(e.angle_deg == Approx(45));
  // Along the diagonal the centres are 200 sqrt(2) apart: variance 3/16 * 80000 = 15000, semi-axis sqrt(30000).
  CHECK(e.major == Approx(std::sqrt(30000.0)));
  CHECK(e.minor == 25);  // no spread across: half a cell
  // A mean falling inside cell (2, 0) snaps to that cell's centre.
  const Ellipse f = deviational_ellipse({{0, 0, 1}, {4, 0, 1}}, 50);
  CHECK(f.cx == 125);
  CHECK(f.cy == 25);
}

// Its cost is measured in bench/cluster_bench.cpp, not here: a timed test fails on a busy machine.
TEST_CASE("a concave hull of a huge cluster uses the coarser lattice and stays on it", "[cluster_shapes]") {
  GeosContext ctx;
  std::mt19937_64 rng(9);
  const auto p = snapped_cluster(rng, 60000, 400000, 3000);  // 400,000 incidents on up to 60,000 snap points
  const auto cells = occupied_cells(p, 50);
  REQUIRE(cells.size() > kConcaveHullMaxCells);  // so the coarser lattice is used
  const GeomPtr hull = concave_hull(ctx, cells, 50, 0.3);
  CHECK(GEOSGeomTypeId_r(ctx.get(), hull.get()) == GEOS_POLYGON);
  for (const auto& [x, y] : vertices(ctx, hull.get())) {
    CHECK(multiple_of(x, 50));
    CHECK(multiple_of(y, 50));
  }
  CHECK(covers_all(ctx, hull.get(), p));
  CHECK(area(ctx, hull.get()) <= area(ctx, convex_hull(ctx, cells, 50).get()) + 1e-6);
}
