// Many areas in one command on real data: `run --areas BOROUGH` over three
// boroughs' police.uk files gives, for each area, the pack a single-area run
// gives (byte for byte), and an area without data fails alone, named in the
// index and in the error the run ends with (exit 1).
// The restricted folders differ in one way: an area's rejects.csv leaves out
// the rows that lie in another area of the run, and its manifest says how many.
#include <catch2/catch.hpp>

#include <cpl_json.h>

#include <set>
#include <sstream>

#include "io/sha256.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const fs::path& p) {
  std::istringstream in(test::read_text(p));
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string config(const std::string& output, const std::string& extra) {
  const fs::path data = test::shared_data_dir();
  return "[run]\nperiod = \"2017-06\"\ntaxonomy = \"police-uk\"\n" + output +
         "\n[wards]\npath = \"" + (data / "boundaries/london-wards-2014/London_Ward.shp").string() +
         "\"\ncode_field = \"GSS_CODE\"\nname_field = \"NAME\"\n" + extra + "\n[[incidents]]\nformat = \"police_uk\"\npaths = [\"" +
         (data / "police-uk/havering/*.csv").string() + "\", \"" + (data / "police-uk/harrow/*.csv").string() + "\"]\n";
}

}  // namespace

TEST_CASE("areas: one read, each area's pack equals its single-area run, a bad area fails alone", "[real][areas]") {
  test::TempDir dir("areas");
  fs::create_directories(dir / "multi");
  fs::create_directories(dir / "single");
  test::write_text(dir / "multi/run.toml",
                   config("output = \"out\"", "") +
                       "[areas]\nfield = \"BOROUGH\"\nonly = [\"Havering\", \"Harrow\", \"City of London\"]\n");
  const int rc = test::run_hotspot("run '" + (dir / "multi/run.toml").string() + "'", dir / "multi.log");
  const std::string log = test::read_text(dir / "multi.log");
  INFO(log);
  // One area failing does not stop the others; the exit code says the set is not whole.
  REQUIRE(rc == 1);
  CHECK(log.find("City of London: FAILED: no row was accepted in the period 2017-06") != std::string::npos);
  CHECK(log.find("Wrote 2 areas to") != std::string::npos);
  CHECK(log.find("hotspot: error in areas: 1 of 3 areas failed, the other 2 were written (see") != std::string::npos);
  CHECK(log.find("index.html): City of London: no row was accepted") != std::string::npos);

  CPLJSONDocument index;
  REQUIRE(index.Load((dir / "multi/out/index.json").string()));
  const CPLJSONArray areas = index.GetRoot().GetArray("areas");
  REQUIRE(areas.Size() == 3);
  CHECK(areas[0].GetString("area") == "City of London");
  CHECK(areas[0].GetString("status") == "failed");
  CHECK(areas[0].GetString("reason").find("no row was accepted") != std::string::npos);
  CHECK(areas[1].GetString("status") == "written");
  CHECK(areas[2].GetString("status") == "written");
  CHECK_FALSE(fs::exists(dir / "multi/out/city-of-london"));
  CHECK_FALSE(fs::exists(dir / "multi/out-restricted/city-of-london"));
  CHECK(test::read_text(dir / "multi/out/index.html").find("<a href=\"havering/report.html\">Havering</a>") !=
        std::string::npos);

  // The same area alone: the same folders relative to each other, the same config file name.
  for (const std::string borough : {"Havering", "Harrow"}) {
    const std::string slug = borough == "Havering" ? "havering" : "harrow";
    fs::remove_all(dir / "single");
    fs::create_directories(dir / "single");
    test::write_text(dir / "single/run.toml",
                     config("output = \"out/" + slug + "\"\nrestricted_output = \"out-restricted/" + slug +
                                     "\"\narea_name = \"" + borough + "\"",
                            "where = \"BOROUGH = '" + borough + "'\""));
    REQUIRE(test::run_hotspot("run '" + (dir / "single/run.toml").string() + "' --quiet", dir / "single.log") == 0);
    int compared = 0;
    for (const std::string folder : {"out/", "out-restricted/"})
      for (const auto& e : fs::directory_iterator(dir / "single" / (folder + slug))) {
        const std::string name = e.path().filename().string();
        if (name == "timings.json") continue;  // wall-clock times, by design outside the manifest
        INFO(borough << " " << folder << name);
        const fs::path other = dir / "multi" / (folder + slug) / name;
        REQUIRE(fs::exists(other));
        if (folder == "out-restricted/") continue;  // below
        CHECK(sha256_file(e.path().string()) == sha256_file(other.string()));
        ++compared;
      }
    CHECK(compared > 30);
    // The area's rejects are the single run's less the other area's rows, in the same order.
    const std::vector<std::string> alone = lines_of(dir / "single/out-restricted" / slug / "rejects.csv");
    const std::vector<std::string> in_set = lines_of(dir / "multi/out-restricted" / slug / "rejects.csv");
    std::size_t k = 0;
    for (const std::string& line : in_set) {
      while (k < alone.size() && alone[k] != line) ++k;
      REQUIRE(k < alone.size());  // a subsequence of the single run's
    }
    CPLJSONDocument manifest;
    REQUIRE(manifest.Load((dir / "multi/out-restricted" / slug / "manifest.json").string()));
    const long long unlisted = manifest.GetRoot().GetObj("rejects_not_listed").GetLong("rows");
    CHECK(unlisted > 1000);  // the other borough's rows: thousands in the data window
    CHECK(alone.size() - in_set.size() == static_cast<std::size_t>(unlisted));
    const std::set<std::string> left(in_set.begin(), in_set.end());
    for (const std::string& line : alone)  // what is left out is outside this area's wards, never another reason
      if (!left.count(line)) CHECK(line.find(",outside_every_ward,") != std::string::npos);
  }
}
