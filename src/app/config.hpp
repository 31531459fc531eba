#pragma once
// A run, as described by a TOML file plus command-line overrides.
#include <filesystem>
#include <optional>
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

// [kde]: kernel density surfaces and hotspot polygons.
struct KdeConfig {
  bool enabled = true;
  double cell = 25;                  // metres
  std::optional<double> bandwidth;   // metres; empty = default rule
  std::string kernel = "quartic";
  std::string output = "density";    // or "raw"
  std::string grid = "aligned";      // or "qgis" (QGIS Heatmap's grid)
  std::string classes = "sd";        // or "top_percent"
  std::vector<double> top_percent = {10, 5, 1};
  double gaussian_truncation = 3;
  double min_area_m2 = 2500;         // smaller fragments are dropped
  int min_incidents = 3;             // fragments with fewer incidents are dropped
  double memory_budget_mb = 1024;
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
  KdeConfig kde;
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
