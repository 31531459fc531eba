#pragma once
// The two venue layers of the real-data venue runs, as [[venues]] tables: the
// open libraries of england-libraries.csv that `library_filter` keeps, and
// London's stations, both under ../shared/data/venues. One copy for the
// real-data tests (app/real) and the venue attacks (attack/venue_mix_test);
// standard library only, as the attacks link none of the engine.
#include <filesystem>
#include <string>

namespace hotspot::test {

inline std::string london_venues_toml(const std::filesystem::path& data, const std::string& library_filter) {
  return R"(
[[venues]]
name = "Open libraries"
paths = [")" + (data / "venues/england-libraries.csv").string() + R"("]
crs = "EPSG:4326"
x = "lng"
y = "lat"
id = "id"
name_field = "name"
type = "library"
filter = )" + library_filter + R"(
[[venues]]
name = "London stations"
paths = [")" + (data / "venues/london-stations.csv").string() + R"("]
crs = "EPSG:27700"
x = "OS X"
y = "OS Y"
name_field = "Station"
type = "station"
)";
}

}  // namespace hotspot::test
