// The relative risk surface on a hand-made pair of grids: the ratio to the
// area-wide rate where residents are dense enough, nodata elsewhere, and a
// withheld numerator stays withheld.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "analysis/risk_surface.hpp"

using namespace hotspot;

TEST_CASE("relative risk: incident density over resident density, against the area's rate", "[risk_surface]") {
  Grid inc;
  inc.spec.nx = 5;
  inc.spec.ny = 1;
  inc.values = {20, 40, std::numeric_limits<double>::quiet_NaN(), 5, 9};
  inc.in_area = {1, 1, 1, 1, 0};
  const std::vector<double> res = {2000, 2000, 2000, 400, 2000};
  // The area: 100 incidents, 10,000 residents: 0.01 incidents a resident.
  const RiskSurface r = relative_risk(inc, res, RiskParams{100, 10000, 1000});
  CHECK(r.ratio.values[0] == Approx(1.0));  // 20 / 2000 = the area's rate
  CHECK(r.ratio.values[1] == Approx(2.0));
  CHECK(std::isnan(r.ratio.values[2]));  // the numerator was withheld
  CHECK(std::isnan(r.ratio.values[3]));  // 400 residents per km2: under the floor
  CHECK(std::isnan(r.ratio.values[4]));  // outside the area
  CHECK(r.cells == 2);
  CHECK(r.masked == 2);
}

TEST_CASE("relative risk without incidents or residents is nodata everywhere", "[risk_surface]") {
  Grid inc;
  inc.spec.nx = 2;
  inc.spec.ny = 1;
  inc.values = {0, 0};
  const RiskSurface r = relative_risk(inc, {5000, 5000}, RiskParams{0, 10000, 1000});
  CHECK(r.cells == 0);
  CHECK(r.masked == 2);
}
