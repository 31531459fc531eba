#pragma once
// gistar_<theme>.geojson's properties: the shared polygon columns
// (app/tables/polygon_table.hpp) and each region's Gi* bin, confidence and strongest z.
#include <string>
#include <vector>

#include "app/tables/polygon_table.hpp"

namespace hotspot {

struct GistarRow {
  PolygonRow polygon;      // the columns every polygon layer shares
  int bin = 0;             // -3..3 as ArcGIS Gi_Bin
  std::string confidence;  // "99%", "95%", "90%"
  double max_abs_z = 0;    // the strongest z-score of the region's cells, as a magnitude
};

Table gistar_table(const RunInputs& run, const Theme& theme, const std::vector<GistarRow>& rows);

}  // namespace hotspot
