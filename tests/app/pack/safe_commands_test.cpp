// No command loses a pack (issue 26 part 1): evaluate and the stage commands
// write beside the pack, never into it; a run stops before replacing a pack
// of another area or run file unless --force; init names each area's pack
// after the area. Each case checks the exit code, the message and that the
// pack's files are byte for byte what they were.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <string>

#include "app/support/small_scene.hpp"
#include "test_support.hpp"

using namespace hotspot;
using Catch::Matchers::Contains;
using test::Result;
namespace fs = std::filesystem;

namespace {

// Four 1 km wards in two boroughs, North (E01, E02) and South (E03, E04).
std::string two_boroughs_geojson() {
  const auto square = [](const char* code, const char* borough, int x0) {
    return fmt::format(R"({{"type":"Feature","properties":{{"code":"{}","name":"{}","borough":"{}"}},)"
                       R"("geometry":{{"type":"Polygon","coordinates":[[[{},180000],[{},180000],[{},181000],)"
                       R"([{},181000],[{},180000]]]}}}})",
                       code, code, borough, x0, x0 + 1000, x0 + 1000, x0, x0);
  };
  return std::string(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:27700"}},)"
                     R"("features":[)") +
         square("E01", "North", 530000) + "," + square("E02", "North", 531000) + "," + square("E03", "South", 532000) +
         "," + square("E04", "South", 533000) + "]}";
}

// 16 months of burglaries (2016-01..2017-04) over all four wards: enough for
// the backtest's 12 months of history and a few target months.
std::string sixteen_months() {
  std::string out = test::kHeader;
  for (int i = 0; i < 640; ++i) {
    const int month = i % 16;  // 0 = 2016-01
    out += fmt::format("R{},{}-{:02d}-{:02d},Burglary,{},{},1\n", i, 2016 + month / 12, 1 + month % 12, 1 + i % 28,
                       530100 + (i * 37) % 3800, 180100 + (i * 53) % 800);
  }
  return out;
}

// Every file of a folder and its bytes.
std::map<std::string, std::string> contents(const fs::path& folder) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(folder))
    if (e.is_regular_file()) out[fs::relative(e.path(), folder).string()] = test::read_text(e.path());
  return out;
}

// The scene's two boroughs, 16 months of incidents, and a run file for
// North (run.toml) whose pack is the default out/.
struct Boroughs : test::Scene {
  Boroughs(const std::string& name) : Scene("safe-" + name) {
    test::write_text(dir / "wards.geojson", two_boroughs_geojson());
    test::write_text(dir / "incidents" / "a.csv", sixteen_months());
    write_run_file("run.toml", "North", "out");
  }
  void write_run_file(const std::string& file, const std::string& area, const std::string& output) const {
    std::string toml = config("[evaluate]\nlookbacks = [12]\nhalf_lives = [0]\nbandwidths = [200]\n",
                              fmt::format("area_name = \"{}\"\noutput = \"{}\"\n", area, output));
    toml.replace(toml.find("[wards]\n"), 8, fmt::format("[wards]\nwhere = \"borough = '{}'\"\n", area));
    test::write_text(dir / file, toml);
  }
};

}  // namespace

TEST_CASE("evaluate writes beside the pack and never replaces it, not even with --force", "[e2e][commands][issue26]") {
  const Boroughs s("evaluate");
  REQUIRE(s.hotspot("run run.toml --quiet").rc == 0);
  const auto pack = contents(s.dir / "out"), restricted = contents(s.dir / "out-restricted");
  REQUIRE(pack.count("tasking.qgs"));

  Result r = s.hotspot("evaluate run.toml --quiet");
  INFO(r.log);
  CHECK(r.rc == 0);
  CHECK_THAT(r.log, Contains("Wrote " + (s.dir / "out-evaluation").string()));
  CHECK(fs::exists(s.dir / "out-evaluation" / "evaluation_summary.csv"));
  CHECK(contents(s.dir / "out") == pack);
  CHECK(contents(s.dir / "out-restricted") == restricted);

  // Aimed at the pack, it stops before any work: a usage error naming the pack and what to do.
  for (const char* force : {"", " --force"}) {
    r = s.hotspot(fmt::format("evaluate run.toml --out '{}'{}", (s.dir / "out").string(), force));
    INFO(r.log);
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("the output folder '" + (s.dir / "out").string() +
                               "' holds the tasking pack for North, 2017-04 (run.toml), written by `hotspot run`"));
    CHECK_THAT(r.log, Contains("`hotspot evaluate` never replaces a pack, not even with --force: leave out --out"));
    CHECK(contents(s.dir / "out") == pack);
  }
  // Its own folder it replaces on the next evaluate without a word.
  CHECK(s.hotspot("evaluate run.toml --quiet").rc == 0);
  CHECK(contents(s.dir / "out") == pack);
}

TEST_CASE("the stage commands write to <output>-<command> and never replace a pack", "[e2e][commands][issue26]") {
  const Boroughs s("stages");
  REQUIRE(s.hotspot("run run.toml --quiet").rc == 0);
  const auto pack = contents(s.dir / "out");
  for (const std::string command : {"wards", "kde", "clusters"}) {
    INFO(command);
    Result r = s.hotspot(command + " run.toml --quiet");
    INFO(r.log);
    CHECK(r.rc == 0);
    CHECK(fs::exists(s.dir / ("out-" + command) / "manifest.json"));
    CHECK(fs::exists(s.dir / ("out-" + command + "-restricted") / "manifest.json"));
    r = s.hotspot(fmt::format("{} run.toml --force --out '{}'", command, (s.dir / "out").string()));
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("`hotspot " + command + "` never replaces a pack"));
    CHECK(contents(s.dir / "out") == pack);
  }
  // One command's folder is not another's: kde into wards' folder needs --force.
  Result r = s.hotspot(fmt::format("kde run.toml --out '{}'", (s.dir / "out-wards").string()));
  CHECK(r.rc == 2);
  CHECK_THAT(r.log, Contains("holds the output of `hotspot wards` for North, 2017-04 (run.toml), not `hotspot kde`'s"));
  CHECK_THAT(r.log, Contains("or pass --force to replace that folder"));
  CHECK(s.hotspot(fmt::format("kde run.toml --quiet --force --out '{}'", (s.dir / "out-wards").string())).rc == 0);
}

TEST_CASE("a run stops before replacing the pack of another area or run file, unless --force",
          "[e2e][commands][issue26]") {
  const Boroughs s("other-area");
  REQUIRE(s.hotspot("run run.toml --quiet").rc == 0);
  // The same run file again replaces its own pack: the monthly rerun needs no flag.
  REQUIRE(s.hotspot("run run.toml --quiet").rc == 0);
  const auto pack = contents(s.dir / "out");

  SECTION("another area") {
    s.write_run_file("south.toml", "South", "out");
    Result r = s.hotspot("run south.toml");
    INFO(r.log);
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("the output folder '" + (s.dir / "out").string() +
                               "' holds the tasking pack for North, 2017-04 (run.toml), not for South (south.toml)."));
    CHECK_THAT(r.log, Contains("set run.output (or --out) to a folder of its own, or pass --force to replace that pack."));
    CHECK(contents(s.dir / "out") == pack);
    // validate checks what run would do, and says the same.
    CHECK(s.hotspot("validate south.toml").rc == 2);
    r = s.hotspot("run south.toml --quiet --force");
    CHECK(r.rc == 0);
    CHECK_THAT(test::read_text(s.dir / "out" / "manifest.json"), Contains("\"area_name\": \"South\""));
  }
  SECTION("the same area from another run file") {
    s.write_run_file("copy.toml", "North", "out");
    const Result r = s.hotspot("run copy.toml");
    CHECK(r.rc == 2);
    CHECK_THAT(r.log, Contains("holds the tasking pack for North, 2017-04 (run.toml), not for North (copy.toml)"));
    CHECK(contents(s.dir / "out") == pack);
  }
}

TEST_CASE("init names the pack after the area: a second borough set up beside the first gets its own",
          "[e2e][commands][init][issue26]") {
  const Boroughs s("init");
  for (const char* borough : {"North", "South"}) {
    const Result r = s.hotspot(fmt::format("init --wards wards.geojson --where \"borough = '{}'\" --incidents "
                                           "'incidents/*.csv' --config {}.toml",
                                           borough, borough));
    INFO(r.log);
    REQUIRE(r.rc == 0);
  }
  CHECK_THAT(test::read_text(s.dir / "North.toml"), Contains("output = \"out/north\""));
  CHECK_THAT(test::read_text(s.dir / "South.toml"), Contains("output = \"out/south\""));
  REQUIRE(s.hotspot("run North.toml --quiet").rc == 0);
  REQUIRE(s.hotspot("run South.toml --quiet").rc == 0);
  CHECK_THAT(test::read_text(s.dir / "out" / "north" / "manifest.json"), Contains("\"area_name\": \"North\""));
  CHECK_THAT(test::read_text(s.dir / "out" / "south" / "manifest.json"), Contains("\"area_name\": \"South\""));
  // --output still names any folder.
  const Result r = s.hotspot("init --wards wards.geojson --where \"borough = 'South'\" --incidents 'incidents/*.csv' "
                             "--output packs/s --config other.toml");
  CHECK(r.rc == 0);
  CHECK_THAT(test::read_text(s.dir / "other.toml"), Contains("output = \"packs/s\"\n"));
}
