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

// counts: one value per cell of `grid.spec` (grid.values), mask in grid.in_area.
GiStarGridResult gistar_grid(const Grid& counts, double band, Correction correction);

}  // namespace hotspot
