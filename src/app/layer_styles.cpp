#include "app/layer_styles.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "io/csv_writer.hpp"

namespace hotspot {
namespace {

const Rgba kYlOrRd[] = {{255, 255, 178, 255}, {254, 204, 92, 255}, {253, 141, 60, 255}, {240, 59, 32, 255}, {189, 0, 38, 255}};

SymbolStyle fill(Rgba c, Rgba outline = {90, 90, 90, 255}, double width = 0.2) {
  SymbolStyle s;
  s.kind = SymbolKind::Fill;
  s.fill = c;
  s.outline = outline;
  s.outline_width = width;
  return s;
}

std::string quoted(const std::string& field) { return "\"" + field + "\""; }

}  // namespace

LayerStyle ward_choropleth(const Theme& theme, const std::string& field, std::vector<double> values) {
  LayerStyle st;
  st.renderer = "graduatedSymbol";
  const std::string suppressed = theme.id + "_suppressed";
  // Suppressed wards map to -1, so they get their own hatched class.
  st.attribute = fmt::format("if({}, -1, coalesce({}, -2))", quoted(suppressed), quoted(field));
  st.fields_used = {suppressed, field, "label"};
  st.label_field = "label";
  if (theme.min_count > 1) {
    SymbolStyle hatched = fill({150, 150, 150, 255});
    hatched.brush = "b_diagonal";
    st.classes.push_back({"-1", "-1", fmt::format("Suppressed (1 to {} incidents)", theme.min_count - 1), hatched});
  }
  st.classes.push_back({"-2", "-2", "No data", fill({255, 255, 255, 255})});
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  double lower = 0;
  const int n = 5;
  for (int k = 1; k <= n; ++k) {
    double upper = values.empty() ? k : values[std::min(values.size() - 1, values.size() * static_cast<std::size_t>(k) / n)];
    if (k == n && !values.empty()) upper = values.back();
    if (upper <= lower && k != n) continue;
    st.classes.push_back({format_real(lower, 2), format_real(upper, 2),
                          fmt::format("{} - {}", format_real(lower, 1), format_real(upper, 1)), fill(kYlOrRd[k - 1])});
    lower = upper;
  }
  return st;
}

LayerStyle hotspot_classes_style(const std::vector<std::string>& class_names) {
  LayerStyle st;
  st.renderer = "categorizedSymbol";
  st.attribute = "class_level";
  st.fields_used = {"class_level", "label"};
  st.label_field = "label";
  for (std::size_t i = 0; i < class_names.size(); ++i) {
    Rgba c = kYlOrRd[std::min<std::size_t>(4, 1 + i * 2 > 4 ? 4 : 1 + i * 2)];
    c.a = 200;
    st.classes.push_back({std::to_string(i + 1), "", class_names[i], fill(c, {120, 0, 0, 255}, 0.3)});
  }
  return st;
}

LayerStyle gistar_bins_style() {
  LayerStyle st;
  st.renderer = "categorizedSymbol";
  st.attribute = "gi_bin";
  st.fields_used = {"gi_bin", "label"};
  st.label_field = "label";
  // ArcGIS Hot Spot Analysis colours: three reds for hot, three blues for cold.
  const struct { int bin; Rgba c; const char* label; } bins[] = {
      {3, {215, 48, 39, 255}, "Hot spot, 99% confidence"},  {2, {252, 141, 89, 255}, "Hot spot, 95% confidence"},
      {1, {254, 224, 144, 255}, "Hot spot, 90% confidence"}, {0, {255, 255, 255, 0}, "Not significant"},
      {-1, {224, 243, 248, 255}, "Cold spot, 90% confidence"}, {-2, {145, 191, 219, 255}, "Cold spot, 95% confidence"},
      {-3, {69, 117, 180, 255}, "Cold spot, 99% confidence"}};
  for (const auto& b : bins) {
    SymbolStyle s = fill(b.c, {80, 80, 80, b.bin == 0 ? 0 : 255}, 0.2);
    if (b.bin == 0) s.brush = "no";
    st.classes.push_back({std::to_string(b.bin), "", b.label, s});
  }
  return st;
}

LayerStyle emerging_classes_style() {
  LayerStyle st;
  st.renderer = "categorizedSymbol";
  st.attribute = "space_time_class";
  st.fields_used = {"space_time_class", "label"};
  st.label_field = "label";
  // Hot: new and consecutive in orange (emerging), intensifying and persistent in
  // deep reds, diminishing and historical fading, sporadic and oscillating in
  // purples (on and off). Cold mirrors it in blues and greens.
  const struct { const char* cls; Rgba c; } classes[] = {
      {"new hot spot", {253, 141, 60, 255}},        {"consecutive hot spot", {241, 105, 19, 255}},
      {"intensifying hot spot", {165, 15, 21, 255}}, {"persistent hot spot", {222, 45, 38, 255}},
      {"diminishing hot spot", {251, 106, 74, 255}}, {"sporadic hot spot", {158, 154, 200, 255}},
      {"oscillating hot spot", {117, 107, 177, 255}}, {"historical hot spot", {252, 187, 161, 255}},
      {"new cold spot", {107, 174, 214, 255}},       {"consecutive cold spot", {66, 146, 198, 255}},
      {"intensifying cold spot", {8, 69, 148, 255}}, {"persistent cold spot", {33, 113, 181, 255}},
      {"diminishing cold spot", {158, 202, 225, 255}}, {"sporadic cold spot", {161, 217, 155, 255}},
      {"oscillating cold spot", {65, 171, 93, 255}}, {"historical cold spot", {198, 219, 239, 255}}};
  for (const auto& k : classes) {
    std::string label = k.cls;
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    st.classes.push_back({k.cls, "", label, fill(k.c, {80, 80, 80, 255}, 0.2)});
  }
  return st;
}

LayerStyle cluster_outline_style() {
  LayerStyle st;
  st.renderer = "categorizedSymbol";
  st.attribute = "shape";
  st.fields_used = {"shape", "label"};
  st.label_field = "if(\"shape\" = 'convex_hull', \"label\", '')";
  const struct { const char* shape; Rgba c; double w; const char* label; } shapes[] = {
      {"convex_hull", {128, 0, 128, 255}, 0.6, "Convex hull"},
      {"concave_hull", {230, 97, 1, 255}, 0.4, "Concave hull"},
      {"ellipse", {33, 102, 172, 255}, 0.4, "1 sd ellipse"}};
  for (const auto& s : shapes) {
    SymbolStyle sym = fill({0, 0, 0, 0}, s.c, s.w);
    sym.brush = "no";
    st.classes.push_back({s.shape, "", s.label, sym});
  }
  return st;
}

LayerStyle venue_style() {
  LayerStyle st;
  st.renderer = "categorizedSymbol";
  st.attribute = "selected";
  st.fields_used = {"selected", "label"};
  st.label_field = "if(\"selected\", \"label\", '')";
  SymbolStyle chosen;
  chosen.kind = SymbolKind::Marker;
  chosen.marker = "star";
  chosen.size = 5;
  chosen.fill = {255, 215, 0, 255};
  chosen.outline = {0, 0, 0, 255};
  chosen.outline_width = 0.4;
  SymbolStyle candidate = chosen;
  candidate.marker = "circle";
  candidate.size = 2;
  candidate.fill = {160, 160, 160, 255};
  candidate.outline_width = 0.2;
  st.classes.push_back({"true", "", "Chosen venue (label: order)", chosen});
  st.classes.push_back({"false", "", "Candidate venue", candidate});
  return st;
}

LayerStyle catchment_style() {
  LayerStyle st;
  st.renderer = "singleSymbol";
  st.single = fill({255, 215, 0, 40}, {180, 140, 0, 255}, 0.4);
  return st;
}

ProjectLayer vector_layer(std::string id, std::string name, std::string file, std::string group, std::string geometry,
                          const LayerStyle& style, std::size_t features, int stack, std::string abstract, bool visible) {
  ProjectLayer l;
  l.id = std::move(id);
  l.name = std::move(name);
  l.file = std::move(file);
  l.group = std::move(group);
  l.geometry = std::move(geometry);
  l.style_xml = vector_style_xml(style);
  l.labels = !style.label_field.empty();
  l.features = features;
  l.stack = stack;
  l.abstract = std::move(abstract);
  l.visible = visible;
  return l;
}

std::vector<RasterStop> kde_raster_stops(const std::vector<double>& thresholds, double peak, const std::string& unit) {
  std::vector<RasterStop> stops;
  stops.push_back({0, {255, 255, 178, 0}, "0"});
  // Transparent up to half the first class, so the map is not hazed with low density.
  if (!thresholds.empty() && thresholds[0] > 0)
    stops.push_back({thresholds[0] / 2, {255, 255, 178, 0}, fmt::format("{} {}", format_real(thresholds[0] / 2, 2), unit)});
  const Rgba ramp[] = {{254, 204, 92, 160}, {253, 141, 60, 200}, {240, 59, 32, 230}};
  double last = stops.back().value;
  for (std::size_t i = 0; i < thresholds.size() && i < 3; ++i) {
    if (!(thresholds[i] > last)) continue;
    stops.push_back({thresholds[i], ramp[i], fmt::format("{} {}", format_real(thresholds[i], 2), unit)});
    last = thresholds[i];
  }
  if (peak > last) stops.push_back({peak, {189, 0, 38, 255}, fmt::format("{} {} (peak)", format_real(peak, 2), unit)});
  return stops;
}

}  // namespace hotspot
