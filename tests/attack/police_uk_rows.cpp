#include "attack/police_uk_rows.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <set>
#include <stdexcept>

namespace hotspot::attack {

std::unique_ptr<OGRCoordinateTransformation> wgs84_to_bng() {
  OGRSpatialReference wgs84, bng;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  bng.importFromEPSG(27700);
  bng.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs84, &bng));
  if (!ct) throw std::runtime_error("OGR cannot transform WGS84 to British National Grid");
  return ct;
}

CategoryThemes police_uk_taxonomy() {
  return {{"asb", {"Anti-social behaviour"}},
          {"violence", {"Violence and sexual offences", "Robbery", "Possession of weapons"}},
          {"vawg", {"Violence and sexual offences"}},
          {"acquisitive",
           {"Burglary", "Robbery", "Theft from the person", "Vehicle crime", "Bicycle theft", "Other theft", "Shoplifting"}}};
}

PoliceUkRead read_police_uk(const std::vector<std::filesystem::path>& files,
                            const std::function<void(const PoliceUkRow&)>& row) {
  const std::unique_ptr<OGRCoordinateTransformation> ct = wgs84_to_bng();
  PoliceUkRead read;
  std::set<std::string> ids;
  for (std::size_t file = 0; file < files.size(); ++file) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(files[file].c_str(), GDAL_OF_VECTOR));
    if (!ds) throw std::runtime_error("cannot open " + files[file].string());
    for (auto& f : *ds->GetLayer(0)) {
      ++read.rows;
      const std::string id = f->GetFieldAsString("Crime ID");
      const std::string lon = f->GetFieldAsString("Longitude"), lat = f->GetFieldAsString("Latitude");
      if (lon.empty() || lat.empty()) {
        ++read.no_coords;
        continue;
      }
      if (!id.empty() && !ids.insert(id).second) {
        ++read.duplicates;
        continue;
      }
      PoliceUkRow r{.file = file, .month = f->GetFieldAsString("Month"), .type = f->GetFieldAsString("Crime type")};
      r.x = std::stod(lon), r.y = std::stod(lat);
      if (!ct->Transform(1, &r.x, &r.y)) {
        ++read.unprojected;
        continue;
      }
      row(r);
    }
  }
  return read;
}

}  // namespace hotspot::attack
