#pragma once
// Connected cells of a mask as clipped polygons with what lies inside: the
// shared step of KDE hotspots and Gi* hot/cold spots.
#include <span>
#include <vector>

#include "analysis/regions.hpp"
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
  // Of `window` incidents (a forecast's look-back, when given): in the region's
  // cells, and strictly inside `geom` (what polygon_withheld judges a forecast
  // hotspot by), and of those the protected content (`window_protection`).
  long window_incidents = 0, window_inside = 0, window_inside_protected = 0;
  long cells = 0;
  double max_value = -HUGE_VAL, min_value = HUGE_VAL, mean_value = 0;  // of `values` over the region's cells
  WardOverlapResult wards;
};

// What each region measures and counts. An incident counts in the region
// holding its cell, so counting is O(N).
struct RegionSources {
  const std::vector<double>& values;              // each region's range and mean are of these, over its cells
  const std::vector<const Incident*>& incidents;  // counted into `incidents`, and `inside` its polygon
  // Incidents of the months in `history_window`: each region's monthly series,
  // for change against its own past.
  std::span<const Incident* const> history = {};
  Period history_window = {};
  // When given, must count `incidents` (callers with many masks over the same
  // incidents build it once).
  const IncidentCounter* counter = nullptr;
  // When given (a forecast's look-back), counted into window_incidents,
  // window_inside and (what `window_protection` covers) window_inside_protected.
  const std::vector<const Incident*>* window = nullptr;
  const ThemeProtection* window_protection = nullptr;
};

// The connected cells of a mask as regions: 4-connected; GDAL traces them,
// GEOS clips them to the study area.
std::vector<RegionPolygon> region_polygons(const RunInputs& run, const WardOverlap& overlap, const GridSpec& spec,
                                           const std::vector<std::uint8_t>& mask, const RegionSources& sources);

// The same for regions already labelled (0 = none, else 1..count; a label's
// cells need not touch: GDAL traces each piece, and the pieces are one
// multipolygon).
std::vector<RegionPolygon> region_polygons(const RunInputs& run, const WardOverlap& overlap, const GridSpec& spec,
                                           const Regions& regions, const RegionSources& sources);

}  // namespace hotspot
