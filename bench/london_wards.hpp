#pragma once
// The data the London benchmarks read from ../shared/data: where it is (the
// first argument, or the folder beside the checkout), its 2014 wards and its
// 4,835 LSOAs with their ONS mid-2019 residents.
#include <fmt/format.h>

#include <gdal.h>

#include <filesystem>
#include <memory>
#include <string>

#include <vector>

#include "core/diagnostics.hpp"
#include "geo/apportion.hpp"
#include "io/population_reader.hpp"
#include "io/ward_reader.hpp"

namespace hotspot::bench {

// argv[arg] when given, else ../shared/data beside the source tree.
inline std::filesystem::path shared_data(int argc, char** argv, int arg) {
  return argc > arg ? std::filesystem::path(argv[arg])
                    : std::filesystem::path(HOTSPOT_SOURCE_DIR).parent_path() / "shared/data";
}

// True, having said so, when a file the benchmark needs is absent: a checkout
// without ../shared/data skips the benchmark rather than failing it.
inline bool absent(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) return false;
  fmt::print("skipped: {} is absent\n", file.string());
  return true;
}

inline std::filesystem::path london_wards_file(const std::filesystem::path& data) {
  return data / "boundaries/london-wards-2014/London_Ward.shp";
}

// London's 2014 wards as the ward layer: GSS codes, ward names.
inline WardSource london_wards(const std::filesystem::path& data) {
  return WardSource{.path = london_wards_file(data).string(), .code_field = "GSS_CODE", .name_field = "NAME"};
}

inline std::filesystem::path london_lsoa_file(const std::filesystem::path& data) {
  return data / "population/lsoa-2011-boundaries/LSOA_2011_London_gen_MHW.shp";
}

// London's LSOAs as small areas: their polygons (EPSG:27700) and all-ages residents.
inline std::vector<SmallArea> london_lsoas(const GeosContext& geos, const std::filesystem::path& data, Diagnostics& diag) {
  const WardSource lsoas{.path = london_lsoa_file(data).string(), .code_field = "LSOA11CD", .name_field = ""};
  const std::vector<Ward> polygons = read_wards(geos, lsoas, "EPSG:27700", diag).wards;
  PopulationColumns cols;
  cols.code_column = "LSOA11CD";
  cols.value_column = "Persons_All-Ages";
  const PopulationTable pop =
      read_population_csv((data / "population/london-lsoa-mid2019-population.csv").string(), cols);
  std::vector<SmallArea> areas;
  for (const Ward& p : polygons) areas.push_back({p.wkb, pop.by_code.at(p.code)});
  return areas;
}

// The wards and LSOAs together, read once in the benchmark's GEOS context.
struct LondonSmallAreas {
  GeosContext geos;
  Diagnostics diag;
  std::vector<Ward> wards;
  std::vector<SmallArea> lsoas;
  explicit LondonSmallAreas(const std::filesystem::path& data)
      : wards(read_wards(geos, london_wards(data), "EPSG:27700", diag).wards), lsoas(london_lsoas(geos, data, diag)) {}
};

// GDAL registered and the data read from argv[1] (or ../shared/data); null, having said so, when absent.
inline std::unique_ptr<LondonSmallAreas> load_london_small_areas(int argc, char** argv) {
  GDALAllRegister();
  const std::filesystem::path data = shared_data(argc, argv, 1);
  if (absent(london_lsoa_file(data))) return nullptr;
  return std::make_unique<LondonSmallAreas>(data);
}

}  // namespace hotspot::bench
