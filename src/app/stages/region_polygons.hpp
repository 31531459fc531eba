#pragma once
// Connected cells of a mask as clipped polygons with what lies inside: the
// shared step of KDE hotspots and Gi* hot/cold spots.
#include <vector>

#include "app/disclosure/polygon_disclosure.hpp"
#include "app/context/run_context.hpp"
#include "core/grid.hpp"
#include "geo/ward_overlap.hpp"

namespace hotspot {

struct RegionPolygon {
  GeomPtr geom{nullptr, GeomDeleter{nullptr}};  // analysis CRS, clipped to the study area
  double area_m2 = 0;
  long incidents = 0;         // incidents whose cell is in the region
  long inside = 0;            // incidents strictly inside `geom`: what polygon_withheld judges
  long inside_protected = 0;  // of them, protected content (the counter's protection)
  std::vector<std::uint64_t> monthly;  // `history` incidents in the region, per month of the history window
  long cells = 0;
  double max_value = -HUGE_VAL, min_value = HUGE_VAL, mean_value = 0;  // of `values` over the region's cells
  WardOverlapResult wards;
};

// Regions are 4-connected; GDAL traces them, GEOS clips them to the study area.
// An incident counts in the region holding its cell, so counting is O(N).
// `history` (incidents of the months in `history_window`) gives each region its
// monthly series, for change against its own past. `counter`, when given, must
// count `incidents` (callers with many masks over the same incidents build it once).
std::vector<RegionPolygon> region_polygons(const RunInputs& run, const WardOverlap& overlap, const GridSpec& spec,
                                           const std::vector<std::uint8_t>& mask, const std::vector<double>& values,
                                           const std::vector<const Incident*>& incidents,
                                           const std::vector<const Incident*>& history = {},
                                           const Period& history_window = {},
                                           const IncidentCounter* counter = nullptr);

}  // namespace hotspot
