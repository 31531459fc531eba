#include "io/svg_map.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "io/xml_tree.hpp"

namespace hotspot {

namespace {

constexpr double kScaleStrip = 8;   // mm below the map for the scale bar
constexpr double kFurnitureText = 2.8;

// Coordinates keep two decimals (a hundredth of a millimetre), as the pack always had.
std::string mm(double v) { return fmt::format("{:.2f}", v); }

// An empty <text> of a label, centred, in `style`.
pugi::xml_node label_text(pugi::xml_node parent, const TextStyle& style, const std::string& css_class) {
  pugi::xml_node text = xml::child(
      parent, "text", {{"class", css_class}, {"font-size", fmt::format("{:g}", style.size)}, {"fill", style.colour}});
  if (style.bold) text.append_attribute("font-weight") = "bold";
  if (style.italic) text.append_attribute("font-style") = "italic";
  // A white halo under the letters keeps them legible over lines and fills.
  xml::add_attributes(text, {{"text-anchor", "middle"}, {"stroke", "#fff"}, {"stroke-width", mm(style.size * 0.25)},
                             {"stroke-linejoin", "round"}, {"paint-order", "stroke"}});
  return text;
}

}  // namespace

void add_style(pugi::xml_node element, const MapStyle& s) {
  element.append_attribute("fill") = s.fill.c_str();
  if (s.fill != "none" && s.fill_opacity != 1)
    element.append_attribute("fill-opacity") = fmt::format("{:g}", s.fill_opacity).c_str();
  element.append_attribute("stroke") = s.stroke.c_str();
  if (s.stroke != "none") {
    element.append_attribute("stroke-width") = fmt::format("{:g}", s.stroke_width).c_str();
    element.append_attribute("stroke-linejoin") = "round";
  }
  if (!s.dash.empty()) element.append_attribute("stroke-dasharray") = s.dash.c_str();
}

SvgMap::SvgMap(const GeosContext& ctx, const Bounds& extent, double max_width, double max_height)
    : ctx_(ctx), extent_(extent), placer_(Box{0, 0, max_width, max_height}) {
  const double w = std::max(1.0, extent.max_x - extent.min_x), h = std::max(1.0, extent.max_y - extent.min_y);
  scale_ = std::min((max_width - 2 * pad_) / w, (max_height - 2 * pad_ - kScaleStrip) / h);
  width_ = w * scale_ + 2 * pad_;
  height_ = h * scale_ + 2 * pad_ + kScaleStrip;
  placer_ = LabelPlacer(Box{0, 0, width_, height_});
  add_scale_bar();
  add_north_arrow();
}

// The largest 1, 2 or 5 x 10^k metres that fits in a fifth of the width, in the strip below the map.
void SvgMap::add_scale_bar() {
  const double target = (width_ - 2 * pad_) / scale_ / 5;
  const double mag = std::pow(10.0, std::floor(std::log10(target)));
  double len = mag;
  for (double f : {2.0, 5.0})
    if (f * mag <= target) len = f * mag;
  const double px = len * scale_, y = height_ - kScaleStrip / 2 - 1;
  const std::string text = len >= 1000 ? fmt::format("{:g} km", len / 1000) : fmt::format("{:g} m", len);
  const Box text_at = text_box(pad_ + px + 1.5, y + 1.5, text, kFurnitureText, false, "start");
  pugi::xml_node g = xml::child(furniture_, "g", {{"class", "scale"}});
  const std::string x = fmt::format("{:g}", pad_);
  xml::child(g, "rect", {{"x", x}, {"y", mm(y)}, {"width", mm(px)}, {"height", "1.5"}, {"fill", "#000"}});
  xml::child(g, "rect", {{"x", x}, {"y", mm(y)}, {"width", mm(px / 2)}, {"height", "1.5"}, {"fill", "#fff"},
                         {"stroke", "#000"}, {"stroke-width", "0.2"}});
  const std::string size = fmt::format("{:g}", kFurnitureText);
  xml::child(g, "text", {{"x", mm(pad_ + px + 1.5)}, {"y", mm(y + 1.5)}, {"font-size", size}}).text().set(text.c_str());
  xml::line_break(furniture_);
  placer_.block(Box{pad_, y - 0.5, text_at.x1, text_at.y1});
}

// In the top right corner, drawn over the map's own pad.
void SvgMap::add_north_arrow() {
  const double nx = width_ - pad_ - 3, ny = pad_;
  pugi::xml_node g = xml::child(furniture_, "g", {{"class", "north"}});
  const std::string points = fmt::format("{0:.2f},{1:.2f} {2:.2f},{3:.2f} {0:.2f},{4:.2f} {5:.2f},{3:.2f}", nx, ny,
                                         nx + 2, ny + 6, ny + 4.5, nx - 2);
  xml::child(g, "polygon", {{"points", points}, {"fill", "#000"}});
  xml::child(g, "text", {{"x", mm(nx)}, {"y", mm(ny + 9.6)}, {"font-size", "3.2"}, {"font-weight", "bold"},
                         {"text-anchor", "middle"}})
      .text()
      .set("N");
  xml::line_break(furniture_);
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
  pugi::xml_node path = xml::child(shapes_, "path", {{"class", css_class}, {"d", d}});
  add_style(path, style);
  path.append_attribute("fill-rule") = "evenodd";
  xml::text_child(path, "title", title);
  xml::line_break(shapes_);
}

void SvgMap::lines(const GEOSGeometry* g, const MapStyle& style, const std::string& css_class) {
  GeomPtr simple = own(ctx_, GEOSSimplify_r(ctx_.get(), g, 0.1 / scale_), "simplifying for the map");
  const std::string d = path_data(simple.get(), false);
  if (d.empty()) return;
  MapStyle line = style;
  line.fill = "none";
  pugi::xml_node path = xml::child(shapes_, "path", {{"class", css_class}, {"d", d}});
  add_style(path, line);
  path.append_attribute("stroke-linecap") = "round";
  xml::line_break(shapes_);
}

void SvgMap::diamond(double x, double y, double size, const MapStyle& style, const std::string& css_class,
                     const std::string& title) {
  const double cx = sx(x), cy = sy(y), r = size / 2;
  const std::string points = fmt::format("{:.2f},{:.2f} {:.2f},{:.2f} {:.2f},{:.2f} {:.2f},{:.2f}", cx, cy - r, cx + r,
                                         cy, cx, cy + r, cx - r, cy);
  pugi::xml_node symbol = xml::child(shapes_, "polygon", {{"class", css_class}, {"points", points}});
  add_style(symbol, style);
  xml::text_child(symbol, "title", title);
  xml::line_break(shapes_);
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
      const Box b =
          text_box(at.x, first + static_cast<double>(i) * line_height, lines[i], style.size, style.bold, "middle");
      box = Box{std::min(box.x0, b.x0), std::min(box.y0, b.y0), std::max(box.x1, b.x1), std::max(box.y1, b.y1)};
    }
    if (!placer_.clear(box) || (fits && !fits(box))) continue;
    placer_.place(box);
    if (c > 0) {  // moved off its place: a leader shows what it names
      const double lx = std::clamp(anchor.x, box.x0, box.x1), ly = std::clamp(anchor.y, box.y0, box.y1);
      xml::child(labels_, "line", {{"class", "leader"}, {"x1", mm(anchor.x)}, {"y1", mm(anchor.y)}, {"x2", mm(lx)},
                                   {"y2", mm(ly)}, {"stroke", style.colour}, {"stroke-width", "0.25"}});
      xml::line_break(labels_);
    }
    pugi::xml_node text = label_text(labels_, style, css_class);
    for (std::size_t i = 0; i < lines.size(); ++i)
      xml::child(text, "tspan", {{"x", mm(at.x)}, {"y", mm(first + static_cast<double>(i) * line_height)}})
          .text()
          .set(lines[i].c_str());
    xml::line_break(labels_);
    return true;
  }
  return false;
}

void SvgMap::finish(pugi::xml_node parent, const std::string& aria_label) const {
  const std::string w = fmt::format("{:.1f}", width_), h = fmt::format("{:.1f}", height_);
  pugi::xml_node svg = xml::child(parent, "svg", {{"class", "map"}, {"xmlns", "http://www.w3.org/2000/svg"},
                                               {"width", fmt::format("{}mm", w)}, {"height", fmt::format("{}mm", h)},
                                               {"viewBox", fmt::format("0 0 {} {}", w, h)}, {"role", "img"},
                                               {"aria-label", aria_label},
                                               {"font-family", "DejaVu Sans, Arial, sans-serif"}});
  xml::line_break(svg);
  xml::child(svg, "rect", {{"width", "100%"}, {"height", "100%"}, {"fill", "#f4f6f8"}});
  xml::line_break(svg);
  for (const pugi::xml_document* layer : {&shapes_, &labels_, &furniture_})
    for (pugi::xml_node n : layer->children()) svg.append_copy(n);
}

}  // namespace hotspot
