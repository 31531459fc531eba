#include "io/qgis_style.hpp"

#include <fmt/format.h>

namespace hotspot {
namespace {

constexpr const char* kVersion = "3.22.16-Białowieża";

std::string color(const Rgba& c) { return fmt::format("{},{},{},{}", c.r, c.g, c.b, c.a); }

std::string option(const std::string& name, const std::string& value) {
  return fmt::format("<Option type=\"QString\" name=\"{}\" value=\"{}\"/>", name, xml_escape(value));
}

std::string symbol_xml(const SymbolStyle& s, const std::string& name) {
  std::string type, layer, options;
  switch (s.kind) {
    case SymbolKind::Fill:
      type = "fill";
      layer = "SimpleFill";
      options = option("color", color(s.fill)) + option("style", s.brush) + option("outline_color", color(s.outline)) +
                option("outline_style", s.outline_width > 0 ? "solid" : "no") +
                option("outline_width", fmt::format("{}", s.outline_width)) + option("outline_width_unit", "MM") +
                option("joinstyle", "bevel");
      break;
    case SymbolKind::Line:
      type = "line";
      layer = "SimpleLine";
      options = option("line_color", color(s.outline)) + option("line_style", "solid") +
                option("line_width", fmt::format("{}", s.outline_width)) + option("line_width_unit", "MM");
      break;
    case SymbolKind::Marker:
      type = "marker";
      layer = "SimpleMarker";
      options = option("name", s.marker) + option("color", color(s.fill)) + option("outline_color", color(s.outline)) +
                option("outline_width", fmt::format("{}", s.outline_width)) + option("size", fmt::format("{}", s.size)) +
                option("size_unit", "MM");
      break;
  }
  return fmt::format("<symbol type=\"{}\" name=\"{}\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
                     "<layer class=\"{}\" pass=\"0\" locked=\"0\" enabled=\"1\"><Option type=\"Map\">{}</Option></layer>"
                     "</symbol>",
                     type, xml_escape(name), layer, options);
}

std::string labeling_xml(const std::string& field) {
  if (field.empty()) return "";
  return fmt::format(
      "<labeling type=\"simple\"><settings calloutType=\"simple\">"
      "<text-style fieldName=\"{}\" isExpression=\"{}\" fontFamily=\"Sans Serif\" fontSize=\"8\" fontSizeUnit=\"Point\" "
      "textColor=\"20,20,20,255\" fontWeight=\"50\" textOpacity=\"1\" namedStyle=\"Regular\">"
      "<text-buffer bufferDraw=\"1\" bufferSize=\"0.8\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" "
      "bufferOpacity=\"0.85\"/></text-style>"
      "<text-format wrapChar=\"\" autoWrapLength=\"24\" multilineAlign=\"3\"/>"
      "<placement placement=\"0\" centroidInside=\"1\" centroidWhole=\"0\" fitInPolygonOnly=\"0\" dist=\"1\" "
      "distUnits=\"MM\" priority=\"5\"/>"
      "<rendering obstacle=\"1\" drawLabels=\"1\" displayAll=\"0\" labelPerPart=\"0\" mergeLines=\"0\" "
      "upsidedownLabels=\"0\" limitNumLabels=\"0\" minFeatureSize=\"0\" scaleVisibility=\"0\"/>"
      "</settings></labeling>",
      xml_escape(field), field.find_first_of("(\"'") == std::string::npos ? 0 : 1);
}

}  // namespace

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string vector_style_xml(const LayerStyle& style) {
  std::string symbols, body;
  if (style.renderer == "singleSymbol") {
    symbols = symbol_xml(style.single, "0");
    body = fmt::format("<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">"
                       "<symbols>{}</symbols></renderer-v2>", symbols);
  } else {
    const bool graduated = style.renderer == "graduatedSymbol";
    std::string items;
    for (std::size_t i = 0; i < style.classes.size(); ++i) {
      const StyleClass& c = style.classes[i];
      symbols += symbol_xml(c.symbol, std::to_string(i));
      if (graduated)
        items += fmt::format("<range render=\"true\" symbol=\"{}\" lower=\"{}\" upper=\"{}\" label=\"{}\"/>", i,
                             c.value_or_lower, c.upper, xml_escape(c.label));
      else
        items += fmt::format("<category render=\"true\" symbol=\"{}\" value=\"{}\" label=\"{}\"/>", i,
                             xml_escape(c.value_or_lower), xml_escape(c.label));
    }
    body = fmt::format("<renderer-v2 type=\"{}\" attr=\"{}\" {}symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">"
                       "<{}>{}</{}><symbols>{}</symbols></renderer-v2>",
                       style.renderer, xml_escape(style.attribute), graduated ? "graduatedMethod=\"GraduatedColor\" " : "",
                       graduated ? "ranges" : "categories", items, graduated ? "ranges" : "categories", symbols);
  }
  return body + labeling_xml(style.label_field);
}

std::string raster_style_xml(const std::vector<RasterStop>& stops, double opacity) {
  std::string items;
  for (std::size_t i = 0; i < stops.size(); ++i)
    items += fmt::format("<item value=\"{}\" color=\"#{:02x}{:02x}{:02x}\" alpha=\"{}\" label=\"{}\"/>", stops[i].value,
                         stops[i].color.r, stops[i].color.g, stops[i].color.b, stops[i].color.a,
                         xml_escape(stops[i].label));
  const double lo = stops.empty() ? 0 : stops.front().value, hi = stops.empty() ? 1 : stops.back().value;
  return fmt::format(
      "<pipe><rasterrenderer type=\"singlebandpseudocolor\" band=\"1\" opacity=\"{}\" alphaBand=\"-1\" "
      "classificationMin=\"{}\" classificationMax=\"{}\" nodataColor=\"\"><rasterTransparency/>"
      "<minMaxOrigin><limits>None</limits><extent>WholeRaster</extent><statAccuracy>Estimated</statAccuracy>"
      "<cumulativeCutLower>0.02</cumulativeCutLower><cumulativeCutUpper>0.98</cumulativeCutUpper>"
      "<stdDevFactor>2</stdDevFactor></minMaxOrigin><rastershader>"
      "<colorrampshader colorRampType=\"INTERPOLATED\" classificationMode=\"1\" clip=\"0\" minimumValue=\"{}\" "
      "maximumValue=\"{}\">{}</colorrampshader></rastershader></rasterrenderer>"
      "<brightnesscontrast brightness=\"0\" contrast=\"0\" gamma=\"1\"/>"
      "<huesaturation saturation=\"0\" grayscaleMode=\"0\" colorizeOn=\"0\" colorizeStrength=\"100\" "
      "colorizeRed=\"255\" colorizeGreen=\"128\" colorizeBlue=\"128\"/><rasterresampler maxOversampling=\"2\"/></pipe>",
      opacity, lo, hi, lo, hi, items);
}

std::string qml_document(const std::string& fragment, bool labels) {
  return fmt::format("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
                     "<qgis version=\"{}\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\"{}\">\n{}\n</qgis>\n",
                     kVersion, labels ? 1 : 0, fragment);
}

}  // namespace hotspot
