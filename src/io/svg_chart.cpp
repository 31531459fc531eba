#include "io/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "io/svg_map.hpp"

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

}  // namespace

std::string svg_line_chart(const ChartSpec& spec, const std::vector<ChartSeries>& series) {
  double x0 = HUGE_VAL, x1 = -HUGE_VAL, y0 = spec.y_from_zero ? 0 : HUGE_VAL, y1 = -HUGE_VAL;
  for (const ChartSeries& s : series)
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      if (!std::isfinite(s.y[i])) continue;
      x0 = std::min(x0, s.x[i]), x1 = std::max(x1, s.x[i]);
      y0 = std::min(y0, s.y[i]), y1 = std::max(y1, s.y[i]);
    }
  if (!(x1 >= x0)) x0 = 0, x1 = 1;
  if (!(y1 > y0)) y1 = y0 + 1;
  if (x1 == x0) x1 = x0 + 1;
  const double ystep = nice_step(y1 - y0, 5);
  y0 = std::floor(y0 / ystep) * ystep;
  y1 = std::ceil(y1 / ystep) * ystep;

  const double left = 56, right = 170, top = 28, bottom = 44;
  const double pw = spec.width - left - right, ph = spec.height - top - bottom;
  auto px = [&](double x) { return left + (x - x0) / (x1 - x0) * pw; };
  auto py = [&](double y) { return top + (y1 - y) / (y1 - y0) * ph; };

  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"{2}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">\n",
      spec.width, spec.height, html_escape(spec.title));
  s += fmt::format("<text x=\"{}\" y=\"16\" font-weight=\"bold\">{}</text>\n", left, html_escape(spec.title));
  for (double y = y0; y <= y1 + ystep / 2; y += ystep)
    s += fmt::format("<line x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>"
                     "<text x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
                     left, left + pw, py(y), left - 4, py(y) + 4, tick_text(y, ystep));
  if (!spec.x_tick_labels.empty()) {
    const std::size_t every = std::max<std::size_t>(1, (spec.x_tick_labels.size() + 11) / 12);
    for (std::size_t i = 0; i < spec.x_tick_labels.size(); i += every)
      s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", px(static_cast<double>(i)),
                       top + ph + 14, html_escape(spec.x_tick_labels[i]));
  } else {
    const double xstep = nice_step(x1 - x0, 6);
    for (double x = std::ceil(x0 / xstep) * xstep; x <= x1 + xstep / 1e6; x += xstep)
      s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", px(x), top + ph + 14,
                       tick_text(x, xstep));
  }
  s += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2:.1f}\" stroke=\"#444\"/>"
                   "<line x1=\"{0}\" x2=\"{3:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#444\"/>\n",
                   left, top, top + ph, left + pw);
  s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", left + pw / 2,
                   spec.height - 8, html_escape(spec.x_label));
  s += fmt::format("<text transform=\"translate(14 {:.1f}) rotate(-90)\" text-anchor=\"middle\">{}</text>\n",
                   top + ph / 2, html_escape(spec.y_label));
  for (std::size_t k = 0; k < series.size(); ++k) {
    const ChartSeries& c = series[k];
    std::string path;
    bool pen = false;
    for (std::size_t i = 0; i < c.x.size(); ++i) {
      if (!std::isfinite(c.y[i])) {
        pen = false;
        continue;
      }
      path += fmt::format("{}{:.1f},{:.1f} ", pen ? "L" : "M", px(c.x[i]), py(c.y[i]));
      pen = true;
      s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"{}\"/>", px(c.x[i]), py(c.y[i]),
                       html_escape(c.colour));
    }
    s += fmt::format("\n<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/>\n", path,
                     html_escape(c.colour), c.dashed ? " stroke-dasharray=\"5 3\"" : "");
    const double ly = top + 8 + 16.0 * static_cast<double>(k);
    s += fmt::format("<line x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"{3}\" stroke-width=\"2\"{4}/>"
                     "<text x=\"{5:.1f}\" y=\"{6:.1f}\">{7}</text>\n",
                     left + pw + 10, left + pw + 28, ly, html_escape(c.colour),
                     c.dashed ? " stroke-dasharray=\"5 3\"" : "", left + pw + 32, ly + 4, html_escape(c.name));
  }
  return s + "</svg>\n";
}

}  // namespace hotspot
