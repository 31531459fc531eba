// Hotspot thresholds from a surface.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/hotspot_classes.hpp"

using namespace hotspot;

TEST_CASE("mean + k sd of the non-zero cells inside the study area", "[hotspot_classes]") {
  Grid g;
  g.spec.nx = 4;
  g.spec.ny = 2;
  g.values = {0, 2, 4, 6, 0, 100, 8, 0};
  g.in_area = {1, 1, 1, 1, 1, 0, 1, 1};  // 100 lies outside: ignored
  const auto c = sd_classes(g);
  // Non-zero in-area values: 2, 4, 6, 8: mean 5, population sd sqrt(5).
  REQUIRE(c.size() == 3);
  CHECK(c[0].threshold == Approx(5 + std::sqrt(5.0)));
  CHECK(c[1].threshold == Approx(5 + 2 * std::sqrt(5.0)));
  CHECK(c[2].name == "mean+3sd");
  CHECK(c[0].threshold < c[1].threshold);
}

TEST_CASE("top percent of study-area cells", "[hotspot_classes]") {
  Grid g;
  g.spec.nx = 10;
  g.spec.ny = 1;
  g.values = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
  const auto c = top_percent_classes(g, {30, 10});
  CHECK(c[0].threshold == 8);  // the top 3 of 10 cells
  CHECK(c[1].threshold == 10);
  CHECK(c[0].name == "top 30%");
  CHECK(c[1].level == 2);
}
