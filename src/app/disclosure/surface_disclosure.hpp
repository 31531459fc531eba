#pragma once
// Disclosure control for KDE rasters of suppressed themes (min_count = m > 1).
// A surface cell is a weighted sum of the incidents within the kernel support
// of its centre; with one contributor its value is that incident's kernel, so
// its peak locates the incident and the cells around it integrate to exactly
// one. Every cell with fewer than m contributors is therefore set to nodata:
// each published value aggregates at least m incidents, an isolated
// incident's cells are all masked, and the mass of masked cells is gone, so
// the published surface no longer integrates to exact counts.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/kde.hpp"
#include "core/grid.hpp"
#include "core/theme.hpp"

namespace hotspot {

// Which cells of a surface may be published. The values stay with the surface
// (a KDE result keeps the unmasked surface for the venue planner; a second
// copy of its values would only differ in the masked cells).
struct PublishedSurface {
  std::vector<std::uint8_t> in_area;  // the surface's cells left published; masked ones are written as nodata
  std::size_t masked = 0;             // in-area cells masked
  std::size_t published = 0;          // in-area cells left

  bool inside(std::size_t i) const { return in_area[i] != 0; }
  // The grid to write: `surface`'s values on the published cells.
  Grid applied_to(const Grid& surface) const;
};

// Whether a theme's raster may take its extent from its incidents (kde.grid =
// "qgis"): that grid's origin is the westmost incident's x and the northmost
// incident's y, each plus or minus the bandwidth, so it would locate two
// incidents exactly. Only themes that are not suppressed (min_count <= 1) may.
bool grid_may_follow_incidents(const Theme& theme);

// `support`: the kernel's support radius (kernel_support). Themes with
// min_count <= 1 are returned unchanged.
PublishedSurface publishable_surface(const Grid& surface, const std::vector<WeightedPoint>& points, double support,
                                     const Theme& theme);

}  // namespace hotspot
