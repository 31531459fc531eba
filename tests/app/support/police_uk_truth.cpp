#include "app/support/police_uk_truth.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "test_support.hpp"

namespace hotspot::test {
namespace fs = std::filesystem;

std::vector<IndependentWard> borough_wards(const std::string& borough) {
  const fs::path shp = shared_data_dir() / "boundaries/london-wards-2014/London_Ward.shp";
  GDALDatasetUniquePtr ds(GDALDataset::Open(shp.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayer(0);
  l->SetAttributeFilter(("BOROUGH = '" + borough + "'").c_str());
  std::vector<IndependentWard> out;
  for (auto& f : *l) out.push_back({f->GetFieldAsString("GSS_CODE"), std::unique_ptr<OGRGeometry>(f->GetGeometryRef()->clone())});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  return out;
}

std::vector<std::string> police_uk_themes(const std::string& type) {
  std::vector<std::string> out;
  if (type == "Anti-social behaviour") out.push_back("asb");
  if (type == "Violence and sexual offences" || type == "Robbery" || type == "Possession of weapons")
    out.push_back("violence");
  if (type == "Violence and sexual offences") out.push_back("vawg");
  if (type == "Robbery" || type == "Possession of weapons") out.push_back("violence_not_vawg");  // for the raster attack
  static const std::set<std::string> acquisitive = {"Burglary",      "Robbery",     "Theft from the person",
                                                    "Vehicle crime", "Bicycle theft", "Other theft", "Shoplifting"};
  if (acquisitive.count(type)) out.push_back("acquisitive");
  return out;
}

Counts independent_count(const std::vector<fs::path>& files, const std::vector<IndependentWard>& wards) {
  OGRSpatialReference wgs84, bng;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  bng.importFromEPSG(27700);
  bng.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs84, &bng));
  REQUIRE(ct);
  Counts c;
  std::set<std::string> ids;
  for (std::size_t file_index = 0; file_index < files.size(); ++file_index) {
    const fs::path& file = files[file_index];
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    for (auto& f : *ds->GetLayer(0)) {
      ++c.rows;
      const std::string id = f->GetFieldAsString("Crime ID");
      const std::string lon = f->GetFieldAsString("Longitude"), lat = f->GetFieldAsString("Latitude");
      if (lon.empty() || lat.empty()) {
        ++c.no_coords;
        continue;
      }
      if (!id.empty() && !ids.insert(id).second) {
        ++c.duplicates;
        continue;
      }
      double x = std::stod(lon), y = std::stod(lat);
      REQUIRE(ct->Transform(1, &x, &y));
      OGRPoint p(x, y);
      std::string ward;
      for (const auto& w : wards)
        if (w.geom->Intersects(&p)) {  // covers: boundary points go to the lowest code
          ward = w.code;
          break;
        }
      if (ward.empty()) {
        ++c.outside;
        continue;
      }
      ++c.by_type[f->GetFieldAsString("Crime type")][ward];
      for (const std::string& theme : police_uk_themes(f->GetFieldAsString("Crime type"))) {
        ++c.by_ward[theme][ward];
        c.points[theme].emplace_back(x, y);
        c.point_file[theme].push_back(file_index);
      }
    }
  }
  return c;
}

std::string borough_config(const std::string& borough, const std::string& period, const std::string& files,
                           const std::string& extra) {
  const fs::path data = shared_data_dir();
  return R"([run]
area_name = ")" + borough + R"("
period = ")" + period + R"("
output = "out"
taxonomy = "police-uk"
[wards]
path = ")" + (data / "boundaries/london-wards-2014/London_Ward.shp").string() + R"("
where = "BOROUGH = ')" + borough + R"('"
code_field = "GSS_CODE"
name_field = "NAME"
[[incidents]]
format = "police_uk"
paths = [")" + (data / "police-uk" / files).string() + R"("]
)" + extra;
}

std::string chicago_config(const std::filesystem::path& dir, const std::string& run_extra) {
  const std::filesystem::path data = shared_data_dir() / "city-extracts/chicago-aggravated-assaults";
  write_text(dir / "themes.toml", R"([taxonomy]
name = "Chicago"
known_categories = ["aggravated assault"]
[themes.assault]
label = "Aggravated assault"
match = [{ category = "aggravated assault" }]
)");
  return R"([run]
area_name = "Chicago"
crs = "EPSG:26916"
output = "out"
taxonomy = "themes.toml"
)" + run_extra + R"([wards]
path = ")" + (data / "police_districts.gpkg").string() + R"("
layer = "police_districts_utm16n"
code_field = "district"
name_field = "name"
[[incidents]]
format = "mapped_csv"
paths = [")" + (data / "incidents.csv").string() + R"("]
crs = "EPSG:26916"
id = "row_id"
date = "datetime"
datetime_format = "%Y-%m-%d %H:%M"
x = "x"
y = "y"
category = "category"
)";
}

}  // namespace hotspot::test
