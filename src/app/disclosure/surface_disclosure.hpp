#pragma once
// Disclosure control for KDE rasters. A theme with protection (its own
// min_count m > 1, or inherited from a protected theme whose incidents it can
// contain: theme_protection.hpp) never has its protected incidents' points on
// the surface: they are reduced to regions of squares holding at least m each
// (analysis/aggregate_surface.hpp) before the kernel sees them, so the surface
// as computed is the surface to publish, and every in-area cell is written.
// Masking cells of few contributors (the rule before) left the remaining
// cells exact, and exact cells invert: within the kernel's reach they are a
// polynomial whose coefficients are the contributors' moments.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/aggregate_surface.hpp"
#include "core/grid.hpp"

namespace hotspot {

// Which cells of a surface may be published, and what its protected content became.
struct PublishedSurface {
  std::vector<std::uint8_t> in_area;  // the surface's cells left published; masked ones are written as nodata
  std::size_t masked = 0;             // in-area cells masked
  std::size_t published = 0;          // in-area cells left
  std::size_t regions = 0;            // regions the protected incidents were drawn from
  long protected_incidents = 0;       // protected incidents on the surface (in regions)
  long undrawn = 0;                   // protected incidents not drawn (the theme held fewer than m)
  int pinned = 0;                     // residues joined to another region so as not to pin their parts

  bool inside(std::size_t i) const { return in_area[i] != 0; }
  // The grid to write: `surface`'s values on the published cells.
  Grid applied_to(const Grid& surface) const;
};

// The surface as published: every cell in the study area. `partition`: the
// regions its protected incidents were drawn from (empty for a theme without).
PublishedSurface publishable_surface(const Grid& surface, const AggregatePartition& partition);

}  // namespace hotspot
