// `hotspot init`: what the sniffer finds in the sample and the run file it writes.
#include <catch2/catch.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>

#include "app/cli/init_config.hpp"
#include "app/config/shipped_taxonomy.hpp"
#include "core/error.hpp"
#include "io/source_sniffer.hpp"
#include "test_support.hpp"

using namespace hotspot;
using Catch::Matchers::Contains;

namespace {
std::vector<std::string> sample_incident_files() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() / "data/sample/incidents"))
    files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

TEST_CASE("init finds the sample wards' code and name fields", "[init]") {
  const auto g = sniff_ward_layer((test::source_dir() / "data/sample/wards.geojson").string(), "", "");
  CHECK(g.features == 18);
  CHECK(g.code_field == "ward_code");
  CHECK(g.name_field == "ward_name");
  const auto one = sniff_ward_layer((test::source_dir() / "data/sample/wards.geojson").string(), "",
                                    "ward_name = 'Westbury'");
  CHECK(one.features == 1);
  CHECK_THROWS_WITH(sniff_ward_layer((test::source_dir() / "data/sample/wards.geojson").string(), "",
                                     "ward_name = 'Nowhere'"),
                    Contains("no ward matches"));
}

TEST_CASE("init maps the sample force extract's columns", "[init]") {
  const auto g = sniff_incident_csvs(sample_incident_files());
  CHECK_FALSE(g.police_uk);
  CHECK(g.id == "incident_ref");
  CHECK(g.date == "occurred_at");
  CHECK(g.x == "easting");
  CHECK(g.y == "northing");
  CHECK(g.category == "offence_group");
  CHECK(g.subcategory == "offence");
  CHECK(g.flag_columns == std::vector<std::string>{"da_flag", "hate_flag"});
  CHECK(g.crs == "EPSG:27700");
  CHECK(g.first_month == "2023-12");
  CHECK(g.last_month == "2025-12");
}

TEST_CASE("init recognises a police.uk file and writes a run file that parses", "[init]") {
  test::TempDir dir("init");
  const auto file = dir / "2017-04-x-street.csv";
  test::write_text(file,
                   "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime "
                   "type,Last outcome category,Context\n"
                   ",2017-04,Metropolitan Police Service,Metropolitan Police Service,0.19,51.53,On or near X,"
                   "E01002374,Havering 027E,Anti-social behaviour,,\n"
                   ",2017-05,Metropolitan Police Service,Metropolitan Police Service,0.19,51.53,On or near X,"
                   "E01002374,Havering 027E,Anti-social behaviour,,\n");
  const auto g = sniff_incident_csvs({file.string()});
  CHECK(g.police_uk);
  CHECK(g.crs == "EPSG:4326");
  CHECK(g.last_month == "2017-05");
  WardLayerGuess w;
  w.code_field = "GSS_CODE";
  w.name_field = "NAME";
  w.features = 18;
  w.crs_name = "EPSG:27700";
  InitAnswers a;
  a.wards_path = "London_Ward.shp";
  a.wards_where = "BOROUGH = 'Havering'";
  a.incident_paths = {"police-uk/havering/*.csv"};
  const toml::table t = toml::parse(init_config_text(a, w, g));
  CHECK(t["run"]["area_name"].value_or(std::string()) == "Havering");
  CHECK(t["run"]["period"].value_or(std::string()) == "2017-05");
  CHECK(t["run"]["taxonomy"].value_or(std::string()) == "police-uk");
  CHECK(t["wards"]["where"].value_or(std::string()) == "BOROUGH = 'Havering'");
  CHECK(t["wards"]["code_field"].value_or(std::string()) == "GSS_CODE");
  CHECK(t["incidents"][0]["format"].value_or(std::string()) == "police_uk");
  CHECK(t["incidents"][0]["paths"][0].value_or(std::string()) == "police-uk/havering/*.csv");
  // The pack is named after the area, so a second area set up beside it gets its own.
  CHECK(t["run"]["output"].value_or(std::string()) == "out/havering");
  a.wards_where = "BOROUGH = 'Barking and Dagenham'";
  CHECK(toml::parse(init_config_text(a, w, g))["run"]["output"].value_or(std::string()) == "out/barking-and-dagenham");
  a.output = "packs/bd";  // --output still names any folder
  CHECK(toml::parse(init_config_text(a, w, g))["run"]["output"].value_or(std::string()) == "packs/bd");
}

TEST_CASE("init escapes what it writes into TOML strings", "[init]") {
  WardLayerGuess w;
  w.code_field = "code";
  w.name_field = "name";
  IncidentGuess g;
  g.x = "x";
  InitAnswers a;
  a.area_name = "St \"Mary's\" \\ North";
  a.wards_path = "w.gpkg";
  a.incident_paths = {"a.csv"};
  const toml::table t = toml::parse(init_config_text(a, w, g));
  CHECK(t["run"]["area_name"].value_or(std::string()) == "St \"Mary's\" \\ North");
  CHECK_FALSE(t["run"].as_table()->contains("period"));  // no dates read: left for the analyst, commented
}

TEST_CASE("shipped taxonomies are found by name, other values are paths", "[init][taxonomy]") {
  CHECK(shipped_taxonomy_names() == std::vector<std::string>{"force-extract", "police-uk"});
  CHECK(resolve_taxonomy("police-uk", "/nowhere", "run.taxonomy") ==
        test::source_dir() / "data/themes/police-uk.toml");
  CHECK(resolve_taxonomy("../themes/force-extract.toml", test::source_dir() / "data/sample", "run.taxonomy") ==
        (test::source_dir() / "data/themes/force-extract.toml").lexically_normal());
  CHECK_THROWS_WITH(resolve_taxonomy("police_uk", "/nowhere", "hotspot.toml:9: run.taxonomy"),
                    Contains("Did you mean 'police-uk'?") && Contains("force-extract, police-uk"));
}
