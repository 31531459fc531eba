#pragma once
// The stages of a run. Each is a compute function, which reads the run's
// inputs and the results of the stages it needs (its arguments say which) and
// returns a typed result (app/stages/stage_results.hpp) without writing a file, and
// a publish function, which writes that result into the pack, records its
// files, layers and withheld counts, and adds its manifest entry. Compute
// functions report progress and warnings through the sinks they are given.
#include <iosfwd>
#include <optional>

#include "app/stages/evaluation.hpp"
#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"

namespace hotspot {

// wards.geojson, ward_summary.csv
WardResult compute_wards(const RunInputs& run);
void publish_wards(RunContext& run, const WardResult& r, std::ostream& out);

// time_of_day.csv; nothing for inputs without times. Its hours sum to `wards`'s
// period counts, so its disclosure control reads what the ward table withheld.
std::optional<TimeResult> compute_time(const RunInputs& run, const WardResult& wards);
void publish_time(RunContext& run, const TimeResult& r, std::ostream& out);

// repeat_locations.csv
RepeatResult compute_repeats(const RunInputs& run);
void publish_repeats(RunContext& run, const RepeatResult& r, std::ostream& out);

// kde_<theme>.tif, hotspots_<theme>.geojson, hotspot_history.csv. `wards`,
// when the ward stage ran, gives the area totals as published, so hit rates
// withhold what it withheld; `emerging`, when it ran, the space-time class of
// each hotspot.
KdeResult compute_kde(const RunInputs& run, const WardResult* wards, const EmergingResult* emerging,
                      Progress& progress, Diagnostics& diag);
void publish_kde(RunContext& run, const KdeResult& r, std::ostream& out);

// risk_<theme>.tif: `kde`'s published surfaces over the residents' surface;
// nothing without small-area or ward populations, or with kde.risk off.
std::optional<RiskResult> compute_risk(const RunInputs& run, const KdeResult& kde);
void publish_risk(RunContext& run, const RiskResult& r, std::ostream& out);

// clusters_<theme>.geojson, gistar_<theme>.geojson
ClusterResult compute_clusters(const RunInputs& run, Progress& progress);
void publish_clusters(RunContext& run, const ClusterResult& r, std::ostream& out);

// emerging_<theme>.geojson, and the cells' classes for the KDE stage's
// hotspots; nothing when the inputs hold under 3 months.
std::optional<EmergingResult> compute_emerging(const RunInputs& run, Progress& progress, Diagnostics& diag);
void publish_emerging(RunContext& run, const EmergingResult& r, std::ostream& out);

// venues_<plan>.geojson/.csv, venue_catchments_<plan>.geojson; reach measured
// against `kde`'s surfaces and hotspots when given.
VenueResult compute_venues(const RunInputs& run, const KdeResult* kde, Diagnostics& diag);
void publish_venues(RunContext& run, const VenueResult& r, std::ostream& out);

// forward_plan.csv, forward_plan.ics; themes weighted up for a significant rise
// (`wards`) and for persistent hotspots (`kde`'s space-time classes). Nothing without venues.
std::optional<ForwardPlanResult> compute_forward_plan(const RunInputs& run, const WardResult* wards,
                                                      const KdeResult* kde, Diagnostics& diag);
void publish_forward_plan(RunContext& run, const ForwardPlanResult& r, std::ostream& out);

// evaluation.csv, evaluation_summary.csv, evaluation.html (hotspot evaluate)
EvaluationResult compute_evaluation(const RunInputs& run, Progress& progress);
void publish_evaluation(RunContext& run, const EvaluationResult& r, std::ostream& out);

// rejects.csv (raw rows) in the restricted folder, and rejects_summary.csv
// (counts by file and reason, no row content) in the pack
void publish_rejects(RunContext& run);

// points_<theme>.geojson in the restricted folder, only for themes that ask
PointsResult compute_points(const RunInputs& run);
void publish_points(RunContext& run, const PointsResult& r, std::ostream& out);

// report.html, from the stage results and the files published so far
ReportResult compute_report(const RunContext& run, const ReportSources& src);
void publish_report(RunContext& run, const ReportResult& r, std::ostream& out);

// <layer>.qml styles and tasking.qgs, from the layers the stages published
void pack_stage(RunContext& run, std::ostream& out);

}  // namespace hotspot
