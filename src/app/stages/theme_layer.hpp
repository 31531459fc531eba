#pragma once
// Publishing one theme's polygon layer: <layer.name>.geojson in the pack,
// recorded for the manifest, and its styled entry in tasking.qgs. The
// clusters, Gi* and emerging layers all go this one way.
#include <string>

#include "app/qgis/layer_styles.hpp"
#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"

namespace hotspot {

struct ThemeLayerLook {
  std::string title;  // after the theme's label: "<label>: <title>"
  LayerStyle style;
  DrawOrder order;
  bool visible = false;
};

// `theme`: the layer's theme, by its index in the taxonomy.
void publish_theme_polygons(RunContext& run, const FeatureLayer& layer, std::size_t theme, ThemeLayerLook look);

}  // namespace hotspot
