#pragma once
// A tiny area for tests that run the binary: two 1 km square wards
// (EPSG:27700), a folder of incident CSVs and a run file, in a fresh temporary
// folder. A run takes well under a second, so a case can run several commands.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <string>

#include "test_support.hpp"

namespace hotspot::test {

// Two wards side by side (or overlapping by half), EPSG:27700.
inline std::string wards_geojson(bool overlapping) {
  const auto square = [](const char* code, const char* name, int x0, int x1) {
    return fmt::format(R"({{"type":"Feature","properties":{{"code":"{}","name":"{}"}},"geometry":{{"type":"Polygon",)"
                       R"("coordinates":[[[{},180000],[{},180000],[{},181000],[{},181000],[{},180000]]]}}}})",
                       code, name, x0, x1, x1, x0, x0);
  };
  return std::string(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:27700"}},"features":[)") +
         square("E01", "Alpha", 530000, 531000) + "," +
         (overlapping ? square("E02", "Beta", 530500, 531500) : square("E02", "Beta", 531000, 532000)) + "]}";
}

inline constexpr const char* kHeader = "ref,date,category,x,y,weight\n";

// `n` good rows in April 2017, spread over both wards.
inline std::string good_rows(int n, int first_id = 1) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += fmt::format("R{},2017-04-{:02d},Burglary,{},{},1\n", first_id + i, 1 + i % 28, 530100 + (i * 37) % 1800,
                       180100 + (i * 53) % 800);
  return out;
}

struct Result {
  int rc = -1;
  std::string log;  // stdout and stderr
};

// An area, an incident folder and a config; `extra` TOML goes at the end.
struct Scene {
  TempDir dir;
  explicit Scene(const std::string& name, bool overlapping = false) : dir("scene-" + name) {
    write_text(dir / "wards.geojson", wards_geojson(overlapping));
    std::filesystem::create_directories(dir / "incidents");
    write_text(dir / "incidents" / "a.csv", std::string(kHeader) + good_rows(20));
  }
  std::string config(const std::string& extra = "", const std::string& run_extra = "") const {
    return "[run]\nperiod = \"2017-04\"\ncrs = \"EPSG:27700\"\n" + run_extra +
           "[wards]\npath = \"wards.geojson\"\n"
           "[[incidents]]\nformat = \"mapped_csv\"\npaths = [\"incidents/*.csv\"]\ncrs = \"EPSG:27700\"\n"
           "id = \"ref\"\ndate = \"date\"\ncategory = \"category\"\nx = \"x\"\ny = \"y\"\nweight = \"weight\"\n"
           "[themes.burglary]\nmatch = [{ category = \"Burglary\" }]\n" + extra;
  }
  // Runs `hotspot <args>` in the scene's folder with a time limit, so a hang
  // fails the test (exit 124) instead of stopping the suite.
  Result hotspot(const std::string& args) const {
    const std::filesystem::path log = dir / "log.txt";
    const std::string cmd = fmt::format("cd '{}' && timeout 60 {} {} > '{}' 2>&1", dir.path().string(), HOTSPOT_BINARY,
                                        args, log.string());
    const int rc = std::system(cmd.c_str());
    return Result{WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, read_text(log)};
  }
  // Writes run.toml (`toml`, or the default config) and runs `hotspot
  // <command> run.toml <args>`, into the scene's out/ unless args give --out.
  Result run(const std::string& command, const std::string& args = "", const std::string& toml = "") const {
    write_text(dir / "run.toml", toml.empty() ? config() : toml);
    const std::string out = args.find("--out") == std::string::npos ? "--out '" + (dir / "out").string() + "'" : "";
    return hotspot(fmt::format("{} '{}' {} {}", command, (dir / "run.toml").string(), out, args));
  }
};

}  // namespace hotspot::test
