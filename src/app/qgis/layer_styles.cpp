#include "app/qgis/layer_styles.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "app/qgis/palettes.hpp"
#include "io/csv_writer.hpp"

namespace hotspot {
namespace {

using palette::with_alpha;

SymbolStyle fill(Rgba c, Rgba outline = {90, 90, 90, 255}, double width = 0.2) {
  SymbolStyle s;
  s.kind = SymbolKind::Fill;
  s.fill = c;
  s.outline = outline;
  s.outline_width = width;
  return s;
}

std::string quoted(const std::string& field) { return "\"" + field + "\""; }

// A style with one class per value of `attribute`; features labelled by
// `label_field` (a field or an expression that reads "label").
LayerStyle categorized(const std::string& attribute, std::string label_field = "label") {
  LayerStyle st;
  st.renderer = "categorizedSymbol";
  st.attribute = attribute;
  st.fields_used = {attribute, "label"};
  st.label_field = std::move(label_field);
  return st;
}

// One symbol for every feature, labelled by the "label" field.
LayerStyle labelled_single(const SymbolStyle& symbol) {
  LayerStyle st;
  st.renderer = "singleSymbol";
  st.single = symbol;
  st.label_field = "label";
  st.fields_used = {"label"};
  return st;
}

}  // namespace

LayerStyle ward_choropleth(const Theme& theme, bool rate_per_1000, std::vector<double> values) {
  LayerStyle st;
  st.renderer = "graduatedSymbol";
  const std::string suppressed = theme.id + "_suppressed";
  // Without populations, counts of wards of different sizes are not comparable:
  // shade by incidents per km2 instead.
  const std::string count = theme.id + "_count";
  const std::string value = rate_per_1000 ? quoted(theme.id + "_rate_per_1000")
                                          : fmt::format("{} / {}", quoted(count), quoted("area_km2"));
  // Suppressed wards map to -1, so they get their own hatched class.
  st.attribute = fmt::format("if({}, -1, coalesce({}, -2))", quoted(suppressed), value);
  st.fields_used = {suppressed, rate_per_1000 ? theme.id + "_rate_per_1000" : count, "label"};
  if (!rate_per_1000) st.fields_used.push_back("area_km2");
  st.label_field = "label";
  if (theme.min_count > 1) {
    SymbolStyle hatched = fill({150, 150, 150, 255});
    hatched.brush = "b_diagonal";
    st.classes.push_back({"-1", "-1", fmt::format("Suppressed (1 to {} incidents)", theme.min_count - 1), hatched});
  }
  st.classes.push_back({"-2", "-2", "No data", fill({255, 255, 255, 0})});
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  double lower = 0;
  const int n = 5;
  for (int k = 1; k <= n; ++k) {
    double upper = values.empty() ? k : values[std::min(values.size() - 1, values.size() * static_cast<std::size_t>(k) / n)];
    if (k == n && !values.empty()) upper = values.back();
    if (upper <= lower && k != n) continue;
    // Light and partly transparent, so hotspot layers above still read.
    st.classes.push_back({format_real(lower, 2), format_real(upper, 2),
                          fmt::format("{} - {}", format_real(lower, 1), format_real(upper, 1)),
                          fill(with_alpha(palette::purples()[k - 1], 150))});
    lower = upper;
  }
  return st;
}

LayerStyle ward_outline_style() {
  SymbolStyle outline = fill({0, 0, 0, 0}, {60, 60, 60, 255}, 0.4);
  outline.brush = "no";
  return labelled_single(outline);
}

LayerStyle hotspot_classes_style(const std::vector<std::string>& class_names) {
  LayerStyle st = categorized("class_level");
  // Sequential YlGnBu from its middle to its darkest, as the surface below it.
  const std::vector<Rgba> ramp(palette::yl_gn_bu().begin() + 3, palette::yl_gn_bu().end());
  for (std::size_t i = 0; i < class_names.size(); ++i)
    st.classes.push_back({std::to_string(i + 1), "", class_names[i],
                          fill(with_alpha(palette::spread(ramp, i, class_names.size()), 170), {8, 29, 88, 255}, 0.4)});
  return st;
}

LayerStyle forecast_hotspot_style(bool classed) {
  // One red fill (the report map's: #f03b20 at 0.55, outline #a50f15), the outline saying new, persistent,
  // ...; numbered hotspots labelled.
  const Rgba red{240, 59, 32, 140}, dark{165, 15, 21, 255};
  LayerStyle st = categorized(classed ? "space_time_key" : "numbered", "if(\"numbered\", \"label\", '')");
  st.fields_used = {classed ? "space_time_key" : "numbered", "numbered", "label"};
  if (!classed) {
    st.classes.push_back({"true", "", "Forecast hotspot (numbered in the report)", fill(red, dark, 0.6)});
    st.classes.push_back({"false", "", "Forecast hotspot (unnumbered)", fill(red, dark, 0.3)});
    return st;
  }
  // A hatch over the fill for the steady classes, a heavier outline for the stronger ones.
  const struct { const char* key; const char* label; Rgba outline; double width; const char* brush; } classes[] = {
      {"new", "New this month", {0, 0, 0, 255}, 0.6, "solid"},
      {"consecutive", "Hot the last few months running", {0, 0, 0, 255}, 0.4, "solid"},
      {"intensifying", "Persistent and intensifying", {84, 39, 143, 255}, 0.9, "b_diagonal"},
      {"persistent", "Persistent (hot most months)", {0, 0, 0, 255}, 0.9, "b_diagonal"},
      {"diminishing", "Persistent but easing", {115, 115, 115, 255}, 0.6, "f_diagonal"},
      {"sporadic", "On and off", {115, 115, 115, 255}, 0.4, "dense6"},
      {"historical", "Hot before, not now", {189, 189, 189, 255}, 0.4, "dense6"},
      {"none", "No significant pattern", dark, 0.3, "solid"}};
  for (const auto& c : classes) {
    SymbolStyle sym = fill(red, c.outline, c.width);
    sym.brush = c.brush;
    st.classes.push_back({c.key, "", c.label, sym});
  }
  return st;
}

LayerStyle overview_hotspot_style(std::size_t theme_index) {
  const Rgba c = palette::dark2()[theme_index % palette::dark2().size()];
  return labelled_single(fill(with_alpha(c, 200), c, 0.5));
}

LayerStyle gistar_bins_style() {
  LayerStyle st = categorized("gi_bin");
  // Diverging RdBu: three reds for hot, three blues for cold, nothing for not
  // significant; slightly transparent so the density surface below still shows.
  const auto& rb = palette::rd_bu();
  const int a = 210;
  const struct { int bin; Rgba c; const char* label; } bins[] = {
      {3, with_alpha(rb[1], a), "Hot spot, 99% confidence"},  {2, with_alpha(rb[3], a), "Hot spot, 95% confidence"},
      {1, with_alpha(rb[4], a), "Hot spot, 90% confidence"},   {0, {255, 255, 255, 0}, "Not significant"},
      {-1, with_alpha(rb[6], a), "Cold spot, 90% confidence"}, {-2, with_alpha(rb[7], a), "Cold spot, 95% confidence"},
      {-3, with_alpha(rb[9], a), "Cold spot, 99% confidence"}};
  for (const auto& b : bins) {
    SymbolStyle s = fill(b.c, {80, 80, 80, b.bin == 0 ? 0 : 255}, 0.2);
    if (b.bin == 0) s.brush = "no";
    st.classes.push_back({std::to_string(b.bin), "", b.label, s});
  }
  return st;
}

LayerStyle emerging_classes_style() {
  LayerStyle st = categorized("space_time_class");
  // Diverging RdBu: the stronger and steadier the trend the darker the red
  // (hot) or blue (cold); on-and-off classes (sporadic, oscillating) and
  // historical ones hatched over the matching shade.
  const auto& rb = palette::rd_bu();
  const struct { const char* cls; Rgba c; bool hatched; } classes[] = {
      {"new hot spot", rb[3], false},          {"consecutive hot spot", rb[2], false},
      {"intensifying hot spot", rb[0], false}, {"persistent hot spot", rb[1], false},
      {"diminishing hot spot", rb[4], false},  {"sporadic hot spot", rb[3], true},
      {"oscillating hot spot", rb[2], true},   {"historical hot spot", rb[4], true},
      {"new cold spot", rb[7], false},         {"consecutive cold spot", rb[8], false},
      {"intensifying cold spot", rb[10], false}, {"persistent cold spot", rb[9], false},
      {"diminishing cold spot", rb[6], false}, {"sporadic cold spot", rb[7], true},
      {"oscillating cold spot", rb[8], true},  {"historical cold spot", rb[6], true}};
  for (const auto& k : classes) {
    std::string label = k.cls;
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    SymbolStyle s = fill(k.c, {80, 80, 80, 255}, 0.2);
    if (k.hatched) s.brush = "b_diagonal";
    st.classes.push_back({k.cls, "", label, s});
  }
  return st;
}

LayerStyle cluster_outline_style() {
  LayerStyle st = categorized("shape", "if(\"shape\" = 'convex_hull', \"label\", '')");
  // Qualitative Dark2: one colour per shape.
  const auto& d2 = palette::dark2();
  const struct { const char* shape; Rgba c; double w; const char* label; } shapes[] = {
      {"convex_hull", d2[0], 0.6, "Convex hull"}, {"concave_hull", d2[1], 0.4, "Concave hull"},
      {"ellipse", d2[2], 0.4, "1 sd ellipse"}};
  for (const auto& s : shapes) {
    SymbolStyle sym = fill({0, 0, 0, 0}, s.c, s.w);
    sym.brush = "no";
    st.classes.push_back({s.shape, "", s.label, sym});
  }
  return st;
}

LayerStyle venue_style() {
  LayerStyle st = categorized("selected", "if(\"selected\", \"label\", '')");
  SymbolStyle chosen;
  chosen.kind = SymbolKind::Marker;
  chosen.marker = "star";
  chosen.size = 5;
  chosen.fill = palette::set2()[5];  // Set2 yellow
  chosen.outline = {0, 0, 0, 255};
  chosen.outline_width = 0.4;
  SymbolStyle candidate = chosen;
  candidate.marker = "circle";
  candidate.size = 2;
  candidate.fill = palette::set2()[7];  // Set2 grey
  candidate.outline_width = 0.2;
  st.classes.push_back({"true", "", "Chosen venue (label: order)", chosen});
  st.classes.push_back({"false", "", "Candidate venue", candidate});
  return st;
}

LayerStyle catchment_style() {
  LayerStyle st;
  st.renderer = "singleSymbol";
  st.single = fill(with_alpha(palette::set2()[5], 40), {180, 140, 0, 255}, 0.4);
  return st;
}

ProjectLayer vector_layer(VectorLayerSpec spec) {
  ProjectLayer l;
  l.id = std::move(spec.id);
  l.name = std::move(spec.name);
  l.file = std::move(spec.file);
  l.group = std::move(spec.group);
  l.geometry = std::move(spec.geometry);
  l.style_xml = vector_style_xml(spec.style);
  l.labels = !spec.style.label_field.empty();
  l.features = spec.features;
  l.stack = spec.stack;
  l.abstract = std::move(spec.abstract);
  l.visible = spec.visible;
  return l;
}

VectorLayerSpec theme_polygons(const VectorLayer& layer, const Theme& theme) {
  VectorLayerSpec spec;
  spec.id = layer.name;
  spec.file = layer.name + ".geojson";
  spec.group = theme.label;
  spec.geometry = "Polygon";
  spec.features = layer.wkb.size();
  spec.abstract = layer.description;
  return spec;
}

std::vector<RasterStop> kde_raster_stops(const std::vector<double>& thresholds, double peak, const std::string& unit) {
  // Sequential YlGnBu: transparent at zero, darker and more opaque up to the peak.
  const auto& ramp = palette::yl_gn_bu();
  std::vector<RasterStop> stops;
  stops.push_back({0, with_alpha(ramp[0], 0), "0"});
  // Transparent up to half the first class, so the map is not hazed with low density.
  if (!thresholds.empty() && thresholds[0] > 0)
    stops.push_back({thresholds[0] / 2, with_alpha(ramp[0], 0), fmt::format("{} {}", format_real(thresholds[0] / 2, 2), unit)});
  const Rgba steps[] = {with_alpha(ramp[2], 160), with_alpha(ramp[4], 200), with_alpha(ramp[5], 230)};
  double last = stops.back().value;
  for (std::size_t i = 0; i < thresholds.size() && i < 3; ++i) {
    if (!(thresholds[i] > last)) continue;
    stops.push_back({thresholds[i], steps[i], fmt::format("{} {}", format_real(thresholds[i], 2), unit)});
    last = thresholds[i];
  }
  if (peak > last) stops.push_back({peak, ramp[6], fmt::format("{} {} (peak)", format_real(peak, 2), unit)});
  return stops;
}

}  // namespace hotspot
