// Ward boundaries: reprojection, repair of invalid polygons, population, errors.
#include <catch2/catch.hpp>

#include "core/diagnostics.hpp"
#include "core/error.hpp"
#include "geo/crs_transform.hpp"
#include "io/population_reader.hpp"
#include "io/ward_reader.hpp"
#include "test_support.hpp"

using namespace hotspot;
using Catch::Matchers::Contains;

namespace {

WardSource source_for(const std::filesystem::path& p) {
  WardSource s;
  s.path = p.string();
  s.code_field = "code";
  s.name_field = "name";
  return s;
}

}  // namespace

TEST_CASE("a bow-tie ward is repaired with a warning that names it", "[ward_reader]") {
  test::TempDir dir("wards-bowtie");
  test::write_text(dir / "w.geojson", R"({"type":"FeatureCollection",
 "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},
 "features":[
 {"type":"Feature","properties":{"code":"E2","name":"Twisted"},
  "geometry":{"type":"Polygon","coordinates":[[[0,0],[100,100],[100,0],[0,100],[0,0]]]}},
 {"type":"Feature","properties":{"code":"E1","name":"Square","pop":1200},
  "geometry":{"type":"Polygon","coordinates":[[[200,0],[300,0],[300,100],[200,100],[200,0]]]}}]})");
  GeosContext ctx;
  Diagnostics diag;
  WardSource src = source_for(dir / "w.geojson");
  src.population_field = "pop";
  const WardReadResult r = read_wards(ctx, src, "EPSG:27700", diag);
  REQUIRE(r.wards.size() == 2);
  CHECK(r.wards[0].code == "E1");  // sorted by code
  CHECK(r.wards[0].population == Approx(1200));
  CHECK_FALSE(r.wards[1].population);
  CHECK(r.wards[0].area_m2 == Approx(10000));
  CHECK(r.wards[1].area_m2 == Approx(5000));  // two triangles of 2,500 m2
  REQUIRE(diag.warnings.size() == 1);
  CHECK_THAT(diag.warnings[0], Contains("E2 (Twisted)"));
  CHECK_THAT(diag.warnings[0], Contains("repaired"));
}

TEST_CASE("wards in WGS84 are reprojected to the analysis CRS", "[ward_reader]") {
  // A 0.01 x 0.01 degree box near London: PROJ gives its BNG area; compare with
  // the same box transformed vertex by vertex with an independent transform.
  test::TempDir dir("wards-wgs84");
  test::write_text(dir / "w.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"code":"A","name":"Box"},
  "geometry":{"type":"Polygon","coordinates":[[[-0.10,51.50],[-0.09,51.50],[-0.09,51.51],[-0.10,51.51],[-0.10,51.50]]]}}]})");
  GeosContext ctx;
  Diagnostics diag;
  const WardReadResult r = read_wards(ctx, source_for(dir / "w.geojson"), "EPSG:27700", diag);
  REQUIRE(r.wards.size() == 1);
  // About 694 m east-west by 1,112 m north-south at 51.5 N.
  CHECK(r.wards[0].area_m2 == Approx(694.0 * 1112.0).epsilon(0.01));
  CHECK(diag.warnings.empty());
}

TEST_CASE("ward sources with problems fail with what to do", "[ward_reader]") {
  test::TempDir dir("wards-bad");
  GeosContext ctx;
  Diagnostics diag;
  test::write_text(dir / "dup.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"code":"A","name":"x"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
 {"type":"Feature","properties":{"code":"A","name":"y"},"geometry":{"type":"Polygon","coordinates":[[[2,0],[3,0],[3,1],[2,0]]]}}]})");
  auto message = [&](const WardSource& s) {
    try {
      read_wards(ctx, s, "EPSG:27700", diag);
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::BadInput);
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK_THAT(message(source_for(dir / "dup.geojson")), Contains("appears twice"));
  WardSource wrong_field = source_for(dir / "dup.geojson");
  wrong_field.code_field = "GSS_CODE";
  CHECK_THAT(message(wrong_field), Contains("'GSS_CODE'"));
  CHECK_THAT(message(wrong_field), Contains("code, name"));
  WardSource filtered = source_for(dir / "dup.geojson");
  filtered.where = "code = 'nothing'";
  CHECK_THAT(message(filtered), Contains("has no features matching wards.where = \"code = 'nothing'\""));
  CHECK_THAT(message(source_for(dir / "absent.shp")), Contains("cannot open"));
}

TEST_CASE("population CSV by ward code", "[ward_reader]") {
  test::TempDir dir("population");
  test::write_text(dir / "p.csv", "\xEF\xBB\xBFward,people\r\nE1,1200\r\nE2,950.5\r\n");
  const PopulationColumns cols{.code_column = "ward", .value_column = "people", .ages = {}, .prefix = {}};
  const auto pop = read_population_csv((dir / "p.csv").string(), cols).by_code;
  REQUIRE(pop.size() == 2);
  CHECK(pop.at("E1") == 1200);
  CHECK(pop.at("E2") == 950.5);
  test::write_text(dir / "bad.csv", "ward,people\nE1,lots\n");
  CHECK_THROWS_WITH(read_population_csv((dir / "bad.csv").string(), cols),
                    Contains("bad.csv:2") && Contains("'lots'"));
}
