#pragma once
// A relative risk surface: incident density divided by resident density on
// the same grid and kernel (sfhotspot's hotspot_dual_kde, method "ratio"),
// scaled by the area-wide rate, so 1 is the area's own rate of incidents per
// resident, 2 twice it. Where the residents' density is below a floor the
// ratio is noise over a near-empty denominator (parks, industrial estates,
// the river) and the cell is nodata. Pure: grids in, grid out.
#include <cstdint>
#include <vector>

#include "core/grid.hpp"

namespace hotspot {

struct RiskParams {
  double incidents = 0;             // the area's incidents (or total weight) the numerator integrates to
  double residents = 0;             // the area's residents the denominator integrates to
  double min_residents_km2 = 1000;  // below this resident density (per km2): nodata
};

struct RiskSurface {
  Grid ratio;               // relative risk, NaN where nodata
  std::size_t cells = 0;    // cells with a ratio
  std::size_t masked = 0;   // cells in the area without one (too few residents, or the numerator withheld)
};

// `incident` and `resident`: densities per km2 on the same grid; cells of
// `incident` that are NaN (withheld by disclosure control) stay nodata.
RiskSurface relative_risk(const Grid& incident, const std::vector<double>& resident, const RiskParams& p);

}  // namespace hotspot
