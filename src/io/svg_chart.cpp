#include "io/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "io/xml_tree.hpp"

namespace hotspot {
namespace {

// A "nice" tick step (1, 2 or 5 times a power of ten) for about `ticks` intervals.
double nice_step(double range, int ticks) {
  const double raw = range / ticks;
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0})
    if (raw <= m * p) return m * p;
  return 10 * p;
}

std::string tick_text(double v, double step) {
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step)));
  return fmt::format("{:.{}f}", v, decimals);
}

std::string one_decimal(double v) { return fmt::format("{:.1f}", v); }

// The plot area inside the chart and the data ranges it shows.
struct Frame {
  double left = 56, right = 170, top = 28, bottom = 44;
  double pw = 0, ph = 0;  // plot width and height
  double x0 = HUGE_VAL, x1 = -HUGE_VAL, y0 = 0, y1 = -HUGE_VAL, ystep = 1;
  double px(double x) const { return left + (x - x0) / (x1 - x0) * pw; }
  double py(double y) const { return top + (y1 - y) / (y1 - y0) * ph; }
};

// Ranges over every finite point, the y range widened to whole ticks.
Frame frame(const ChartSpec& spec, const std::vector<ChartSeries>& series) {
  Frame f;
  f.y0 = spec.y_from_zero ? 0 : HUGE_VAL;
  for (const ChartSeries& s : series)
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      if (!std::isfinite(s.y[i])) continue;
      f.x0 = std::min(f.x0, s.x[i]), f.x1 = std::max(f.x1, s.x[i]);
      f.y0 = std::min(f.y0, s.y[i]), f.y1 = std::max(f.y1, s.y[i]);
    }
  if (!(f.x1 >= f.x0)) f.x0 = 0, f.x1 = 1;
  if (!(f.y1 > f.y0)) f.y1 = f.y0 + 1;
  if (f.x1 == f.x0) f.x1 = f.x0 + 1;
  f.ystep = nice_step(f.y1 - f.y0, 5);
  f.y0 = std::floor(f.y0 / f.ystep) * f.ystep;
  f.y1 = std::ceil(f.y1 / f.ystep) * f.ystep;
  f.pw = spec.width - f.left - f.right;
  f.ph = spec.height - f.top - f.bottom;
  return f;
}

pugi::xml_node text(pugi::xml_node svg, const std::string& content, xml::Attrs attrs) {
  pugi::xml_node t = xml::child(svg, "text", attrs);
  t.text().set(content.c_str());
  return t;
}

// Horizontal grid lines with their values, then the x ticks: the spec's labels or round numbers.
void add_ticks(pugi::xml_node svg, const ChartSpec& spec, const Frame& f) {
  for (double y = f.y0; y <= f.y1 + f.ystep / 2; y += f.ystep) {
    const std::string at = one_decimal(f.py(y));
    xml::child(svg, "line",
               {{"x1", one_decimal(f.left)}, {"x2", one_decimal(f.left + f.pw)}, {"y1", at}, {"y2", at},
                {"stroke", "#ddd"}});
    text(svg, tick_text(y, f.ystep),
         {{"x", one_decimal(f.left - 4)}, {"y", one_decimal(f.py(y) + 4)}, {"text-anchor", "end"}});
    xml::line_break(svg);
  }
  const std::string below = one_decimal(f.top + f.ph + 14);
  if (!spec.x_tick_labels.empty()) {
    const std::size_t every = std::max<std::size_t>(1, (spec.x_tick_labels.size() + 11) / 12);
    for (std::size_t i = 0; i < spec.x_tick_labels.size(); i += every) {
      if (spec.x_tick_labels[i].empty()) continue;  // a tick left unlabelled draws nothing
      text(svg, spec.x_tick_labels[i],
           {{"x", one_decimal(f.px(static_cast<double>(i)))}, {"y", below}, {"text-anchor", "middle"}});
      xml::line_break(svg);
    }
    return;
  }
  const double xstep = nice_step(f.x1 - f.x0, 6);
  for (double x = std::ceil(f.x0 / xstep) * xstep; x <= f.x1 + xstep / 1e6; x += xstep) {
    text(svg, tick_text(x, xstep), {{"x", one_decimal(f.px(x))}, {"y", below}, {"text-anchor", "middle"}});
    xml::line_break(svg);
  }
}

void add_axes(pugi::xml_node svg, const ChartSpec& spec, const Frame& f) {
  const std::string left = fmt::format("{}", f.left), bottom = one_decimal(f.top + f.ph);
  xml::child(svg, "line",
             {{"x1", left}, {"x2", left}, {"y1", fmt::format("{}", f.top)}, {"y2", bottom}, {"stroke", "#444"}});
  xml::child(svg, "line",
             {{"x1", left}, {"x2", one_decimal(f.left + f.pw)}, {"y1", bottom}, {"y2", bottom}, {"stroke", "#444"}});
  xml::line_break(svg);
  text(svg, spec.x_label,
       {{"x", one_decimal(f.left + f.pw / 2)}, {"y", one_decimal(spec.height - 8)}, {"text-anchor", "middle"}});
  xml::line_break(svg);
  text(svg, spec.y_label, {{"transform", fmt::format("translate(14 {:.1f}) rotate(-90)", f.top + f.ph / 2)},
                           {"text-anchor", "middle"}});
  xml::line_break(svg);
}

// A series: a marker at each point, a line through them (a gap at NaN), and its legend entry (the k-th).
void add_series(pugi::xml_node svg, const ChartSeries& c, std::size_t k, const Frame& f) {
  std::string path;
  bool pen = false;
  for (std::size_t i = 0; i < c.x.size(); ++i) {
    if (!std::isfinite(c.y[i])) {
      pen = false;
      continue;
    }
    path += fmt::format("{}{:.1f},{:.1f} ", pen ? "L" : "M", f.px(c.x[i]), f.py(c.y[i]));
    pen = true;
    xml::child(svg, "circle", {{"cx", one_decimal(f.px(c.x[i]))}, {"cy", one_decimal(f.py(c.y[i]))}, {"r", "2.5"},
                               {"fill", c.colour}});
  }
  xml::line_break(svg);
  pugi::xml_node line =
      xml::child(svg, "path", {{"d", path}, {"fill", "none"}, {"stroke", c.colour}, {"stroke-width", "2"}});
  if (c.dashed) line.append_attribute("stroke-dasharray") = "5 3";
  xml::line_break(svg);
  const double ly = f.top + 8 + 16.0 * static_cast<double>(k);
  pugi::xml_node key = xml::child(svg, "line",
                                  {{"x1", one_decimal(f.left + f.pw + 10)}, {"x2", one_decimal(f.left + f.pw + 28)},
                                   {"y1", one_decimal(ly)}, {"y2", one_decimal(ly)}, {"stroke", c.colour},
                                   {"stroke-width", "2"}});
  if (c.dashed) key.append_attribute("stroke-dasharray") = "5 3";
  text(svg, c.name, {{"x", one_decimal(f.left + f.pw + 32)}, {"y", one_decimal(ly + 4)}});
  xml::line_break(svg);
}

}  // namespace

void append_line_chart(pugi::xml_node parent, const ChartSpec& spec, const std::vector<ChartSeries>& series) {
  const Frame f = frame(spec, series);
  const std::string w = fmt::format("{}", spec.width), h = fmt::format("{}", spec.height);
  pugi::xml_node svg = xml::child(parent, "svg",
                                  {{"xmlns", "http://www.w3.org/2000/svg"}, {"viewBox", fmt::format("0 0 {} {}", w, h)},
                                   {"width", w}, {"height", h}, {"role", "img"}, {"aria-label", spec.title},
                                   {"font-family", "DejaVu Sans, Arial, sans-serif"}, {"font-size", "11"}});
  xml::line_break(svg);
  text(svg, spec.title, {{"x", fmt::format("{}", f.left)}, {"y", "16"}, {"font-weight", "bold"}});
  xml::line_break(svg);
  add_ticks(svg, spec, f);
  add_axes(svg, spec, f);
  for (std::size_t k = 0; k < series.size(); ++k) add_series(svg, series[k], k, f);
  xml::line_break(parent);  // the page's source puts what follows the chart on a line of its own
}

std::string svg_line_chart(const ChartSpec& spec, const std::vector<ChartSeries>& series) {
  pugi::xml_document doc;
  append_line_chart(doc, spec, series);
  return xml::fragment_string(doc);
}

}  // namespace hotspot
