#pragma once
// QGIS styles (the XML of a .qml file, QGIS 3.22) for the layers a run writes,
// so every layer opens styled and labelled. The same fragments are embedded
// in tasking.qgs and in a GeoPackage's layer_styles table. Built with pugixml,
// which does all escaping.
#include <string>
#include <vector>

namespace hotspot {

struct Rgba {
  int r = 0, g = 0, b = 0, a = 255;
};

enum class SymbolKind { Fill, Line, Marker };

struct SymbolStyle {
  SymbolKind kind = SymbolKind::Fill;
  Rgba fill{200, 200, 200, 255};
  Rgba outline{35, 35, 35, 255};
  double outline_width = 0.26;    // mm
  std::string brush = "solid";    // solid, no, b_diagonal, ...
  std::string marker = "circle";  // circle, star, square, ...
  double size = 2.0;              // mm (markers)
};

struct StyleClass {
  std::string value_or_lower;  // category value, or lower bound of a range
  std::string upper;           // empty for categories
  std::string label;           // legend text
  SymbolStyle symbol;
};

struct LayerStyle {
  std::string renderer;            // "categorizedSymbol", "graduatedSymbol", "singleSymbol"
  std::string attribute;           // field name or QGIS expression
  std::vector<StyleClass> classes;
  SymbolStyle single;              // singleSymbol
  std::string label_field;         // empty = no labels
  std::vector<std::string> fields_used;  // every field the style refers to (checked by tests)
};

// Renderer and labelling XML for a vector layer (inside <qgis> or <maplayer>).
std::string vector_style_xml(const LayerStyle& style);

// A pseudocolour raster renderer: transparent at 0, colour stops at `stops`.
struct RasterStop {
  double value;
  Rgba color;
  std::string label;
};
std::string raster_style_xml(const std::vector<RasterStop>& stops, double opacity);

// The renderer of a tile layer (an XYZ basemap): its own colours.
std::string tile_style_xml();

// A whole .qml document around a fragment.
std::string qml_document(const std::string& fragment, bool labels);

}  // namespace hotspot
