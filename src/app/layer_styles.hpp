#pragma once
// The look of each kind of layer a run writes (ColorBrewer ramps; Gi* bins
// in ArcGIS's colours), built from the data so class breaks fit the month.
#include <string>
#include <vector>

#include "core/theme.hpp"
#include "io/qgis_style.hpp"

namespace hotspot {

// Graduated choropleth of `field` (quantile breaks of `values`), with
// suppressed wards hatched grey and labelled as such in the legend.
LayerStyle ward_choropleth(const Theme& theme, const std::string& field, std::vector<double> values);
LayerStyle hotspot_classes_style(const std::vector<std::string>& class_names);
LayerStyle gistar_bins_style();
LayerStyle cluster_outline_style();
LayerStyle venue_style();
LayerStyle catchment_style();
// Warm pseudocolour ramp: transparent at zero, stops at the class thresholds and the peak.
std::vector<RasterStop> kde_raster_stops(const std::vector<double>& thresholds, double peak, const std::string& unit);

}  // namespace hotspot
