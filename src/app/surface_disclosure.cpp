#include "app/surface_disclosure.hpp"

#include "analysis/support_count.hpp"

namespace hotspot {

bool grid_may_follow_incidents(const Theme& theme) { return theme.min_count <= 1; }

PublishedSurface publishable_surface(const Grid& surface, const std::vector<WeightedPoint>& points, double support,
                                     const Theme& theme) {
  PublishedSurface out{surface, 0, 0};
  Grid& g = out.grid;
  if (g.in_area.empty()) g.in_area.assign(g.spec.size(), 1);
  const bool mask = theme.min_count > 1;
  const std::vector<std::uint32_t> counts = mask ? support_counts(points, g.spec, support) : std::vector<std::uint32_t>{};
  for (std::size_t i = 0; i < g.spec.size(); ++i) {
    if (!g.in_area[i]) continue;
    if (mask && counts[i] < static_cast<std::uint32_t>(theme.min_count)) {
      g.in_area[i] = 0;
      ++out.masked;
    } else {
      ++out.published;
    }
  }
  return out;
}

}  // namespace hotspot
