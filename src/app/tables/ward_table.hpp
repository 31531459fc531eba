#pragma once
// The ward table (one row per ward, every theme's statistics as snake_case
// columns) with disclosure control applied (app/disclosure/ward_disclosure.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "analysis/local_stats.hpp"
#include "analysis/ward_stats.hpp"
#include "analysis/year_to_date.hpp"
#include "app/disclosure/ward_disclosure.hpp"
#include "core/theme.hpp"
#include "core/ward.hpp"
#include "io/table.hpp"

namespace hotspot {

// Local spatial statistics of one theme over the wards (queen contiguity).
struct WardSpatialStats {
  std::string variable;            // "count" or "rate_per_1000"
  std::vector<double> gi_z;        // Getis-Ord Gi* z-score
  std::vector<double> gi_p;        // after the multiple-testing correction
  std::vector<int> gi_bin;         // -3..3 as ArcGIS Gi_Bin
  std::vector<LisaQuadrant> lisa;  // Local Moran quadrant where significant
  std::vector<double> lisa_p;      // permutation pseudo p-value
};

// One row per ward; with `with_total`, a last row "ALL" for the whole area.
// `spatial`, when given, has one entry per theme.
Table ward_table(const std::vector<Ward>& wards, const std::vector<Theme>& themes, const WardStats& stats,
                 const CumulativeWardStats& cumulative, const WardDisclosure& disclosure,
                 const std::string& area_name, bool with_total,
                 const std::vector<WardSpatialStats>* spatial = nullptr, const std::vector<bool>& no_data = {});

std::string_view lisa_name(LisaQuadrant q);  // "high-high", ... "not significant"

}  // namespace hotspot
