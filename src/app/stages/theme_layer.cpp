#include "app/stages/theme_layer.hpp"

#include <fmt/format.h>

#include "io/vector_writer.hpp"

namespace hotspot {

void publish_theme_polygons(RunContext& run, const FeatureLayer& features, std::size_t t, ThemeLayerLook look) {
  const Theme& theme = run.cfg.taxonomy.themes[t];
  const VectorLayer layer = features.view();
  const std::string file = layer.name + ".geojson";
  write_geojson(run.output_path(file), layer);
  run.record_output(file);
  VectorLayerSpec spec = theme_polygons(layer, theme);
  spec.name = fmt::format("{}: {}", theme.label, look.title);
  spec.style = std::move(look.style);
  spec.stack = draw_order(look.order);
  spec.visible = look.visible;
  run.layers.push_back(vector_layer(std::move(spec)));
}

}  // namespace hotspot
