// `hotspot init` end to end: the binary writes a run file for the sample that validates.
#include <catch2/catch.hpp>

#include <filesystem>

#include "test_support.hpp"

using namespace hotspot;

TEST_CASE("hotspot init on the sample writes a run file that validates", "[init][e2e]") {
  test::TempDir dir("init-sample");
  const std::filesystem::path sample = test::source_dir() / "data/sample";
  const std::string init = "init --wards '" + (sample / "wards.geojson").string() + "' --incidents '" +
                           (sample / "incidents/*.csv").string() + "' --area Kingsmere --config '" +
                           (dir / "run.toml").string() + "'";
  REQUIRE(test::run_hotspot(init, dir / "init.log") == 0);
  const std::string toml = test::read_text(dir / "run.toml");
  INFO(toml);
  CHECK(toml.find("taxonomy = \"force-extract\"") != std::string::npos);
  CHECK(toml.find("format = \"mapped_csv\"") != std::string::npos);
  CHECK(toml.find("period = \"2025-12\"") != std::string::npos);
  CHECK(test::run_hotspot("init --wards '" + (sample / "wards.geojson").string() + "' --incidents '" +
                              (dir / "nothing*.csv").string() + "' --config '" + (dir / "other.toml").string() + "'",
                          dir / "none.log") == 1);
  CHECK(test::read_text(dir / "none.log").find("matches no file") != std::string::npos);
  const int rc = test::run_hotspot("validate '" + (dir / "run.toml").string() + "'", dir / "validate.log");
  INFO(test::read_text(dir / "validate.log"));
  CHECK(rc == 0);
  CHECK(test::read_text(dir / "validate.log").find("Rows read 50878 = accepted") != std::string::npos);
}
