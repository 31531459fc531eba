#pragma once
// A run, as described by a TOML file plus command-line overrides.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/period.hpp"
#include "core/taxonomy.hpp"
#include "io/incident_reader.hpp"
#include "io/ward_reader.hpp"

namespace hotspot {

struct PopulationCsv {
  std::string path;  // empty = none
  std::string code_column = "code";
  std::string value_column = "population";
};

struct RunConfig {
  std::filesystem::path config_path;
  std::filesystem::path base_dir;  // relative paths resolve against this
  std::string area_name;
  Period period;
  std::string crs = "EPSG:27700";
  std::filesystem::path output;
  std::string taxonomy_path;
  double significance = 0.05;
  WardSource wards;
  PopulationCsv population;
  std::vector<IncidentSource> incidents;  // paths already expanded to files
  Taxonomy taxonomy;                      // themes merged from taxonomy file and run file
};

// An override from the command line: option (table.key) and its text.
struct Override {
  std::string table;
  std::string key;
  std::string value;
};

// Reads, checks and resolves the whole configuration. Every problem is a
// usage or bad-input Error naming the file and key.
RunConfig load_config(const std::filesystem::path& file, const std::vector<Override>& overrides);

// Reads a taxonomy file on its own (themes, rules, known categories).
Taxonomy load_taxonomy(const std::filesystem::path& file);

}  // namespace hotspot
