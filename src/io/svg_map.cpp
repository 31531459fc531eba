#include "io/svg_map.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>


namespace hotspot {

namespace {

constexpr double kScaleStrip = 8;   // mm below the map for the scale bar
constexpr double kFurnitureText = 2.8;

}  // namespace

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

std::string style_attributes(const MapStyle& s) {
  std::string out = fmt::format("fill=\"{}\"", s.fill);
  if (s.fill != "none" && s.fill_opacity != 1) out += fmt::format(" fill-opacity=\"{:g}\"", s.fill_opacity);
  out += fmt::format(" stroke=\"{}\"", s.stroke);
  if (s.stroke != "none") out += fmt::format(" stroke-width=\"{:g}\" stroke-linejoin=\"round\"", s.stroke_width);
  if (!s.dash.empty()) out += fmt::format(" stroke-dasharray=\"{}\"", s.dash);
  return out;
}

SvgMap::SvgMap(const GeosContext& ctx, const Bounds& extent, double max_width, double max_height)
    : ctx_(ctx), extent_(extent), placer_(Box{0, 0, max_width, max_height}) {
  const double w = std::max(1.0, extent.max_x - extent.min_x), h = std::max(1.0, extent.max_y - extent.min_y);
  scale_ = std::min((max_width - 2 * pad_) / w, (max_height - 2 * pad_ - kScaleStrip) / h);
  width_ = w * scale_ + 2 * pad_;
  height_ = h * scale_ + 2 * pad_ + kScaleStrip;
  placer_ = LabelPlacer(Box{0, 0, width_, height_});

  // Scale bar: the largest 1, 2 or 5 x 10^k metres that fits in a fifth of the width.
  const double target = (width_ - 2 * pad_) / scale_ / 5;
  const double mag = std::pow(10.0, std::floor(std::log10(target)));
  double len = mag;
  for (double f : {2.0, 5.0})
    if (f * mag <= target) len = f * mag;
  const double px = len * scale_, y = height_ - kScaleStrip / 2 - 1;
  const std::string text = len >= 1000 ? fmt::format("{:g} km", len / 1000) : fmt::format("{:g} m", len);
  const Box text_at = text_box(pad_ + px + 1.5, y + 1.5, text, kFurnitureText, false, "start");
  furniture_ += fmt::format(
      "<g class=\"scale\"><rect x=\"{0:g}\" y=\"{1:.2f}\" width=\"{2:.2f}\" height=\"1.5\" fill=\"#000\"/>"
      "<rect x=\"{0:g}\" y=\"{1:.2f}\" width=\"{3:.2f}\" height=\"1.5\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.2\"/>"
      "<text x=\"{4:.2f}\" y=\"{5:.2f}\" font-size=\"{6:g}\">{7}</text></g>\n",
      pad_, y, px, px / 2, pad_ + px + 1.5, y + 1.5, kFurnitureText, text);
  placer_.block(Box{pad_, y - 0.5, text_at.x1, text_at.y1});

  // North arrow in the top right corner, drawn over the map's own pad.
  const double nx = width_ - pad_ - 3, ny = pad_;
  furniture_ += fmt::format(
      "<g class=\"north\"><polygon points=\"{0:.2f},{1:.2f} {2:.2f},{3:.2f} {0:.2f},{4:.2f} {5:.2f},{3:.2f}\" "
      "fill=\"#000\"/><text x=\"{0:.2f}\" y=\"{6:.2f}\" font-size=\"3.2\" font-weight=\"bold\" "
      "text-anchor=\"middle\">N</text></g>\n",
      nx, ny, nx + 2, ny + 6, ny + 4.5, nx - 2, ny + 9.6);
  placer_.block(Box{nx - 2.5, ny - 0.5, nx + 2.5, ny + 10.5});
}

Bounds SvgMap::to_world(const Box& b) const {
  return Bounds{(b.x0 - pad_) / scale_ + extent_.min_x, extent_.max_y - (b.y1 - pad_) / scale_,
                (b.x1 - pad_) / scale_ + extent_.min_x, extent_.max_y - (b.y0 - pad_) / scale_};
}

void SvgMap::ring(const GEOSGeometry* r, std::string& d, bool close) const {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx_.get(), r);
  unsigned int n = 0;
  GEOSCoordSeq_getSize_r(ctx_.get(), seq, &n);
  const unsigned int last = close ? n - 1 : n;  // a ring's closing vertex repeats the first: Z draws it
  for (unsigned int i = 0; n > 0 && i < last; ++i) {
    double x = 0, y = 0;
    GEOSCoordSeq_getXY_r(ctx_.get(), seq, i, &x, &y);
    d += fmt::format("{}{:.2f},{:.2f}", i ? "L" : "M", sx(x), sy(y));
  }
  if (close) d += "Z";
}

std::string SvgMap::path_data(const GEOSGeometry* g, bool polygons) const {
  std::string d;
  const int type = GEOSGeomTypeId_r(ctx_.get(), g);
  if (type == GEOS_POLYGON) {
    ring(GEOSGetExteriorRing_r(ctx_.get(), g), d, polygons);
    for (int h = 0; h < GEOSGetNumInteriorRings_r(ctx_.get(), g); ++h)
      ring(GEOSGetInteriorRingN_r(ctx_.get(), g, h), d, polygons);
  } else if (!polygons && (type == GEOS_LINESTRING || type == GEOS_LINEARRING)) {
    ring(g, d, false);
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
    for (int p = 0; p < GEOSGetNumGeometries_r(ctx_.get(), g); ++p)
      d += path_data(GEOSGetGeometryN_r(ctx_.get(), g, p), polygons);
  }
  return d;
}

void SvgMap::polygon(const GEOSGeometry* g, const MapStyle& style, const std::string& css_class,
                     const std::string& title) {
  GeomPtr simple = own(ctx_, GEOSTopologyPreserveSimplify_r(ctx_.get(), g, 0.1 / scale_), "simplifying for the map");
  const std::string d = path_data(simple.get(), true);
  if (d.empty()) return;
  shapes_ += fmt::format("<path class=\"{}\" d=\"{}\" {} fill-rule=\"evenodd\"><title>{}</title></path>\n", css_class, d,
                         style_attributes(style), html_escape(title));
}

void SvgMap::lines(const GEOSGeometry* g, const MapStyle& style, const std::string& css_class) {
  GeomPtr simple = own(ctx_, GEOSSimplify_r(ctx_.get(), g, 0.1 / scale_), "simplifying for the map");
  const std::string d = path_data(simple.get(), false);
  if (d.empty()) return;
  MapStyle line = style;
  line.fill = "none";
  shapes_ += fmt::format("<path class=\"{}\" d=\"{}\" {} stroke-linecap=\"round\"/>\n", css_class, d,
                         style_attributes(line));
}

void SvgMap::diamond(double x, double y, double size, const MapStyle& style, const std::string& css_class,
                     const std::string& title) {
  const double cx = sx(x), cy = sy(y), r = size / 2;
  shapes_ += fmt::format("<polygon class=\"{}\" points=\"{:.2f},{:.2f} {:.2f},{:.2f} {:.2f},{:.2f} {:.2f},{:.2f}\" {}>"
                         "<title>{}</title></polygon>\n",
                         css_class, cx, cy - r, cx + r, cy, cx, cy + r, cx - r, cy, style_attributes(style),
                         html_escape(title));
  placer_.block(Box{cx - r, cy - r, cx + r, cy + r});
}

bool SvgMap::label(const std::vector<MapPoint>& candidates, const std::vector<std::string>& lines,
                   const TextStyle& style, const std::string& css_class, const MapPoint& anchor,
                   const std::function<bool(const Box&)>& fits) {
  const double line_height = 1.2 * style.size;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const MapPoint at = candidates[c];
    const double first = at.y - (static_cast<double>(lines.size()) - 1) * line_height / 2 + 0.35 * style.size;
    Box box{HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL};
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Box b = text_box(at.x, first + static_cast<double>(i) * line_height, lines[i], style.size, style.bold, "middle");
      box = Box{std::min(box.x0, b.x0), std::min(box.y0, b.y0), std::max(box.x1, b.x1), std::max(box.y1, b.y1)};
    }
    if (!placer_.clear(box) || (fits && !fits(box))) continue;
    placer_.place(box);
    if (c > 0) {  // moved off its place: a leader shows what it names
      const double lx = std::clamp(anchor.x, box.x0, box.x1), ly = std::clamp(anchor.y, box.y0, box.y1);
      labels_ += fmt::format("<line class=\"leader\" x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\" "
                             "stroke=\"{}\" stroke-width=\"0.25\"/>\n", anchor.x, anchor.y, lx, ly, style.colour);
    }
    std::string spans;
    for (std::size_t i = 0; i < lines.size(); ++i)
      spans += fmt::format("<tspan x=\"{:.2f}\" y=\"{:.2f}\">{}</tspan>", at.x,
                           first + static_cast<double>(i) * line_height, html_escape(lines[i]));
    labels_ += fmt::format("<text class=\"{}\" font-size=\"{:g}\" fill=\"{}\"{}{} text-anchor=\"middle\" stroke=\"#fff\" "
                           "stroke-width=\"{:.2f}\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>\n",
                           css_class, style.size, style.colour, style.bold ? " font-weight=\"bold\"" : "",
                           style.italic ? " font-style=\"italic\"" : "", style.size * 0.25, spans);
    return true;
  }
  return false;
}

std::string SvgMap::finish(const std::string& aria_label) const {
  return fmt::format("<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.1f}mm\" height=\"{1:.1f}mm\" "
                     "viewBox=\"0 0 {0:.1f} {1:.1f}\" role=\"img\" aria-label=\"{2}\" "
                     "font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
                     "<rect width=\"100%\" height=\"100%\" fill=\"#f4f6f8\"/>\n{3}{4}{5}</svg>",
                     width_, height_, html_escape(aria_label), shapes_, labels_, furniture_);
}

}  // namespace hotspot
