#pragma once
// police.uk street CSVs read as the truth is counted from them, without the
// engine: GDAL's CSV driver, OGR's own WGS84 -> British National Grid
// transformation, the first row of a Crime ID kept, rows without coordinates
// dropped. The one reader behind the attacks' truth (attack/truth) and the
// real-data tests' counts (app/support/police_uk_truth).
#include <ogr_spatialref.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hotspot::attack {

// OGR's transformation from WGS84 longitude/latitude to British National Grid (x, y order).
std::unique_ptr<OGRCoordinateTransformation> wgs84_to_bng();

// theme id -> police.uk crime types it takes.
using CategoryThemes = std::map<std::string, std::vector<std::string>>;

// The shipped police-uk taxonomy's themes (asb, violence, vawg, acquisitive), restated.
CategoryThemes police_uk_taxonomy();

struct PoliceUkRow {
  std::size_t file = 0;  // index into the files read
  std::string month;     // "YYYY-MM"
  std::string type;      // Crime type
  double x = 0, y = 0;   // British National Grid
};

struct PoliceUkRead {
  long rows = 0, no_coords = 0, duplicates = 0;
  long unprojected = 0;  // OGR could not transform them (none in real files)
};

// Every row of `files`, in order, that has coordinates and is the first of its Crime ID.
PoliceUkRead read_police_uk(const std::vector<std::filesystem::path>& files,
                            const std::function<void(const PoliceUkRow&)>& row);

}  // namespace hotspot::attack
