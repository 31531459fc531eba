#pragma once
// The truth about police.uk files, counted independently of the engine: GDAL's
// CSV driver, OGR's own coordinate transformation and GEOS predicates through
// OGR (none of the engine's readers, taxonomy or index), for the real-data tests.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hotspot::test {

struct IndependentWard {
  std::string code;
  std::unique_ptr<OGRGeometry> geom;  // British National Grid
};

// The 2014 London wards of one borough, by code.
std::vector<IndependentWard> borough_wards(const std::string& borough);

struct Counts {
  std::map<std::string, std::map<std::string, long>> by_ward;               // theme -> ward -> count
  std::map<std::string, std::vector<std::pair<double, double>>> points;   // theme -> BNG points
  std::map<std::string, std::vector<std::size_t>> point_file;             // theme -> each point's index in `files`
  std::map<std::string, std::map<std::string, long>> by_type;              // crime type -> ward -> count
  long outside = 0, no_coords = 0, duplicates = 0, rows = 0;
};

// The themes of the shipped police-uk taxonomy (attack::police_uk_taxonomy) a
// crime type counts in, and violence_not_vawg for the raster attack.
std::vector<std::string> police_uk_themes(const std::string& crime_type);

// Counts the rows of police.uk files (as attack/police_uk_rows reads them) by
// theme and ward; boundary points go to the lowest code.
Counts independent_count(const std::vector<std::filesystem::path>& files, const std::vector<IndependentWard>& wards);

// A run over one borough's wards and a set of police.uk files (a glob under
// police-uk/) from ../shared/data, plus `extra` TOML.
std::string borough_config(const std::string& borough, const std::string& period, const std::string& files,
                           const std::string& extra = "");

// The Chicago aggravated assaults (../shared/data/city-extracts) with the
// police districts as the wards: writes themes.toml into `dir` and returns the
// [run] (without a period), [wards] and [[incidents]] tables; `run_extra` goes
// into [run].
std::string chicago_config(const std::filesystem::path& dir, const std::string& run_extra = "");

}  // namespace hotspot::test
