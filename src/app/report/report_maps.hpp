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
};

// Fitted into at most max_width by max_height mm of paper.
ReportMap theme_map(const RunInputs& run, const ReportSources& src, std::size_t theme, const MapContext& context, double max_width,
                    double max_height);

// How many of a theme's hotspots the report numbers on its map and lists in its table.
inline constexpr int kReportedHotspots = 10;

}  // namespace hotspot
