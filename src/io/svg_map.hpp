#pragma once
// A small static map as inline SVG, drawn from the same geometries as the
// layers (analysis CRS, metres): polygons, numbered point markers, a scale
// bar and a north arrow. No external resources.
#include <string>

#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

class SvgMap {
 public:
  // `extent` in metres; the map is `width` pixels wide and as tall as the extent's aspect needs.
  SvgMap(const GeosContext& ctx, const Bounds& extent, double width);
  // Simplified to about half a pixel, so the file stays small.
  void polygon(const GEOSGeometry* g, const std::string& fill, const std::string& stroke, double stroke_width,
               double fill_opacity, const std::string& title);
  void marker(double x, double y, const std::string& text, const std::string& title);
  std::string finish(const std::string& aria_label) const;  // adds scale bar and north arrow

 private:
  double sx(double x) const { return (x - extent_.min_x) * scale_ + pad_; }
  double sy(double y) const { return (extent_.max_y - y) * scale_ + pad_; }
  void ring(const GEOSGeometry* ring, std::string& d) const;

  const GeosContext& ctx_;
  Bounds extent_;
  double scale_ = 1, pad_ = 10, width_ = 0, height_ = 0;
  std::string body_;
};

// Text for HTML and SVG (the XML escapes, valid in HTML5).
std::string html_escape(const std::string& s);

}  // namespace hotspot
