#pragma once
// Reads the report's optional context layer (roads, rail, water or areas) from
// any OGR vector source, reprojected with PROJ into the analysis CRS and cut
// to the map's extent, so the maps show where things are without tiles.
#include <string>
#include <vector>

#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

struct ContextSource {
  std::string path;
  std::string layer;        // empty = first layer
  std::string crs;          // overrides the layer's CRS; required when it has none
  std::string label_field;  // empty = no labels
};

struct ContextFeature {
  GeomPtr geom;       // analysis CRS, clipped to the extent
  std::string label;  // empty when unlabelled
};

// Throws a bad-input Error naming the file when it cannot be read, has no
// CRS, or a feature is malformed or cannot be reprojected (naming the feature).
// A run reads it before the analysis for that reason (app/pipeline.cpp).
std::vector<ContextFeature> read_context(const GeosContext& ctx, const ContextSource& source,
                                         const std::string& analysis_crs, const Bounds& extent);

}  // namespace hotspot
