// Point-in-ward: known answers on hand-made wards, the shared-edge rule, and
// agreement with a brute-force GEOS covers() over every ward on the sample.
#include <catch2/catch.hpp>

#include <random>

#include "core/diagnostics.hpp"
#include "geo/geos_handle.hpp"
#include "geo/ward_index.hpp"
#include "io/ward_reader.hpp"
#include "test_support.hpp"

using namespace hotspot;

namespace {

Ward ward_from_wkt(const GeosContext& ctx, const std::string& code, const std::string& wkt) {
  GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx.get());
  GeomPtr g = own(ctx, GEOSWKTReader_read_r(ctx.get(), reader, wkt.c_str()), "wkt");
  GEOSWKTReader_destroy_r(ctx.get(), reader);
  Ward w;
  w.code = code;
  w.name = code;
  w.wkb = geom_to_wkb(ctx, g.get());
  return w;
}

// The rule written out the slow way: the first ward (in order) whose polygon covers the point.
std::uint32_t brute_force(const GeosContext& ctx, const std::vector<GeomPtr>& geoms, double x, double y) {
  GeomPtr p = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), x, y), "point");
  for (std::uint32_t i = 0; i < geoms.size(); ++i)
    if (GEOSCovers_r(ctx.get(), geoms[i].get(), p.get()) == 1) return i;
  return kNoWard;
}

}  // namespace

TEST_CASE("points inside, outside and on shared edges of hand-made wards", "[ward_index]") {
  GeosContext ctx;
  // A and B share the edge x = 1000; C is a ring whose hole is ward D.
  std::vector<Ward> wards = {
      ward_from_wkt(ctx, "A", "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))"),
      ward_from_wkt(ctx, "B", "POLYGON((1000 0,2000 0,2000 1000,1000 1000,1000 0))"),
      ward_from_wkt(ctx, "C", "POLYGON((0 1000,2000 1000,2000 3000,0 3000,0 1000),(500 1500,1500 1500,1500 2500,500 2500,500 1500))"),
      ward_from_wkt(ctx, "D", "POLYGON((500 1500,1500 1500,1500 2500,500 2500,500 1500))"),
  };
  const WardSet set(ctx, wards);
  const WardIndex& index = set.index();
  CHECK(index.locate(500, 500) == 0);
  CHECK(index.locate(1500, 500) == 1);
  CHECK(index.locate(1000, 500) == 0);    // shared edge A|B: lowest ward wins
  CHECK(index.locate(1000, 1000) == 0);   // corner of A, B and C
  CHECK(index.locate(1500, 1000) == 1);   // edge B|C
  CHECK(index.locate(100, 1100) == 2);
  CHECK(index.locate(1000, 2000) == 3);   // in the hole of C, inside D
  CHECK(index.locate(500, 2000) == 2);    // on the hole's edge: C comes before D
  CHECK(index.locate(-1, 500) == kNoWard);
  CHECK(index.locate(2000.0001, 500) == kNoWard);
  CHECK(index.locate(1e9, 1e9) == kNoWard);
  CHECK(index.locate(std::nan(""), 0) == kNoWard);
}

TEST_CASE("ward index agrees with brute force on the sample borough", "[ward_index]") {
  GeosContext ctx;
  Diagnostics diag;
  WardSource src;
  src.path = (test::source_dir() / "data/sample/wards.geojson").string();
  src.code_field = "ward_code";
  src.name_field = "ward_name";
  const WardReadResult read = read_wards(ctx, src, "EPSG:27700", diag);
  REQUIRE(read.wards.size() == 18);
  const WardSet set(ctx, read.wards);
  const WardIndex& index = set.index();
  std::vector<GeomPtr> geoms;
  for (const Ward& w : read.wards) geoms.push_back(geom_from_wkb(ctx, w.wkb));

  std::mt19937_64 rng(42);
  const Bounds& e = index.extent();
  std::uniform_real_distribution<double> ux(e.min_x - 500, e.max_x + 500), uy(e.min_y - 500, e.max_y + 500);
  std::size_t inside = 0, mismatches = 0;
  for (int i = 0; i < 50000; ++i) {
    const double x = ux(rng), y = uy(rng);
    const std::uint32_t got = index.locate(x, y);
    mismatches += got != brute_force(ctx, geoms, x, y);
    inside += got != kNoWard;
  }
  CHECK(mismatches == 0);
  CHECK(inside > 30000);  // the borough fills most of its bounding box

  // Every vertex of every ward lies on a boundary: the hardest cases.
  std::size_t vertices = 0;
  for (const GeomPtr& g : geoms) {
    GeomPtr ring = own(ctx, GEOSBoundary_r(ctx.get(), g.get()), "boundary");
    GeomPtr pts = own(ctx, GEOSGeom_extractUniquePoints_r(ctx.get(), ring.get()), "points");
    for (int k = 0; k < GEOSGetNumGeometries_r(ctx.get(), pts.get()); ++k) {
      double x, y;
      const GEOSGeometry* p = GEOSGetGeometryN_r(ctx.get(), pts.get(), k);
      GEOSGeomGetX_r(ctx.get(), p, &x);
      GEOSGeomGetY_r(ctx.get(), p, &y);
      CHECK(index.locate(x, y) == brute_force(ctx, geoms, x, y));
      CHECK(index.locate(x, y) != kNoWard);
      ++vertices;
    }
  }
  CHECK(vertices > 200);
}
