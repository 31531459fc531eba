// PROJ transforms: a published control point, round trips and areas of use.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "geo/crs_transform.hpp"

using namespace hotspot;

TEST_CASE("WGS84 to British National Grid at a known point", "[crs]") {
  // The Ordnance Survey's worked example in "A guide to coordinate systems in
  // Great Britain" (Annex C): 52 39 27.2531 N, 1 43 4.5177 E (OSGB36) ->
  // E 651409.903, N 313177.270. From WGS84 the datum shift adds ~100 m, so
  // check the OSGB36 geographic case exactly and WGS84 loosely.
  const CrsTransform osgb("EPSG:4277", "EPSG:27700");
  double x = 1.0 + 43.0 / 60 + 4.5177 / 3600, y = 52.0 + 39.0 / 60 + 27.2531 / 3600;
  osgb.apply(x, y);
  CHECK(x == Approx(651409.903).margin(0.01));
  CHECK(y == Approx(313177.270).margin(0.01));

  const CrsTransform wgs("EPSG:4326", "EPSG:27700");
  double lon = -0.1276, lat = 51.5072;  // Charing Cross, about E 530040, N 180420
  wgs.apply(lon, lat);
  CHECK(lon == Approx(530040).margin(150));
  CHECK(lat == Approx(180420).margin(150));
  const CrsTransform back("EPSG:27700", "EPSG:4326");
  back.apply(lon, lat);
  CHECK(lon == Approx(-0.1276).margin(1e-8));
  CHECK(lat == Approx(51.5072).margin(1e-8));
}

TEST_CASE("areas of use catch impossible coordinates", "[crs]") {
  const CrsTransform bng("EPSG:27700", "EPSG:27700");
  CHECK(bng.source_valid_bounds().contains(530000, 180000));
  CHECK_FALSE(bng.source_valid_bounds().contains(9999999, 180000));
  const CrsTransform wgs("EPSG:4326", "EPSG:27700");
  CHECK(wgs.source_valid_bounds().contains(0.1, 51.5));
  CHECK_FALSE(wgs.source_valid_bounds().contains(200, 51.5));
  CHECK_FALSE(wgs.source_valid_bounds().contains(0.1, 95));
  double x[2] = {1e300, 0.1}, y[2] = {1e300, 51.5};
  wgs.apply(x, y, 2);
  CHECK_FALSE(std::isfinite(x[0]));
  CHECK(std::isfinite(x[1]));
  CHECK_THROWS_AS(CrsTransform("EPSG:999999", "EPSG:27700"), Error);
}
