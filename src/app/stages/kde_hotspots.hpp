#pragma once
// The KDE stage's hotspots. Forecast (coverage) hotspots: exactly the
// forecast's drawing (analysis/hotspot_drawing.hpp, the rule `hotspot
// evaluate` scores), one polygon per drawn hotspot, nothing dropped, those
// disclosure control withholds left out (judged on the look-back's incidents),
// numbered by forecast, named by their busiest streets and by their track.
// Classes of the period's surface (sd, top_percent): for each class, the
// connected cells at or above its threshold as polygons clipped to the study
// area, fragments dropped, those disclosure control withholds left out, ranked.
#include <optional>
#include <vector>

#include "analysis/hotspot_classes.hpp"
#include "app/context/run_context.hpp"
#include "app/stages/pack_forecast.hpp"
#include "app/stages/stage_results.hpp"
#include "app/tables/hotspot_table.hpp"
#include "geo/ward_overlap.hpp"

namespace hotspot {

// The published hotspots of theme `t`, every class, ranked within each class.
// `grid`: the surface the classes cut (the forecast's when `fc` is given).
// `counts` gets how many were dropped as fragments and withheld as too small.
std::vector<Hotspot> draw_hotspots(const RunInputs& run, const WardOverlap& overlap, const Grid& grid,
                                   const std::vector<HotspotClass>& classes, std::size_t t, const ThemeForecast* fc,
                                   const std::vector<const Incident*>& incidents,
                                   const std::vector<const Incident*>& history, const std::vector<bool>& has_data,
                                   KdeTheme& counts);

}  // namespace hotspot
