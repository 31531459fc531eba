#pragma once
// A small static map as inline SVG, drawn from the same geometries as the
// layers (analysis CRS, metres): polygons, lines, point symbols, labels that
// never overlap (io/label_placer.hpp), a scale bar and a north arrow. Its
// units are printed millimetres (the SVG's width and height are in mm), so a
// font size in the code is the size on paper. No external resources. The SVG
// is a pugixml tree, so the library escapes names and titles.
#include <functional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"
#include "io/label_placer.hpp"

namespace hotspot {

// How one kind of feature is drawn. The legend draws its swatches from the
// same values, so a swatch is the colour and opacity of the map's fill.
struct MapStyle {
  std::string fill = "none";
  double fill_opacity = 1;
  std::string stroke = "none";
  double stroke_width = 0;  // mm
  std::string dash;         // stroke-dasharray in mm, empty = solid
};

struct TextStyle {
  double size = 2.8;  // mm; 2.47 mm is 7 pt, the smallest the report prints
  bool bold = false;
  bool italic = false;
  std::string colour = "#222";
};

// Appends the SVG attributes of a style (fill, fill-opacity, stroke, ...) to an element.
void add_style(pugi::xml_node element, const MapStyle& s);

struct MapPoint {
  double x = 0, y = 0;  // map mm
};

class SvgMap {
 public:
  // `extent` in metres, fitted into at most max_width by max_height mm (the scale bar below included).
  SvgMap(const GeosContext& ctx, const Bounds& extent, double max_width, double max_height);

  MapPoint to_map(double x, double y) const { return {sx(x), sy(y)}; }
  // The analysis-CRS rectangle under a box of the map.
  Bounds to_world(const Box& b) const;
  double mm_per_metre() const { return scale_; }

  // Polygons of `g` (others ignored), simplified to about a tenth of a millimetre.
  void polygon(const GEOSGeometry* g, const MapStyle& style, const std::string& css_class, const std::string& title);
  // Line work of `g`: lines, and the outlines of polygons.
  void lines(const GEOSGeometry* g, const MapStyle& style, const std::string& css_class);
  // A diamond symbol of `size` mm at (x, y) (analysis CRS); labels keep clear of it.
  void diamond(double x, double y, double size, const MapStyle& style, const std::string& css_class,
               const std::string& title);

  // One label of one or more lines, centred at the first of `candidates`
  // (map mm) where it is clear of every label and symbol already placed and
  // `fits` (if given) accepts its box. From the second candidate on, a thin
  // leader joins it to `anchor`. Returns false, drawing nothing, when no
  // candidate is clear.
  bool label(const std::vector<MapPoint>& candidates, const std::vector<std::string>& lines, const TextStyle& style,
             const std::string& css_class, const MapPoint& anchor,
             const std::function<bool(const Box&)>& fits = nullptr);

  // The whole map, scale bar and north arrow on top, as an <svg> appended to `parent`.
  void finish(pugi::xml_node parent, const std::string& aria_label) const;

 private:
  double sx(double x) const { return (x - extent_.min_x) * scale_ + pad_; }
  double sy(double y) const { return (extent_.max_y - y) * scale_ + pad_; }
  void ring(const GEOSGeometry* ring, std::string& d, bool close) const;
  std::string path_data(const GEOSGeometry* g, bool polygons) const;
  void add_scale_bar();
  void add_north_arrow();

  const GeosContext& ctx_;
  Bounds extent_;
  double scale_ = 1, pad_ = 3, width_ = 0, height_ = 0;
  LabelPlacer placer_;
  // Drawn in three layers, whatever the order of the calls: labels over shapes, furniture over both.
  pugi::xml_document shapes_, labels_, furniture_;
};

}  // namespace hotspot
