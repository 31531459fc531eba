#include "io/svg_map.hpp"

#include <cmath>
#include <fmt/format.h>


namespace hotspot {

std::string html_escape(const std::string& s) {
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

SvgMap::SvgMap(const GeosContext& ctx, const Bounds& extent, double width) : ctx_(ctx), extent_(extent), width_(width) {
  const double w = std::max(1.0, extent.max_x - extent.min_x), h = std::max(1.0, extent.max_y - extent.min_y);
  scale_ = (width - 2 * pad_) / w;
  height_ = h * scale_ + 2 * pad_ + 30;  // room for the scale bar
}

void SvgMap::ring(const GEOSGeometry* r, std::string& d) const {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx_.get(), r);
  unsigned int n = 0;
  GEOSCoordSeq_getSize_r(ctx_.get(), seq, &n);
  for (unsigned int i = 0; i + 1 < n; ++i) {  // the closing vertex repeats the first: Z draws it
    double x = 0, y = 0;
    GEOSCoordSeq_getXY_r(ctx_.get(), seq, i, &x, &y);
    d += fmt::format("{}{:.1f},{:.1f}", i ? "L" : "M", sx(x), sy(y));
  }
  d += "Z";
}

void SvgMap::polygon(const GEOSGeometry* g, const std::string& fill, const std::string& stroke, double stroke_width,
                     double fill_opacity, const std::string& title) {
  GeomPtr simple = own(ctx_, GEOSTopologyPreserveSimplify_r(ctx_.get(), g, 0.5 / scale_), "simplifying for the map");
  std::string d;
  const int parts = GEOSGetNumGeometries_r(ctx_.get(), simple.get());
  for (int p = 0; p < parts; ++p) {
    const GEOSGeometry* poly = GEOSGetGeometryN_r(ctx_.get(), simple.get(), p);
    if (GEOSGeomTypeId_r(ctx_.get(), poly) != GEOS_POLYGON) continue;
    ring(GEOSGetExteriorRing_r(ctx_.get(), poly), d);
    for (int h = 0; h < GEOSGetNumInteriorRings_r(ctx_.get(), poly); ++h) ring(GEOSGetInteriorRingN_r(ctx_.get(), poly, h), d);
  }
  if (d.empty()) return;
  body_ += fmt::format("<path d=\"{}\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"{}\" stroke-width=\"{}\" "
                       "fill-rule=\"evenodd\"><title>{}</title></path>\n",
                       d, fill, fill_opacity, stroke, stroke_width, html_escape(title));
}

void SvgMap::marker(double x, double y, const std::string& text, const std::string& title) {
  body_ += fmt::format("<g><title>{}</title><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"9\" fill=\"#ffd700\" stroke=\"#000\" "
                       "stroke-width=\"1.2\"/><text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" font-weight=\"bold\" "
                       "text-anchor=\"middle\">{}</text></g>\n",
                       html_escape(title), sx(x), sy(y), sx(x), sy(y) + 4, html_escape(text));
}

std::string SvgMap::finish(const std::string& aria_label) const {
  // Scale bar: the largest 1, 2 or 5 x 10^k metres that fits in a fifth of the width.
  const double target = (width_ - 2 * pad_) / scale_ / 5;
  const double mag = std::pow(10.0, std::floor(std::log10(target)));
  double len = mag;
  for (double f : {2.0, 5.0})
    if (f * mag <= target) len = f * mag;
  const double px = len * scale_, y = height_ - 16;
  const std::string label = len >= 1000 ? fmt::format("{:g} km", len / 1000) : fmt::format("{:g} m", len);
  std::string extras = fmt::format(
      "<g class=\"scale\"><rect x=\"{0}\" y=\"{1:.1f}\" width=\"{2:.1f}\" height=\"5\" fill=\"#000\"/>"
      "<rect x=\"{0}\" y=\"{1:.1f}\" width=\"{3:.1f}\" height=\"5\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.8\"/>"
      "<text x=\"{4:.1f}\" y=\"{5:.1f}\" font-size=\"11\">{6}</text></g>\n",
      pad_, y, px, px / 2, pad_ + px + 6, y + 6, label);
  const double nx = width_ - pad_ - 14, ny = pad_ + 4;
  extras += fmt::format("<g class=\"north\"><polygon points=\"{0:.1f},{1:.1f} {2:.1f},{3:.1f} {0:.1f},{4:.1f} {5:.1f},{3:.1f}\" "
                        "fill=\"#000\"/><text x=\"{0:.1f}\" y=\"{6:.1f}\" font-size=\"12\" font-weight=\"bold\" "
                        "text-anchor=\"middle\">N</text></g>\n",
                        nx, ny + 12, nx + 7, ny + 34, ny + 28, nx - 7, ny + 48);
  return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"{}\">\n"
                     "<rect width=\"100%\" height=\"100%\" fill=\"#f4f6f8\"/>\n{}{}</svg>",
                     width_, height_, html_escape(aria_label), body_, extras);
}

}  // namespace hotspot
