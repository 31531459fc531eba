#pragma once
// Candidate venues for roadshows from a CSV (lon/lat or easting/northing) or
// any OGR point layer, with a column mapping and simple equality filters
// (e.g. open libraries of one authority).
#include <string>
#include <utility>
#include <vector>

#include "core/reject.hpp"
#include "io/record_source.hpp"

namespace hotspot {

struct VenueSource {
  std::string name = "venues";
  bool ogr = false;                 // else CSV
  std::vector<std::string> paths;   // files, globs already expanded
  std::string layer;
  std::string crs = "EPSG:4326";    // of x/y; OGR layers default to their own
  std::string x, y;                 // columns (OGR: empty = geometry)
  std::string id, name_field, type_field;
  std::string type = "venue";       // constant type when there is no type column
  std::vector<std::pair<std::string, std::string>> filter;  // keep rows where column == value
};

// A venue as read, coordinates still in the source CRS.
struct RawVenue {
  std::string id, name, type;
  double x = 0, y = 0;
  std::uint32_t line = 0;
  std::string raw;
};

struct VenueReadResult {
  std::vector<RawVenue> venues;
  std::vector<Reject> rejects;  // unparseable, no coordinates, duplicate id
  std::uint64_t read = 0;
  std::uint64_t filtered = 0;   // rows the filter leaves out (not rejects: they are not candidates)
};

VenueReadResult read_venue_rows(RecordSource& source, const std::string& path, std::uint32_t source_index,
                                const VenueSource& spec);

}  // namespace hotspot
