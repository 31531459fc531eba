#include "app/report/change_map.hpp"

#include <fmt/format.h>

#include <iterator>
#include <map>

#include "app/report/report_maps.hpp"
#include "app/tables/published_cells.hpp"
#include "io/html_tree.hpp"
#include "io/svg_map.hpp"

namespace hotspot {
namespace {

// Diverging RdBu (ColorBrewer): rises red, falls blue, significant ones strongest;
// withheld wards a light grey with a dashed edge, so they cannot be read as "no change".
const MapClass kClasses[] = {
    {"change-rise-significant", "Significant rise", {"#b2182b", 1, "none", 0, ""}},
    {"change-rise", "Rise, not significant", {"#f4a582", 1, "none", 0, ""}},
    {"change-same", "No change, or no usual level", {"#f7f7f7", 1, "none", 0, ""}},
    {"change-fall", "Fall, not significant", {"#92c5de", 1, "none", 0, ""}},
    {"change-fall-significant", "Significant fall", {"#2166ac", 1, "none", 0, ""}},
    {"change-withheld", "Withheld by disclosure control", {"#d9d9d9", 1, "#6b6b6b", 0.3, "0.8 0.5"}},
};
enum ChangeKind : std::size_t { kRiseSig, kRise, kSame, kFall, kFallSig, kWithheld };

// The class of ward row `r`: withheld when the ward table withholds its count
// or its change (the cells' own flags).
std::size_t class_of(const Table& w, std::size_t r, const std::string& p) {
  for (const char* column : {"count", "baseline_mean", "change_baseline_pct", "direction", "significant"})
    if (w.column_index(p + column) < w.columns.size() && published_cell(w, r, p + column).withheld) return kWithheld;
  const std::string direction = published_text(w, r, p + "direction");
  const bool significant = published_text(w, r, p + "significant") == "true";
  if (direction == "rise") return significant ? kRiseSig : kRise;
  if (direction == "fall") return significant ? kFallSig : kFall;
  return kSame;
}

}  // namespace

ChangeMap ward_change_map(const RunInputs& run, const Table& w, const Theme& theme, double max_width,
                          double max_height) {
  ChangeMap out;
  const WardSet& wards = *run.ward_set;
  SvgMap map(run.geos, wards.extent(), max_width, max_height);
  const std::string p = theme.id + "_";
  bool shown[std::size(kClasses)] = {};
  // Each ward's row by its code (the ALL row last matches none).
  std::map<std::string, std::size_t> row_of;
  for (std::size_t r = 0; r + 1 < w.rows.size(); ++r) row_of[published_text(w, r, "ward_code")] = r;
  for (std::size_t i = 0; i < wards.size() && i < run.wards.wards.size(); ++i) {
    const auto row = row_of.find(run.wards.wards[i].code);
    const std::size_t c = row == row_of.end() ? std::size_t{kSame} : class_of(w, row->second, p);
    shown[c] = true;
    if (c == kWithheld) ++out.withheld;
    map.polygon(wards.geom(i), kClasses[c].style, kClasses[c].key,
                fmt::format("{}: {}", run.wards.wards[i].name, kClasses[c].legend));
  }
  const MapStyle line = ward_line_style();
  for (std::size_t r = 0; r < wards.size(); ++r) map.lines(wards.geom(r), line, "ward-line");
  map.finish(out.svg, theme.label + " ward change map");
  out.svg.first_child().attribute("class").set_value("map change-map");
  const pugi::xml_node legend = html::el(out.legend, "ul", {{"class", "legend change-legend"}});
  for (std::size_t c = 0; c < std::size(kClasses); ++c) {
    if (!shown[c]) continue;
    const pugi::xml_node li = html::el(legend, "li");
    legend_swatch(li, {kClasses[c].style}, kClasses[c].key);
    html::text(li, kClasses[c].legend);
  }
  return out;
}

}  // namespace hotspot
