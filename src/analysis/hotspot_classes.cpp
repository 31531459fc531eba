#include "analysis/hotspot_classes.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace hotspot {

std::vector<HotspotClass> sd_classes(const Grid& grid, const std::vector<int>& ks) {
  double sum = 0, sum2 = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < grid.values.size(); ++i) {
    const double v = grid.values[i];
    if (!grid.inside(i) || !(v > 0)) continue;
    sum += v;
    ++n;
  }
  const double mean = n ? sum / static_cast<double>(n) : 0.0;
  for (std::size_t i = 0; i < grid.values.size(); ++i) {
    const double v = grid.values[i];
    if (!grid.inside(i) || !(v > 0)) continue;
    sum2 += (v - mean) * (v - mean);
  }
  const double sd = n ? std::sqrt(sum2 / static_cast<double>(n)) : 0.0;  // population sd
  std::vector<HotspotClass> out;
  for (std::size_t i = 0; i < ks.size(); ++i)
    out.push_back(HotspotClass{static_cast<int>(i + 1), mean + ks[i] * sd, fmt::format("mean+{}sd", ks[i])});
  return out;
}

// Ties: the threshold is the value of the cell at the percentage's rank, and
// every cell with that value or more is in the class, so a class can hold a
// few more cells than the percentage when values tie (e.g. many zeros).
std::vector<HotspotClass> top_percent_classes(const Grid& grid, const std::vector<double>& percents) {
  std::vector<double> v;
  for (std::size_t i = 0; i < grid.values.size(); ++i)
    if (grid.inside(i)) v.push_back(grid.values[i]);
  std::sort(v.begin(), v.end(), std::greater<>());
  std::vector<HotspotClass> out;
  for (std::size_t i = 0; i < percents.size(); ++i) {
    double threshold = HUGE_VAL;
    if (!v.empty()) {
      const std::size_t k = static_cast<std::size_t>(std::ceil(percents[i] / 100.0 * static_cast<double>(v.size())));
      threshold = v[std::min(v.size() - 1, k == 0 ? 0 : k - 1)];
    }
    out.push_back(HotspotClass{static_cast<int>(i + 1), threshold, fmt::format("top {:g}%", percents[i])});
  }
  return out;
}

}  // namespace hotspot
