#pragma once
// What each stage produces: the typed results its compute function returns,
// its publish function writes, and later stages receive as arguments
// (app/stages/stages.hpp says who needs what). Values only: no files, no handles
// beyond the geometry they own.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/disclosure.hpp"
#include "analysis/emerging_classes.hpp"
#include "analysis/hotspot_classes.hpp"
#include "analysis/space_time.hpp"
#include "analysis/kde.hpp"
#include "analysis/risk_surface.hpp"
#include "analysis/time_profile.hpp"
#include "analysis/ward_stats.hpp"
#include "analysis/year_to_date.hpp"
#include "app/stages/pack_forecast.hpp"
#include "app/stages/target_summary.hpp"
#include "app/disclosure/surface_disclosure.hpp"
#include "app/disclosure/theme_protection.hpp"
#include "app/tables/ward_table.hpp"
#include "core/grid.hpp"
#include "core/period.hpp"
#include "geo/geos_handle.hpp"
#include "io/table.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {

// A layer of features with its attribute table: geometry in WGS84 as WKB, one
// per row. Unlike io's VectorLayer, a view, it owns its table and geometry, so a
// result can hold it.
struct FeatureLayer {
  std::string name;         // file stem: <name>.geojson
  std::string description;  // the layer abstract
  Table table{};
  std::vector<std::vector<unsigned char>> wkb{};
  OGRwkbGeometryType geometry_type = wkbMultiPolygon;

  VectorLayer view() const { return VectorLayer{name, description, &table, wkb, geometry_type}; }
};

// Ward statistics of the period (ward stage).
struct WardResult {
  WardStats stats;
  std::vector<WardSpatialStats> spatial;  // [theme]; empty when clusters are off or there are under 3 wards
  WardDisclosure disclosure;              // decided once: every output reads these cells
  Table layer_table;                      // wards.geojson's properties: one row per ward
  Table summary;                          // ward_summary.csv: the same with the ALL row, which the report reads
  bool all_population = false;            // rates per 1,000 residents, else per km2
  // Year to date and rolling 12 months: the periods, and per theme the area's
  // and each ward's comparisons against target as ward_summary.csv publishes
  // them (quote these, not the raw counts the ward table was built from).
  CumulativePeriods cumulative_periods;
  std::vector<ThemeTargets> targets;      // [theme]
};

// When incidents happen, for inputs with times (time stage).
struct TimeResult {
  std::vector<TimeProfile> profiles;  // [theme]
  Table table;                        // time_of_day.csv, which the report reads
};

// The busiest repeat locations of each theme as 100 m squares (repeat stage).
struct RepeatResult {
  Period lookback;                      // the 12 months ending with the period
  Table table;                          // repeat_locations.csv, which the report reads
  std::map<std::string, DisclosureTally> withheld;  // [theme id]: locations left out as too small
  Table hot_streets;                    // hot_streets.csv: every theme's rows, in theme order
  std::map<std::string, DisclosureTally> hot_streets_withheld;  // [theme id]: streets left out as too small
  bool by_street = false;               // streets (else 100 m squares: the inputs have no street column)
};

// A published KDE hotspot (widest class), kept for the venue planner, the
// forward plan and the report's maps.
struct HotspotShape {
  std::string id, label;
  GeomPtr geom{nullptr, GeomDeleter{nullptr}};  // analysis CRS
  int rank = 0;  // the number in its label and in the report's table
  bool numbered = true;  // numbered on the report's map (kde.numbered); the rest are drawn unnumbered
  std::size_t ward = 0;  // the ward holding most of it
  std::optional<SpaceTime> space_time;  // new, persistent, ... (emerging stage's cells); none without it
};

// One theme's density surface and hotspots (KDE stage).
struct KdeTheme {
  std::string theme;
  double bandwidth = 0;
  GridSpec spec;
  std::vector<HotspotClass> classes;
  int published = 0, withheld = 0, dropped = 0;  // hotspots; withheld as too small, dropped as fragments
  std::optional<ThemeForecast> forecast;  // coverage hotspots: the record (method, cut, backtest), without cells
  Grid surface;                           // the period's density as published (protected incidents as regions); the venue planner measures on it
  PublishedSurface published_surface;     // its cells written to kde_<theme>.tif, and what its protected incidents became
  ThemeProtection protection;             // the minimum its protected content needs, and whose
  std::string raster_description;
  std::vector<std::pair<std::string, std::string>> raster_metadata;
  FeatureLayer hotspot_layer;             // hotspots_<theme>; its table is the report's hotspot table
  std::vector<HotspotShape> hotspots;     // the widest class, in rank order
};

struct KdeResult {
  KdeParams params;                       // kernel and output (bandwidths are per theme)
  std::vector<KdeTheme> themes;           // [theme]
  std::vector<std::string> forecast_methods;  // of the backtest, by MethodSummary::method
  std::string backtest_unavailable;
  // hotspot_history.csv: each hotspot's space-time class, when the emerging stage ran.
  std::optional<Table> history;
};

// A ward high on risk per resident but not among those with the most incidents.
struct RiskPlace {
  std::string ward;
  double mean_risk = 0;  // over its cells with a ratio; 1 = the area's rate per resident
};

// One theme's risk surface (risk stage).
struct RiskTheme {
  std::string theme;
  RiskSurface surface;
  std::vector<RiskPlace> places;  // high on risk, not on count, highest first
};

struct RiskResult {
  double residents = 0;           // in the study area, spread over the resident surface
  std::vector<RiskTheme> themes;  // [theme]
};

// One theme's clusters and Gi* hot and cold spots (clusters stage).
struct ClusterTheme {
  std::string theme;
  int dbscan = 0, nnh1 = 0, nnh2 = 0, withheld = 0, hot = 0, cold = 0, dropped = 0;
  int shapes_withheld = 0;  // outlines of published clusters holding fewer than min_count incidents
  int not_drawn = 0;        // clusters ranked below clusters.max_drawn in their method
  double nnh_threshold = 0;
  FeatureLayer clusters;    // clusters_<theme>: DBSCAN and NNH outlines
  FeatureLayer gistar;      // gistar_<theme>: Gi* hot and cold spots
};

struct ClusterResult {
  std::vector<ClusterTheme> themes;  // [theme]
};

// One theme's emerging hot and cold spots (emerging stage).
struct EmergingTheme {
  std::string theme;
  std::array<int, kEmergingClassCount> published{}, withheld{};  // areas per class
  int dropped = 0;      // hot areas below kde.min_incidents over the window
  FeatureLayer layer;   // emerging_<theme>
};

// One theme's space-time class per Gi* cell, which the KDE stage reads to
// class its hotspots (the emerging stage runs first).
struct EmergingCells {
  GridSpec spec;                          // clusters.gistar_cell, aligned
  std::vector<EmergingClass> cls;         // per cell
  std::vector<std::uint16_t> recent_hot;  // per cell: significant hot months, bit k = k months before the last
};

struct EmergingResult {
  Period window;        // emerging.months ending with the period, from the first month with data
  std::vector<EmergingTheme> themes;  // [theme]
  std::vector<EmergingCells> cells;   // [theme]
};

// One roadshow plan (a theme, or a weighted mix): its candidates, the chosen
// programme and their catchments (venues stage).
struct VenuePlan {
  std::string id, label;
  std::vector<std::size_t> themes;
  Table table;                                      // venues_<id>.csv: the chosen venues in order
  std::vector<std::pair<std::size_t, int>> chosen;  // venue index, order
  FeatureLayer candidates;                          // venues_<id>: every candidate venue, with its reason
  FeatureLayer catchments;                          // venue_catchments_<id>: the chosen venues' circles
  std::string group;                                // its group in tasking.qgs
  std::size_t eligible = 0;
  double covered_share = 0;                         // of the plan's mass
};

struct VenueResult {
  std::vector<VenuePlan> plans;  // empty when no venue was accepted
};

// The roadshow's dated events (forward plan stage).
struct ForwardPlanResult {
  Table table;               // forward_plan.csv
  std::string calendar;      // forward_plan.ics
  std::size_t events = 0, dates = 0;
};

// Row-level points of the themes that ask for them (export_points), for the
// restricted folder only (points stage).
struct PointsResult {
  std::vector<FeatureLayer> layers;  // points_<theme>
};

// What the report reads besides the run's inputs: the results of the stages
// before it (report stage). Absent stages are null.
struct ReportSources {
  const WardResult& wards;
  const TimeResult* time = nullptr;
  const RepeatResult* repeats = nullptr;
  const KdeResult* kde = nullptr;
  const EmergingResult* emerging = nullptr;
  const VenueResult* venues = nullptr;
  const RiskResult* risk = nullptr;
  const ForwardPlanResult* forward_plan = nullptr;  // the roadshow's dated events, when a plan is configured

  // A theme's published hotspot table (hotspots_<theme>.geojson), or null without KDE.
  const Table* hotspot_table(std::size_t theme) const { return kde ? &kde->themes[theme].hotspot_layer.table : nullptr; }
  const std::vector<HotspotShape>& hotspots(std::size_t theme) const;
  const std::vector<VenuePlan>& plans() const;
};

// The report, and what its trend charts withheld (for the disclosure ledger).
struct ReportResult {
  std::string html;
  DisclosureLedger withheld;
};

// The period's count of a theme for the whole area as published: the ward
// table's ALL cell when the ward stage ran, else primary suppression alone.
std::string area_count_text(const WardResult* wards, const Theme& theme, std::uint64_t count);

}  // namespace hotspot
