#pragma once
// Thresholds that turn a density surface into hotspot classes.
#include <string>
#include <vector>

#include "core/grid.hpp"

namespace hotspot {

struct HotspotClass {
  int level = 1;        // 1 = widest; higher levels nest inside lower ones
  double threshold = 0; // cells with value >= threshold belong to this class
  std::string name;     // e.g. "mean+2sd", "top 5%"
};

// Mean + k standard deviations (population sd) of the non-zero cells inside
// the study area, for k = 1, 2, 3: the convention common in UK crime mapping.
std::vector<HotspotClass> sd_classes(const Grid& grid, const std::vector<int>& ks = {1, 2, 3});

// The value at or above which the top `percent`% of study-area cells lie,
// one class per percentage, widest first (e.g. {10, 5, 1}).
std::vector<HotspotClass> top_percent_classes(const Grid& grid, const std::vector<double>& percents);

}  // namespace hotspot
