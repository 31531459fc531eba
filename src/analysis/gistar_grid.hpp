#pragma once
// Getis-Ord Gi* on grid cell counts, binary weights within a distance band
// (cell centres at distance <= band, the cell itself included), over the
// in-area cells only. Cost is linear in cells: window sums come from per-row
// prefix sums (the band's disc is a set of row segments).
#include <vector>

#include "analysis/multiple_testing.hpp"
#include "core/grid.hpp"

namespace hotspot {

struct GiStarGridResult {
  std::vector<double> z;           // per cell; NaN outside the study area
  std::vector<double> p;           // two-sided normal p-value
  std::vector<double> p_adjusted;  // after the multiple-testing correction
  std::vector<int> bin;            // -3..+3 as ArcGIS Gi_Bin: +-3 at 99%, +-2 at 95%, +-1 at 90% (on p_adjusted)
};

// Memory per cell while a Gi* grid is computed and traced, for the budget
// check (core/grid_budget.hpp): the counts (8) and study-area mask (1), the
// result's z, p and adjusted p (24) and bin (4), the prefix sums (16), the
// in-area p-values and their cells (16) and the correction's sort (16), then
// a bin's mask and region labels (5), rounded up.
inline constexpr double kGiStarBytesPerCell = 96;

// counts: one value per cell of `grid.spec` (grid.values), mask in grid.in_area.
GiStarGridResult gistar_grid(const Grid& counts, double band, Correction correction);

}  // namespace hotspot
