#pragma once
// Emerging hot spots on a fixed grid: a Gi* per month on the same cells (the
// space-time cube's time slices, spatial neighbours only), then each cell's
// series of z-scores classified by analysis/emerging_classes.hpp (ArcGIS's 17
// categories, with the Mann-Kendall trend of its z-scores) and by sfhotspot's
// summary classes.
//
// A month is a significant hot (cold) step for a cell when its Gi* p-value,
// after the multiple-testing correction across that month's cells, is at most
// `alpha` and z > 0 (z < 0). The trend test uses the same alpha. A month with
// no incidents anywhere gives every cell z = 0, never significant.
//
// Cost: months x cells (each Gi* is linear in cells), memory cells x months
// doubles for the z-series.
#include <cstddef>
#include <vector>

#include "analysis/emerging_classes.hpp"
#include "analysis/multiple_testing.hpp"
#include "core/grid.hpp"

namespace hotspot {

struct EmergingGrid {
  std::vector<EmergingClass> cls;      // per cell; NoPattern outside the area
  std::vector<SummaryClass> summary;   // per cell
  std::vector<std::uint16_t> hot_steps;  // per cell: months that were significant hot steps
};

// Memory per cell for `months` months, for the budget check
// (core/grid_budget.hpp): each month's counts and mask (9), its z and
// significance (9), one month's Gi* at a time, and the classes (4).
double emerging_bytes_per_cell(std::size_t months);

// monthly[m]: counts per cell of one month (oldest first); every grid has the
// same spec and in_area. `recent`: the months sfhotspot's summary calls recent.
EmergingGrid emerging_grid(const std::vector<Grid>& monthly, double band, Correction correction, double alpha,
                           std::size_t recent);

}  // namespace hotspot
