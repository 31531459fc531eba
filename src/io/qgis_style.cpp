#include "io/qgis_style.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include "io/xml_tree.hpp"

namespace hotspot {
namespace {

using xml::child;
using xml::num;

constexpr const char* kVersion = "3.22.16-Białowieża";

std::string color(const Rgba& c) { return fmt::format("{},{},{},{}", c.r, c.g, c.b, c.a); }

void option(pugi::xml_node map, const char* name, const std::string& value) {
  child(map, "Option", {{"type", "QString"}, {"name", name}, {"value", value}});
}

void symbol(pugi::xml_node parent, const SymbolStyle& s, const std::string& name) {
  const char* type = "fill";
  const char* layer = "SimpleFill";
  if (s.kind == SymbolKind::Line) type = "line", layer = "SimpleLine";
  if (s.kind == SymbolKind::Marker) type = "marker", layer = "SimpleMarker";
  pugi::xml_node sym = child(parent, "symbol",
                             {{"type", type}, {"name", name}, {"alpha", "1"}, {"clip_to_extent", "1"}, {"force_rhr", "0"}});
  pugi::xml_node map = child(child(sym, "layer", {{"class", layer}, {"pass", "0"}, {"locked", "0"}, {"enabled", "1"}}),
                             "Option", {{"type", "Map"}});
  switch (s.kind) {
    case SymbolKind::Fill:
      option(map, "color", color(s.fill));
      option(map, "style", s.brush);
      option(map, "outline_color", color(s.outline));
      option(map, "outline_style", s.outline_width > 0 ? "solid" : "no");
      option(map, "outline_width", num(s.outline_width));
      option(map, "outline_width_unit", "MM");
      option(map, "joinstyle", "bevel");
      break;
    case SymbolKind::Line:
      option(map, "line_color", color(s.outline));
      option(map, "line_style", "solid");
      option(map, "line_width", num(s.outline_width));
      option(map, "line_width_unit", "MM");
      break;
    case SymbolKind::Marker:
      option(map, "name", s.marker);
      option(map, "color", color(s.fill));
      option(map, "outline_color", color(s.outline));
      option(map, "outline_width", num(s.outline_width));
      option(map, "size", num(s.size));
      option(map, "size_unit", "MM");
      break;
  }
}

void labeling(pugi::xml_node parent, const std::string& field) {
  if (field.empty()) return;
  pugi::xml_node settings = child(child(parent, "labeling", {{"type", "simple"}}), "settings", {{"calloutType", "simple"}});
  pugi::xml_node text = child(settings, "text-style",
                              {{"fieldName", field},
                               {"isExpression", field.find_first_of("(\"'") == std::string::npos ? "0" : "1"},
                               {"fontFamily", "Sans Serif"},
                               {"fontSize", "8"},
                               {"fontSizeUnit", "Point"},
                               {"textColor", "20,20,20,255"},
                               {"fontWeight", "50"},
                               {"textOpacity", "1"},
                               {"namedStyle", "Regular"}});
  child(text, "text-buffer",
        {{"bufferDraw", "1"}, {"bufferSize", "0.8"}, {"bufferSizeUnits", "MM"}, {"bufferColor", "255,255,255,255"},
         {"bufferOpacity", "0.85"}});
  child(settings, "text-format", {{"wrapChar", ""}, {"autoWrapLength", "24"}, {"multilineAlign", "3"}});
  child(settings, "placement",
        {{"placement", "0"}, {"centroidInside", "1"}, {"centroidWhole", "0"}, {"fitInPolygonOnly", "0"}, {"dist", "1"},
         {"distUnits", "MM"}, {"priority", "5"}});
  child(settings, "rendering",
        {{"obstacle", "1"}, {"drawLabels", "1"}, {"displayAll", "0"}, {"labelPerPart", "0"}, {"mergeLines", "0"},
         {"upsidedownLabels", "0"}, {"limitNumLabels", "0"}, {"minFeatureSize", "0"}, {"scaleVisibility", "0"}});
}

}  // namespace

std::string vector_style_xml(const LayerStyle& style) {
  pugi::xml_document doc;
  if (style.renderer == "singleSymbol") {
    pugi::xml_node r = child(doc, "renderer-v2",
                             {{"type", "singleSymbol"}, {"symbollevels", "0"}, {"enableorderby", "0"}, {"forceraster", "0"}});
    symbol(child(r, "symbols"), style.single, "0");
  } else {
    const bool graduated = style.renderer == "graduatedSymbol";
    pugi::xml_node r = child(doc, "renderer-v2", {{"type", style.renderer}, {"attr", style.attribute}});
    if (graduated) r.append_attribute("graduatedMethod").set_value("GraduatedColor");
    for (const char* a : {"symbollevels", "enableorderby", "forceraster"}) r.append_attribute(a).set_value("0");
    pugi::xml_node items = child(r, graduated ? "ranges" : "categories");
    pugi::xml_node symbols = child(r, "symbols");
    for (std::size_t i = 0; i < style.classes.size(); ++i) {
      const StyleClass& c = style.classes[i];
      symbol(symbols, c.symbol, std::to_string(i));
      if (graduated)
        child(items, "range",
              {{"render", "true"}, {"symbol", std::to_string(i)}, {"lower", c.value_or_lower}, {"upper", c.upper},
               {"label", c.label}});
      else
        child(items, "category",
              {{"render", "true"}, {"symbol", std::to_string(i)}, {"value", c.value_or_lower}, {"label", c.label}});
    }
  }
  labeling(doc, style.label_field);
  return xml::fragment_string(doc);
}

std::string raster_style_xml(const std::vector<RasterStop>& stops, double opacity) {
  pugi::xml_document doc;
  const double lo = stops.empty() ? 0 : stops.front().value, hi = stops.empty() ? 1 : stops.back().value;
  pugi::xml_node pipe = child(doc, "pipe");
  pugi::xml_node r = child(pipe, "rasterrenderer",
                           {{"type", "singlebandpseudocolor"}, {"band", "1"}, {"opacity", num(opacity)},
                            {"alphaBand", "-1"}, {"classificationMin", num(lo)}, {"classificationMax", num(hi)},
                            {"nodataColor", ""}});
  child(r, "rasterTransparency");
  pugi::xml_node mm = child(r, "minMaxOrigin");
  xml::text_child(mm, "limits", "None");
  xml::text_child(mm, "extent", "WholeRaster");
  xml::text_child(mm, "statAccuracy", "Estimated");
  xml::text_child(mm, "cumulativeCutLower", "0.02");
  xml::text_child(mm, "cumulativeCutUpper", "0.98");
  xml::text_child(mm, "stdDevFactor", "2");
  pugi::xml_node shader = child(child(r, "rastershader"), "colorrampshader",
                                {{"colorRampType", "INTERPOLATED"}, {"classificationMode", "1"}, {"clip", "0"},
                                 {"minimumValue", num(lo)}, {"maximumValue", num(hi)}});
  for (const RasterStop& s : stops)
    child(shader, "item",
          {{"value", num(s.value)}, {"color", fmt::format("#{:02x}{:02x}{:02x}", s.color.r, s.color.g, s.color.b)},
           {"alpha", std::to_string(s.color.a)}, {"label", s.label}});
  // The legend lists the stops with their labels (class thresholds, peak) rather than a bare gradient.
  child(shader, "rampLegendSettings",
        {{"useContinuousLegend", "0"}, {"prefix", ""}, {"suffix", ""}, {"minimumLabel", ""}, {"maximumLabel", ""},
         {"direction", "0"}, {"orientation", "2"}});
  child(pipe, "brightnesscontrast", {{"brightness", "0"}, {"contrast", "0"}, {"gamma", "1"}});
  child(pipe, "huesaturation",
        {{"saturation", "0"}, {"grayscaleMode", "0"}, {"colorizeOn", "0"}, {"colorizeStrength", "100"},
         {"colorizeRed", "255"}, {"colorizeGreen", "128"}, {"colorizeBlue", "128"}});
  child(pipe, "rasterresampler", {{"maxOversampling", "2"}});
  return xml::fragment_string(doc);
}

std::string tile_style_xml() {
  pugi::xml_document doc;
  pugi::xml_node pipe = child(doc, "pipe");
  pugi::xml_node r = child(pipe, "rasterrenderer",
                           {{"type", "singlebandcolordata"}, {"band", "1"}, {"opacity", "1"}, {"alphaBand", "-1"},
                            {"nodataColor", ""}});
  child(r, "rasterTransparency");
  child(pipe, "brightnesscontrast", {{"brightness", "0"}, {"contrast", "0"}, {"gamma", "1"}});
  child(pipe, "rasterresampler", {{"maxOversampling", "2"}});
  return xml::fragment_string(doc);
}

std::string qml_document(const std::string& fragment, bool labels) {
  pugi::xml_document doc;
  xml::add_qgis_doctype(doc);
  pugi::xml_node root = child(doc, "qgis",
                              {{"version", kVersion}, {"styleCategories", "Symbology|Labeling"},
                               {"labelsEnabled", labels ? "1" : "0"}});
  xml::append_fragment(root, fragment);
  return xml::qgis_document_string(doc);
}

}  // namespace hotspot
