#include "app/support/police_uk_truth.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include "attack/police_uk_rows.hpp"
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
  for (const auto& [theme, types] : attack::police_uk_taxonomy())
    if (std::find(types.begin(), types.end(), type) != types.end()) out.push_back(theme);
  if (type == "Robbery" || type == "Possession of weapons") out.push_back("violence_not_vawg");  // for the raster attack
  return out;
}

Counts independent_count(const std::vector<fs::path>& files, const std::vector<IndependentWard>& wards) {
  Counts c;
  const attack::PoliceUkRead read = attack::read_police_uk(files, [&](const attack::PoliceUkRow& row) {
    const OGRPoint p(row.x, row.y);
    std::string ward;
    for (const auto& w : wards)
      if (w.geom->Intersects(&p)) {  // covers: boundary points go to the lowest code
        ward = w.code;
        break;
      }
    if (ward.empty()) {
      ++c.outside;
      return;
    }
    ++c.by_type[row.type][ward];
    for (const std::string& theme : police_uk_themes(row.type)) {
      ++c.by_ward[theme][ward];
      c.points[theme].emplace_back(row.x, row.y);
      c.point_file[theme].push_back(row.file);
    }
  });
  REQUIRE(read.unprojected == 0);
  c.rows = read.rows;
  c.no_coords = read.no_coords;
  c.duplicates = read.duplicates;
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
