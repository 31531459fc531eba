#include "analysis/support_count.hpp"

#include <algorithm>
#include <cmath>

namespace hotspot {

std::vector<std::uint32_t> support_counts(const std::vector<WeightedPoint>& points, const GridSpec& g, double support) {
  std::vector<std::uint32_t> out(g.size(), 0);
  if (g.size() == 0 || !(support > 0)) return out;
  const double support2 = support * support;
  for (const WeightedPoint& pt : points) {
    if (!std::isfinite(pt.x) || !std::isfinite(pt.y) || pt.w == 0) continue;
    // Rows whose centre y is within the support, as kde.cpp's splat_rows.
    const int r_lo = std::max(0, static_cast<int>(std::ceil((g.origin_y - pt.y - support) / g.cell - 0.5)));
    const int r_hi = std::min(g.ny - 1, static_cast<int>(std::floor((g.origin_y - pt.y + support) / g.cell - 0.5)));
    for (int r = r_lo; r <= r_hi; ++r) {
      const double dy = g.center_y(r) - pt.y;
      const double half = std::sqrt(std::max(0.0, support2 - dy * dy));
      const int c_lo = std::max(0, static_cast<int>(std::ceil((pt.x - half - g.origin_x) / g.cell - 0.5)));
      const int c_hi = std::min(g.nx - 1, static_cast<int>(std::floor((pt.x + half - g.origin_x) / g.cell - 0.5)));
      std::uint32_t* row = out.data() + g.index(r, 0);
      for (int c = c_lo; c <= c_hi; ++c) {
        const double dx = g.center_x(c) - pt.x;
        if (dx * dx + dy * dy < support2) ++row[c];
      }
    }
  }
  return out;
}

}  // namespace hotspot
