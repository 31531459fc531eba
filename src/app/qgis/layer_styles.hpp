#pragma once
// The look of each kind of layer a run writes, from colour-blind-safe
// ColorBrewer ramps (app/qgis/palettes.hpp), built from the data so class breaks fit the month.
#include <string>
#include <vector>

#include "core/theme.hpp"
#include "io/qgis_project.hpp"
#include "io/qgis_style.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {

// Light graduated choropleth (quantile breaks of `values`) of the theme's rate
// per 1,000 residents, or without populations of its count per km2 (raw counts
// of wards of different sizes are not comparable), with suppressed wards
// hatched grey and labelled as such in the legend.
LayerStyle ward_choropleth(const Theme& theme, bool rate_per_1000, std::vector<double> values);
// Ward boundaries, hollow, labelled with the ward name: the default ward style.
LayerStyle ward_outline_style();
LayerStyle hotspot_classes_style(const std::vector<std::string>& class_names);
// The named style of a hotspot layer in the overview map theme: one Dark2
// colour per theme (by its index), so themes can be told apart.
inline constexpr const char* kOverviewStyle = "overview";
LayerStyle overview_hotspot_style(std::size_t theme_index);
LayerStyle gistar_bins_style();
LayerStyle emerging_classes_style();  // the 16 space-time classes: reds/oranges hot, blues cold
LayerStyle cluster_outline_style();
LayerStyle venue_style();
LayerStyle catchment_style();
// Where a kind of layer is drawn in tasking.qgs: layers are sorted by this
// (stable, so layers of one kind keep the order the stages add them in) and
// a lower value is drawn on top.
enum class DrawOrder : int {
  WardOutline = -1,  // the ward boundaries and names, above everything
  Venues = 0,
  Catchments = 1,
  Hotspots = 2,
  Clusters = 3,
  SpaceTime = 4,     // Gi* bins and emerging classes: grid cells under the hotspot outlines
  Surface = 5,       // the KDE raster, under its theme's vector layers
};
constexpr int draw_order(DrawOrder o) { return static_cast<int>(o); }
// The ward choropleths, one per theme, in theme order: the theme's position.
constexpr int ward_choropleth_order(std::size_t theme_index) { return static_cast<int>(theme_index); }

// A styled vector layer for tasking.qgs, its fields set by name.
struct VectorLayerSpec {
  std::string id, name;
  std::string file;      // in the pack folder
  std::string group;     // the layer tree group: a theme's label, "Wards", ...
  std::string geometry;  // "Polygon" or "Point"
  LayerStyle style;
  std::size_t features = 0;
  int stack = 0;         // draw_order(...)
  std::string abstract;
  bool visible = true;
};
// Labels on when the style has a label field.
ProjectLayer vector_layer(VectorLayerSpec spec);
// The spec of a theme's polygon layer written as <layer.name>.geojson: its id,
// file, group, geometry, feature count and abstract; the caller names and styles it.
VectorLayerSpec theme_polygons(const VectorLayer& layer, const Theme& theme);

// Warm pseudocolour ramp: transparent at zero, stops at the class thresholds and the peak.
std::vector<RasterStop> kde_raster_stops(const std::vector<double>& thresholds, double peak, const std::string& unit);

}  // namespace hotspot
