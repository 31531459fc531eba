#pragma once
// Colour-blind-safe ColorBrewer ramps (Cynthia Brewer, colorbrewer2.org), one
// kind per kind of layer: sequential for densities and forecasts, diverging
// (blue cold, red hot) for Gi* bins and change, qualitative for categories.
#include <cstddef>
#include <vector>

#include "io/qgis_style.hpp"

namespace hotspot::palette {

// Sequential YlGnBu, light to dark (KDE surfaces, KDE hotspot classes, forecasts).
const std::vector<Rgba>& yl_gn_bu();
// Sequential Purples, light to dark (ward rates and densities, kept light).
const std::vector<Rgba>& purples();
// Diverging RdBu, 11 classes, dark red (hot) through white to dark blue (cold).
const std::vector<Rgba>& rd_bu();
// Qualitative Dark2, 8 colours (cluster outlines).
const std::vector<Rgba>& dark2();
// Qualitative Set2, 8 colours (venues).
const std::vector<Rgba>& set2();

// The colour at position i of n spread evenly over a ramp (ends included).
Rgba spread(const std::vector<Rgba>& ramp, std::size_t i, std::size_t n);
Rgba with_alpha(Rgba c, int alpha);

}  // namespace hotspot::palette
