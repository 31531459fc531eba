#pragma once
// emerging_<theme>.geojson's properties: the shared polygon columns
// (app/tables/polygon_table.hpp) and each region's space-time class over the window.
#include <string>
#include <vector>

#include "analysis/emerging_classes.hpp"
#include "app/tables/polygon_table.hpp"

namespace hotspot {

struct EmergingRow {
  PolygonRow polygon;  // the columns every polygon layer shares
  EmergingClass space_time_class = EmergingClass::NoPattern;
  SummaryClass summary_class = SummaryClass::None;  // the sfhotspot class most of its cells hold
  int months_hot = 0;                               // the most months any of its cells was hot
};

// `window`: the emerging window's label, on every row.
Table emerging_table(const RunInputs& run, const Theme& theme, const std::vector<EmergingRow>& rows,
                     const std::string& window);

}  // namespace hotspot
