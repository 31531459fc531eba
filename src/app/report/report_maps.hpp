#pragma once
// The report's map of one theme (wards, the optional context layer,
// hotspots numbered as in the theme's table, chosen venues lettered V1, V2,
// ...) and its legend, whose swatches are drawn from the same styles.
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"
#include "io/context_reader.hpp"
#include "io/svg_map.hpp"

namespace hotspot {

// The context layer as read for the report's maps (empty = none).
struct MapContext {
  ContextKind kind = ContextKind::Roads;
  std::vector<ContextFeature> features;
};

// Reads [context] when set, cut to the wards' extent.
MapContext load_map_context(const RunInputs& run);

struct ReportMap {
  pugi::xml_document svg;     // the map: one <svg>
  pugi::xml_document legend;  // an HTML list: one swatch per kind of feature the map shows
  double width_mm = 0, height_mm = 0;  // on paper
};

// Fitted into at most max_width by max_height mm of paper.
ReportMap theme_map(const RunInputs& run, const ReportSources& src, std::size_t theme, const MapContext& context, double max_width,
                    double max_height);

// One class of feature a report map draws: its SVG class, its legend line and its style.
struct MapClass {
  const char* key;
  const char* legend;
  MapStyle style;
};

// A legend swatch (7 by 4.5 mm): `layers` drawn over one another as boxes, as
// a map draws them; `key` is the class of the map elements it stands for.
void legend_swatch(pugi::xml_node parent, const std::vector<MapStyle>& layers, const std::string& key);

// The ward boundary's style on every report map.
MapStyle ward_line_style();

// How many of a theme's hotspots the report numbers on its map and lists in
// its table: kde.numbered for forecast hotspots, 10 for the classes of sd and top_percent.
inline int reported_hotspots(const KdeConfig& k) { return k.classes == HotspotClasses::Coverage ? k.numbered : 10; }

}  // namespace hotspot
