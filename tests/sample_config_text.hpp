#pragma once
// The sample's run description (data/sample/hotspot.toml) with the paths it
// names made absolute, so a test or an attack can run it from any folder. The
// one copy for the tests (test_support.hpp) and the attacks (attack/runs.cpp);
// standard library only, as the attacks link none of the engine.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace hotspot::test {

inline std::string sample_config_text(const std::filesystem::path& sample) {
  std::ifstream f(sample / "hotspot.toml", std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string cfg = ss.str();
  for (const std::string rel : {"../themes/force-extract.toml", "wards.geojson", "population.csv", "incidents/*.csv",
                                "venues.csv"}) {
    std::string quoted = "\"";  // step by step: GCC 12 -Wrestrict misfires on "..." + s + "..."
    quoted.append(rel).append("\"");
    const std::size_t at = cfg.find(quoted);
    if (at == std::string::npos) throw std::runtime_error("the sample config no longer names " + rel);
    std::string absolute = "\"";
    absolute.append((sample / rel).lexically_normal().string()).append("\"");
    cfg.replace(at, quoted.size(), absolute);
  }
  return cfg;
}

}  // namespace hotspot::test
