#pragma once
// Publishing one theme's polygon layer: <layer.name>.geojson in the pack,
// recorded for the manifest, and its styled entry in tasking.qgs. The
// clusters, Gi* and emerging layers all go this one way.
#include <string>

#include "app/layer_styles.hpp"
#include "app/run_context.hpp"

namespace hotspot {

struct ThemeLayerLook {
  std::string title;  // after the theme's label: "<label>: <title>"
  LayerStyle style;
  DrawOrder order;
  bool visible = false;
};

void publish_theme_polygons(RunContext& run, const VectorLayer& layer, const Theme& theme, ThemeLayerLook look);

}  // namespace hotspot
