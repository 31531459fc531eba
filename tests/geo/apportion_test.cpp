// Small areas apportioned to wards, on hand-made squares with known answers:
// nested, split, a boundary sliver, outside, and half outside.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "geo/apportion.hpp"
#include "geo/ward_set.hpp"

using namespace hotspot;

namespace {

std::vector<unsigned char> box_wkb(const GeosContext& ctx, double x0, double y0, double x1, double y1) {
  GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx.get());
  const std::string wkt = fmt::format("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))", x0, y0, x1, y1);
  GeomPtr g = own(ctx, GEOSWKTReader_read_r(ctx.get(), reader, wkt.c_str()), "box");
  GEOSWKTReader_destroy_r(ctx.get(), reader);
  return geom_to_wkb(ctx, g.get());
}

Ward ward(const GeosContext& ctx, const char* code, double x0, double x1) {
  Ward w;
  w.code = code;
  w.name = code;
  w.area_m2 = (x1 - x0) * 100;
  w.wkb = box_wkb(ctx, x0, 0, x1, 100);
  return w;
}

}  // namespace

TEST_CASE("apportioning small areas to wards by area", "[apportion]") {
  GeosContext ctx;
  const std::vector<Ward> wards = {ward(ctx, "W0", 0, 100), ward(ctx, "W1", 100, 200)};
  const WardSet set(ctx, wards);
  const auto area = [&](double x0, double x1, double count) { return SmallArea{box_wkb(ctx, x0, 0, x1, 100), count}; };

  SECTION("nested: whole to its ward, exactly") {
    const Apportionment a = apportion(ctx, set, {area(10, 50, 100)});
    CHECK(a.count == std::vector<double>{100, 0});
    CHECK(a.split == std::vector<double>{0, 0});
    CHECK(a.nested == 1);
  }
  SECTION("split: in proportion to the shared area") {
    const Apportionment a = apportion(ctx, set, {area(25, 125, 200)});
    CHECK(a.count[0] == Approx(150));
    CHECK(a.count[1] == Approx(50));
    CHECK(a.split[0] == Approx(150));
    CHECK(a.split_areas == 1);
    CHECK(a.count_outside == Approx(0).margin(1e-9));
  }
  SECTION("a sliver of another resolution: nested within the tolerance, split beyond it") {
    const Apportionment a = apportion(ctx, set, {area(1, 101, 100)});  // 1% in W1
    CHECK(a.count == std::vector<double>{100, 0});
    CHECK(a.nested == 1);
    const Apportionment strict = apportion(ctx, set, {area(1, 101, 100)}, 0.005);
    CHECK(strict.count[0] == Approx(99));
    CHECK(strict.count[1] == Approx(1));
  }
  SECTION("outside, a neighbour's sliver, and half outside") {
    const Apportionment a = apportion(ctx, set, {area(300, 400, 50), area(199, 299, 80), area(150, 250, 100)});
    CHECK(a.count[0] == 0);
    CHECK(a.count[1] == Approx(50));  // half of the last; none of the sliver
    CHECK(a.outside == 2);
    CHECK(a.split_areas == 1);
    CHECK(a.count_outside == Approx(50));
  }
  SECTION("residents are conserved: given = in wards + outside") {
    const std::vector<SmallArea> areas = {area(10, 50, 100), area(25, 125, 200), area(150, 250, 100)};
    const Apportionment a = apportion(ctx, set, areas);
    CHECK(a.count[0] + a.count[1] + a.count_outside == Approx(400));
  }
}
