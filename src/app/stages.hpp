#pragma once
// The analysis stages of a run. Each reads the shared RunContext, writes its
// files into the output folder, records them, and adds its manifest entry.
#include <iosfwd>

#include "app/run_context.hpp"

namespace hotspot {

void ward_stage(RunContext& run, std::ostream& out);    // wards.geojson, ward_summary.csv
void kde_stage(RunContext& run, std::ostream& out);     // kde_<theme>.tif, hotspots_<theme>.geojson
void cluster_stage(RunContext& run, std::ostream& out); // clusters_<theme>.geojson, gistar_<theme>.geojson
void emerging_stage(RunContext& run, std::ostream& out);  // emerging_<theme>.geojson, hotspot_history.csv
void forward_plan_stage(RunContext& run, std::ostream& out);  // forward_plan.csv, forward_plan.ics
void venue_stage(RunContext& run, std::ostream& out);   // venues_<plan>.geojson/.csv, venue_catchments_<plan>.geojson
void pack_stage(RunContext& run, std::ostream& out);    // <layer>.qml styles, tasking.qgs
void time_stage(RunContext& run, std::ostream& out);    // time_of_day.csv (inputs with times)
void repeat_stage(RunContext& run, std::ostream& out);  // repeat_locations.csv
void report_stage(RunContext& run, std::ostream& out);  // report.html
void evaluate_stage(RunContext& run, std::ostream& out);  // evaluation.csv, evaluation_summary.csv, evaluation.html
void points_stage(RunContext& run, std::ostream& out);  // points_<theme>.geojson, only where allowed

}  // namespace hotspot
