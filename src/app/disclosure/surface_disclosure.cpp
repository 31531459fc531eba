#include "app/disclosure/surface_disclosure.hpp"

#include "analysis/support_count.hpp"

namespace hotspot {

bool grid_may_follow_incidents(const Theme& theme) { return theme.min_count <= 1; }

PublishedSurface publishable_surface(const Grid& surface, const std::vector<WeightedPoint>& points, double support,
                                     const Theme& theme) {
  PublishedSurface out{surface.in_area, 0, 0};
  const GridSpec& spec = surface.spec;
  if (out.in_area.empty()) out.in_area.assign(spec.size(), 1);
  const bool mask = theme.min_count > 1;
  const std::vector<std::uint32_t> counts = mask ? support_counts(points, spec, support) : std::vector<std::uint32_t>{};
  for (std::size_t i = 0; i < spec.size(); ++i) {
    if (!out.in_area[i]) continue;
    if (mask && counts[i] < static_cast<std::uint32_t>(theme.min_count)) {
      out.in_area[i] = 0;
      ++out.masked;
    } else {
      ++out.published;
    }
  }
  return out;
}

Grid PublishedSurface::applied_to(const Grid& surface) const {
  Grid g;
  g.spec = surface.spec;
  g.values = surface.values;
  g.in_area = in_area;
  return g;
}

}  // namespace hotspot
