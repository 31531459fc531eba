// WardSet: its contiguity equals the brute-force pair loop, its point lookup
// the "lowest code covering the point" rule, its ward overlaps a scan of every
// ward, on the sample borough. The London-wide checks are in
// ward_set_london_test.cpp (real data).
#include <catch2/catch.hpp>

#include <random>

#include "core/diagnostics.hpp"
#include "geo/contiguity.hpp"
#include "geo/ward_index.hpp"
#include "geo/ward_overlap.hpp"
#include "geo/ward_set.hpp"
#include "io/ward_reader.hpp"
#include "test_support.hpp"
#include "ward_set_checks.hpp"

using namespace hotspot;

namespace {

WardReadResult sample_wards(const GeosContext& ctx) {
  Diagnostics diag;
  WardSource src;
  src.path = (test::source_dir() / "data/sample/wards.geojson").string();
  src.code_field = "ward_code";
  src.name_field = "ward_name";
  return read_wards(ctx, src, "EPSG:27700", diag);
}

}  // namespace

TEST_CASE("ward set contiguity equals the brute-force pair loop on the sample", "[ward_set]") {
  GeosContext ctx;
  const WardReadResult read = sample_wards(ctx);
  const WardSet set(ctx, read.wards);
  const SpatialWeights got = queen_contiguity(set);
  const SpatialWeights want = test::brute_force_queen(ctx, read.wards);
  REQUIRE(got.neighbours.size() == 18);
  CHECK(test::same_weights(got, want));
  std::size_t links = 0;
  for (const auto& n : got.neighbours) {
    CHECK(!n.empty());  // a borough's wards each touch another
    links += n.size();
  }
  CHECK(links > 2 * 18);
}

TEST_CASE("ward set point lookup follows the lowest-code rule on the sample", "[ward_set]") {
  GeosContext ctx;
  const WardReadResult read = sample_wards(ctx);
  const WardSet set(ctx, read.wards);
  CHECK(test::lookup_mismatches(ctx, set, read.wards, 20000, 7) == 0);
}

TEST_CASE("ward set overlap of a polygon equals a scan of every ward", "[ward_set]") {
  GeosContext ctx;
  const WardReadResult read = sample_wards(ctx);
  const WardSet set(ctx, read.wards);
  const WardOverlap overlap(ctx, set);
  std::vector<GeomPtr> geoms;
  for (const Ward& w : read.wards) geoms.push_back(geom_from_wkb(ctx, w.wkb));
  std::mt19937_64 rng(3);
  const Bounds& e = set.extent();
  std::uniform_real_distribution<double> ux(e.min_x, e.max_x), uy(e.min_y, e.max_y), ur(50, 1500);
  for (int k = 0; k < 200; ++k) {
    const GeomPtr centre = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), ux(rng), uy(rng)), "point");
    const GeomPtr disc = own(ctx, GEOSBuffer_r(ctx.get(), centre.get(), ur(rng), 8), "disc");
    const WardOverlapResult got = overlap.of(disc.get());
    WardOverlapResult want;
    double best = 0;
    for (std::size_t w = 0; w < geoms.size(); ++w) {
      const GeomPtr both = own(ctx, GEOSIntersection_r(ctx.get(), disc.get(), geoms[w].get()), "overlap");
      double a = 0;
      GEOSArea_r(ctx.get(), both.get(), &a);
      if (a <= 0) continue;
      want.wards.push_back(w);
      if (a > best) best = a, want.main = w;
    }
    CHECK(got.wards == want.wards);
    CHECK(got.main == want.main);
  }
}

TEST_CASE("ward set study area is the union of the wards", "[ward_set]") {
  GeosContext ctx;
  const WardReadResult read = sample_wards(ctx);
  const WardSet set(ctx, read.wards);
  double sum = 0;
  for (const Ward& w : read.wards) sum += w.area_m2;
  CHECK(set.area_m2() == Approx(sum).epsilon(1e-6));  // the sample's wards tile
  CHECK(set.index().ward_count() == read.wards.size());
}
