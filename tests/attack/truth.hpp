#pragma once
// The truth, counted from the raw files without the engine: GDAL/OGR for the
// police.uk CSVs and the ward polygons, a CSV reader of its own for the
// sample, and the taxonomies' rules restated here. Used only to score the
// attacks, never by them.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "attack/police_uk_rows.hpp"
#include "attack/ward_model.hpp"

namespace hotspot::attack {

// Every row of every file under `folder` (police.uk CSVs, in path order, read
// by read_police_uk), placed in the borough's 2014 wards (boundary: lowest
// code); rows outside every ward are dropped.
std::vector<TruthIncident> police_uk_truth(const std::filesystem::path& folder, const std::string& borough,
                                           const CategoryThemes& themes);

// The sample's incidents (data/sample/incidents), with the force-extract
// taxonomy's themes and the two default time windows (violence_nte,
// asb_after_school) restated; rows with a bad date, a duplicate reference or
// no ward are dropped.
std::vector<TruthIncident> sample_truth(const std::filesystem::path& sample_dir);

// Records of a CSV file, quoted fields may hold commas, quotes and newlines.
std::vector<std::vector<std::string>> csv_records(const std::filesystem::path& p);

}  // namespace hotspot::attack
