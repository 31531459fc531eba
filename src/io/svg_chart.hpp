#pragma once
// A line chart as inline SVG: numeric x and y axes with round ticks, one
// polyline with markers per series, a legend. No scripts, no external fonts.
// Built as a pugixml tree, so the library escapes titles and names.
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace hotspot {

struct ChartSeries {
  std::string name;
  std::string colour;              // CSS colour
  std::vector<double> x, y;        // NaN y values leave a gap
  bool dashed = false;
};

struct ChartSpec {
  std::string title, x_label, y_label;
  std::vector<std::string> x_tick_labels;  // when given, one per integer x from 0 (e.g. month names); "" leaves a tick unlabelled
  double width = 640, height = 300;
  bool y_from_zero = true;
};

// The chart as an <svg> appended to `parent`, and a line break after it.
void append_line_chart(pugi::xml_node parent, const ChartSpec& spec, const std::vector<ChartSeries>& series);
// The same as compact SVG text, for a page still built as text.
std::string svg_line_chart(const ChartSpec& spec, const std::vector<ChartSeries>& series);

}  // namespace hotspot
