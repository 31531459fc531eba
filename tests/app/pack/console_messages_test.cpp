// The console and the messages a newcomer meets (issue 26 part 8): a short
// account by default (per-file lines with --verbose), "did you mean" for
// misspelt commands and flags as for config keys, a missing file said with
// its nearest existing name, a ward filter that selects nothing said with the
// values there are, and a period from --period blamed on the flag.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "app/support/small_scene.hpp"
#include "test_support.hpp"

using namespace hotspot;
using Catch::Matchers::Contains;
using test::Result;
using test::Scene;
namespace fs = std::filesystem;

TEST_CASE("console: the account's totals by default, a line only for files worth a look, every file with --verbose",
          "[e2e][console][issue26]") {
  const Scene s("console");
  // b.csv loses a row (no date); a.csv is clean.
  test::write_text(s.dir / "incidents" / "b.csv", std::string(test::kHeader) + test::good_rows(4, 100) +
                                                      "R999,,Burglary,530100,180100,1\n");
  Result r = s.run("validate");
  INFO(r.log);
  REQUIRE(r.rc == 0);
  CHECK_THAT(r.log, Contains("Rows read 25 = accepted 24 + outside the data window 0 + rejected 1, from 2 files"));
  CHECK_THAT(r.log, Contains("1 of the 2 files need a look (rows rejected, a copy skipped, or no rows):"));
  CHECK_THAT(r.log, Contains("incidents/b.csv: read 5, accepted 4, outside the data window 0, rejected 1"));
  CHECK(r.log.find("incidents/a.csv:") == std::string::npos);
  r = s.run("validate", "--verbose");
  CHECK(r.rc == 0);
  CHECK_THAT(r.log, Contains("incidents/a.csv: read 20, accepted 20, outside the data window 0, rejected 0"));
  CHECK_THAT(r.log, Contains("incidents/b.csv: read 5, accepted 4"));
  CHECK(r.log.find("need a look") == std::string::npos);
}

TEST_CASE("command line: a misspelt command or flag gets \"did you mean\" and exit 2", "[e2e][console][issue26]") {
  const Scene s("typos");
  test::write_text(s.dir / "run.toml", s.config());
  Result r = s.hotspot("rnu run.toml");
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("'rnu' is not a hotspot command. Did you mean 'run'? The commands: run, validate, wards, "
                             "kde, clusters, venues, evaluate, init, options."));
  r = s.hotspot("evalute run.toml");
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("Did you mean 'evaluate'?"));
  r = s.hotspot("run run.toml --perod 2017-04");
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("--perod is not an option of `hotspot run`. Did you mean '--period'? `hotspot run --help` "
                             "lists them."));
  r = s.hotspot("validate run.toml --quite");
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("--quite is not an option of `hotspot validate`. Did you mean '--quiet'?"));
  r = s.hotspot("init --ward wards.geojson --incidents 'incidents/*.csv'");
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("--ward is not an option of `hotspot init`. Did you mean '--wards'?"));
  r = s.hotspot("");
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("name a command: run, validate,"));
  // A value that looks like a flag is the option's value, not a typo; known flags still work.
  r = s.hotspot("validate run.toml --period 2017-04 --verbose");
  INFO(r.log);
  CHECK(r.rc == 0);
  CHECK(s.hotspot("--version").rc == 0);
}

TEST_CASE("a missing wards file says it does not exist, at its config line, with the nearest name there is",
          "[e2e][console][issue26]") {
  const Scene s("missing-wards");
  std::string toml = s.config();
  toml.replace(toml.find("wards.geojson"), 13, "ward.geojson");
  Result r = s.run("validate", "", toml);
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("run.toml:5: wards.path: '" + (s.dir / "ward.geojson").string() + "' does not exist. "
                             "Did you mean '" + (s.dir / "wards.geojson").string() + "'?"));
  toml = s.config();
  toml.replace(toml.find("wards.geojson"), 13, "boundary/wards.geojson");
  fs::create_directories(s.dir / "boundaries");
  r = s.run("validate", "", toml);
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("The folder " + (s.dir / "boundary").string() + " does not exist. Did you mean '" +
                             (s.dir / "boundaries").string() + "'?"));
  // hotspot init says the same of --wards, and of an incident glob in a misspelt folder.
  r = s.hotspot("init --wards ward.geojson --incidents 'incidents/*.csv'");
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("--wards 'ward.geojson' does not exist. Did you mean '" +
                             (s.dir / "wards.geojson").string() + "'?"));
  r = s.hotspot("init --wards wards.geojson --incidents 'incident/*.csv'");
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("Did you mean '" + (s.dir / "incidents").string() + "'?"));
}

TEST_CASE("a ward filter that selects nothing lists the values the field holds", "[e2e][console][issue26]") {
  const Scene s("where");
  std::string toml = s.config();
  toml.replace(toml.find("[wards]\n"), 8, "[wards]\nwhere = \"name = 'Alpah'\"\n");
  Result r = s.run("validate", "", toml);
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("wards.where \"name = 'Alpah'\" selects no ward of " + (s.dir / "wards.geojson").string() +
                             ". name has 2 values; for 'Alpah', did you mean 'Alpha'? Its values: 'Alpha', 'Beta'. "
                             "Check wards.where."));
  r = s.hotspot("init --wards wards.geojson --where \"name = 'Bta'\" --incidents 'incidents/*.csv'");
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("--where \"name = 'Bta'\" selects no ward of wards.geojson. name has 2 values; for 'Bta', "
                             "did you mean 'Beta'?"));
  CHECK_FALSE(fs::exists(s.dir / "hotspot.toml"));  // nothing written
}

TEST_CASE("period errors: --period is named as the flag, a period in the file by its key", "[e2e][console][issue26]") {
  const Scene s("period");
  Result r = s.run("run", "--period 2017-13");
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("error in config: --period: '2017-13' is not a period."));
  CHECK(r.log.find("run.toml") == std::string::npos);
  r = s.run("run", "--period 2019-04");
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("no row was accepted in the period 2019-04 (2019-04)"));
  CHECK_THAT(r.log, Contains("Check --period against the months the input files cover"));
  std::string toml = s.config();
  toml.replace(toml.find("2017-04"), 7, "2019-04");
  r = s.run("run", "", toml);
  CHECK(r.rc == 1);
  CHECK_THAT(r.log, Contains("Check run.period against the months the input files cover"));
  toml.replace(toml.find("2019-04"), 7, "2017-13");
  r = s.run("run", "", toml);
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("run.toml:2: run.period: '2017-13' is not a period."));
}
