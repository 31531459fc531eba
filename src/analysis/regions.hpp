#pragma once
// Connected regions of a cell mask (4-connected: cells sharing an edge), the
// hotspot areas of a class before they become polygons.
#include <cstdint>
#include <vector>

#include "core/grid.hpp"

namespace hotspot {

struct Regions {
  std::vector<std::int32_t> label;  // per cell: 0 = not in the mask, else 1..count
  int count = 0;
};

// Labels are numbered in raster order of each region's first cell (north-west first).
Regions label_regions(const std::vector<std::uint8_t>& mask, const GridSpec& spec);

}  // namespace hotspot
