// Repeat locations against hand-worked answers.
#include <catch2/catch.hpp>

#include "analysis/repeat_locations.hpp"

using namespace hotspot;

namespace {

Incident at(double x, double y, Month month) {
  Incident i;
  i.x = x;
  i.y = y;
  i.month = month;
  i.ward = 7;
  return i;
}

}  // namespace

TEST_CASE("repeat locations snap, count months, drop the rare and rank stably", "[repeat]") {
  const Month jan = make_month(2017, 1);
  // A: five incidents within a few metres over three months; B: three in one month;
  // C: three over three months; D: one (under the minimum).
  const std::vector<Incident> rows = {
      at(1000, 2000, jan),     at(1003, 2002, jan),     at(998, 1999, jan + 1), at(1001, 2001, jan + 2),
      at(1000, 2004, jan + 2), at(5000, 5000, jan + 5), at(5001, 5000, jan + 5), at(5000, 5002, jan + 5),
      at(3000, 3000, jan),     at(3000, 3000, jan + 3), at(3000, 3000, jan + 4), at(9000, 9000, jan)};
  std::vector<const Incident*> ptrs;
  for (const Incident& r : rows) ptrs.push_back(&r);
  const auto locs = repeat_locations(ptrs, 10, 2, 10);
  REQUIRE(locs.size() == 3);
  CHECK(locs[0].incidents == 5);
  CHECK(locs[0].months_active == 3);
  CHECK(locs[0].x == 1000);
  CHECK(locs[0].y == 2000);
  CHECK(locs[0].ward == 7);
  // B and C tie on incidents; C was active in more months, so it ranks first.
  CHECK(locs[1].x == 3000);
  CHECK(locs[1].months_active == 3);
  CHECK(locs[2].x == 5000);
  CHECK(locs[2].months_active == 1);
  CHECK(repeat_locations(ptrs, 10, 4, 10).size() == 1);  // a higher minimum (min_count) keeps only A
  CHECK(repeat_locations(ptrs, 10, 2, 1).size() == 1);   // the top one
}
