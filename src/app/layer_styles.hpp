#pragma once
// The look of each kind of layer a run writes, from colour-blind-safe
// ColorBrewer ramps (app/palettes.hpp), built from the data so class breaks fit the month.
#include <string>
#include <vector>

#include "core/theme.hpp"
#include "io/qgis_project.hpp"
#include "io/qgis_style.hpp"

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
// A styled vector layer for tasking.qgs (labels on when the style has a label field).
ProjectLayer vector_layer(std::string id, std::string name, std::string file, std::string group, std::string geometry,
                          const LayerStyle& style, std::size_t features, int stack, std::string abstract,
                          bool visible = true);

// Warm pseudocolour ramp: transparent at zero, stops at the class thresholds and the peak.
std::vector<RasterStop> kde_raster_stops(const std::vector<double>& thresholds, double peak, const std::string& unit);

}  // namespace hotspot
