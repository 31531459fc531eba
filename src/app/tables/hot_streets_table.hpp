#pragma once
// hot_streets.csv: per theme, the streets and places ranked by incidents over
// the 12 months ending with the period, in the style of ArcGIS's 80-20
// analysis: each with its share of the theme's incidents, the cumulative
// share, and the share of all the area's named streets and places the list so
// far makes up. Listed until the cumulative share reaches 80% (at most 100
// rows). Without a street column in the inputs, 100 m squares take the
// streets' place, and the `unit` column says so. Counts are withheld by the
// theme's min_count like every other count (count_of), and the shares with
// them; the list is in descending order, so no published share follows a
// withheld one.
#include <string>
#include <vector>

#include "core/incident.hpp"
#include "core/theme.hpp"
#include "core/ward.hpp"
#include "io/table.hpp"

namespace hotspot {

struct HotStreetRow {
  const Theme* theme = nullptr;
  int rank = 0;
  std::string place;             // "Market Place", "Supermarket (Romford Town)", or a 100 m square
  std::uint32_t ward = kNoWard;  // the ward holding most of it
  long incidents = 0;
  long total = 0;                // the theme's incidents over the months
  long cumulative = 0;           // incidents of rows 1..rank
  std::size_t places = 0;        // named streets and places (or squares) in the area
};

// The rows of one theme (`theme`), whose min_count withholds the counts.
// `unit`: "street or place" or "100 m square (the inputs have no street column)".
Table hot_streets_table(const Theme& theme, const std::vector<HotStreetRow>& rows, const std::vector<Ward>& wards, const std::string& unit,
                        const std::string& months);

}  // namespace hotspot
