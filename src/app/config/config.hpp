#pragma once
// A run, as described by a TOML file plus command-line overrides. The member
// initialisers below are the options' defaults: `hotspot options` prints them
// from a default-constructed config (app/config/config_schema.cpp declares each
// option once and binds it to its member here).
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/config/config_choices.hpp"
#include "core/period.hpp"
#include "core/time_window.hpp"
#include "core/taxonomy.hpp"
#include "io/incident_reader.hpp"
#include "io/venue_reader.hpp"
#include "io/ward_reader.hpp"

namespace hotspot {

// [population]: residents for rates per 1,000, from a CSV keyed by ward code,
// or keyed by small areas (LSOAs, output areas, census blocks) whose polygons
// `areas` gives, apportioned to the wards by area (geo/apportion.hpp).
struct PopulationSource {
  std::string path;  // the CSV; empty = none
  std::string code_column = "code";
  std::string value_column = "population";
  std::string ages;                // "10-17": residents of those ages from the age-band columns, not value_column
  std::string sex = "Persons";     // the age-band columns' prefix before '_' ("Persons_0-15", "Females_16-29")
  WardSource areas = small_areas();  // path empty: the CSV's codes are ward codes
  double nest_tolerance = 0.02;    // a small area all but this share inside one ward is nested in it
  double min_residents = 1000;     // a ward with fewer residents gets no rate (a rate from a few is not a rate)

  static WardSource small_areas() {
    return WardSource{.code_field = "LSOA11CD",
                      .name_field = "",
                      .table = "population",
                      .noun = "small area",
                      .path_key = "areas",
                      .code_key = "areas_code"};
  }
};

// [kde]: kernel density surfaces and hotspot polygons.
struct KdeConfig {
  bool enabled = true;
  double cell = 25;                  // metres
  std::optional<double> bandwidth;   // metres; empty = default rule
  Kernel kernel = Kernel::Quartic;
  KdeOutput output = KdeOutput::Density;
  KdeGrid grid = KdeGrid::Aligned;
  HotspotClasses classes = HotspotClasses::Coverage;
  std::vector<double> top_percent = {10, 5, 1};
  double gaussian_truncation = 3;
  double min_area_m2 = 2500;         // classes sd / top_percent: smaller fragments are dropped
  int min_incidents = 3;             // classes sd / top_percent: fragments with fewer incidents are dropped
  double memory_budget_mb = 1024;
  // Protected incidents (of a theme with min_count > 1, or inherited from one
  // it can contain) are drawn from regions of squares of this side holding at
  // least min_count each, never from their points (app/disclosure/theme_protection.hpp).
  double disclosure_square = 100;    // metres
  // The risk surface (risk_<theme>.tif) when the run has populations; nodata
  // where the residents' density is under risk_min_residents per km2.
  bool risk = true;
  double risk_min_residents = 1000;
  // Spread a region over its occupied squares only (a sharper map, but it says
  // which squares hold protected incidents): see README, Geometry disclosure.
  bool disclosure_occupied = false;
  // classes = "coverage": the hotspots are the top cells of a forecast for the
  // coming month (analysis/forecast.hpp), covering a fixed share of the area.
  std::string forecast = "cells_l24_t12";  // a method id, or kBacktest: the best per theme over the last 12 months
  double coverage = 0.03;                  // share of the study area the hotspots cover
  // How the forecast's top squares are drawn (analysis/hotspot_drawing.hpp), the
  // same in the pack and in `hotspot evaluate`: drawn squares at most `join`
  // squares apart are one hotspot; with max_hotspots > 0 the cut is raised
  // (less area) until there are at most that many. Nothing is dropped.
  int join = 3;
  int max_hotspots = 0;
  int numbered = 10;                       // hotspots numbered on the map and in the report's table; the rest drawn unnumbered

  // forecast is free text (any method id), so this one word is not an enum.
  static constexpr const char* kBacktest = "backtest";
  bool forecast_by_backtest() const { return forecast == kBacktest; }
};

// [evaluate]: the rolling-origin backtest of `hotspot evaluate`.
struct EvaluateConfig {
  std::vector<double> coverages = {0.01, 0.02, 0.03, 0.05, 0.10};
  double cell = 100;                 // metres: police.uk snaps to map points, so finer cells mostly measure the snapping
  std::vector<double> bandwidths = {50, 100, 200, 300};
  std::vector<int> lookbacks = {1, 3, 6, 12, 24};
  std::vector<double> half_lives = {0, 6, 12};
  std::vector<double> smoothings = {1, 0.5};  // 1 = plain KDE; less keeps part of each incident in its cell
  int history_months = 12;           // months of data before the first target month (look-backs may be longer)
  std::optional<Period> targets;     // target months to backtest; none: every month the data allow
};

// [clusters]: DBSCAN, NNH, Gi* on a grid, and Gi*/Local Moran on wards.
struct ClusterConfig {
  bool enabled = true;
  double dbscan_eps = 100;             // metres, d <= eps counts as in reach
  int dbscan_min_points = 10;          // the point itself included
  double nnh_p = 0.05;                 // one-tailed probability for the CSR threshold
  std::optional<double> nnh_distance;  // fixed threshold, metres
  int nnh_min_points = 10;
  bool nnh_second_order = true;
  double concave_ratio = 0.3;
  int max_drawn = 100;                 // the largest clusters of each method drawn; 0 = all
  double shape_cell = 50;              // outlines are unions/hulls of these cells, never of incidents
  double gistar_cell = 100;
  std::optional<double> gistar_band;   // default cell * sqrt(2): the 8 surrounding cells
  Correction correction = Correction::FalseDiscoveryRate;
  WardWeights ward_weights = WardWeights::Binary;  // ward Gi*: binary (ArcGIS) or row-standardised (GeoDa) queen weights
  int permutations = 999;
  std::int64_t seed = 12345;
  double lisa_alpha = 0.05;
};

// [emerging]: space-time classes of the Gi* cells over the trailing months
// (analysis/emerging_grid.hpp), on the Gi* grid of [clusters].
struct EmergingConfig {
  bool enabled = true;
  int months = 24;        // the trailing window, ending at the period's last month (fewer if the data start later)
  int recent = 6;         // of those, the months sfhotspot's summary calls recent
  double alpha = 0.05;    // a significant Gi* step (after correction) and a significant trend
};

// [programme]: choosing roadshow venues near a theme's hotspots.
struct ProgrammeConfig {
  bool enabled = true;                    // runs in `run` when [[venues]] are given
  std::vector<std::string> themes;        // empty = every theme
  std::vector<std::pair<std::string, double>> mix;  // optional weighted mix of themes
  int k = 5;
  double radius = 400;                    // metres, about a five-minute walk
  double min_spacing = 1000;
  bool one_per_ward = false;
  std::vector<std::string> include_types, exclude_types, must_include;
  VenueMeasure measure = VenueMeasure::Incidents;
  int lookback_months = 3;
};

// [forward_plan]: dated roadshow events, each given a theme and a venue
// (analysis/forward_plan.hpp). On when dates are listed or months > 0, and
// [[venues]] are given.
struct ForwardPlanConfig {
  std::vector<std::string> dates;   // "YYYY-MM-DD", in any order (sorted)
  int months = 0;                   // or one event a month for the months after the period...
  Weekday weekday = Weekday::Saturday;  // ...on this weekday...
  int week = 2;                     // ...of this week of the month (1 to 4)
  std::vector<std::string> themes;  // empty = every theme
  double budget = 0;                // 0 = no limit
  double cost_per_event = 0;
  std::string start = "10:00";      // local time, for the calendar
  double hours = 4;
  double min_reach = 5;             // an event must newly reach at least this many of its theme's incidents
  double rising_weight = 2;         // a theme rising significantly on its baseline
  double persistent_weight = 1.5;   // a theme with persistent or intensifying hotspots

  bool enabled() const { return !dates.empty() || months > 0; }
};

// [areas]: one pack per area from one read of the inputs (hotspot run --areas).
struct AreasConfig {
  std::string field;               // ward attribute whose values are the areas, e.g. "BOROUGH"; empty = one area
  std::vector<std::string> only;   // just these values (default: every value among the wards)
  int threads = 2;                 // areas built at once
};

// [report]: how report.html is marked and dated on every printed page.
struct ReportConfig {
  std::string marking = "OFFICIAL";  // protective marking (Government Security Classifications)
  std::string date;                  // production date YYYY-MM-DD; the day after the period when not set
};

// [context]: an optional reference layer (roads, rail, water or areas) drawn
// under the data on the report's maps, so people can find their way. No tiles:
// the report stays offline.
struct ContextConfig {
  std::string path;         // empty = no context layer
  std::string layer;        // empty = first layer
  std::string crs;          // overrides the layer's CRS
  std::string label_field;  // empty = no labels
  ContextKind kind = ContextKind::Roads;
};

struct RunConfig {
  std::filesystem::path config_path;
  std::filesystem::path base_dir;  // relative paths resolve against this
  std::string area_name = "the area";
  Period period;
  std::string crs = "EPSG:27700";
  std::filesystem::path output = "out";     // the pack: only what may be shared (relative: to the config file)
  std::filesystem::path restricted_output;  // row-level files; default <output>-restricted
  std::string period_setting = "run.period";  // where the period was set, for messages: "--period" from the command line
  std::string taxonomy_path;
  std::string taxonomy_given;  // run.taxonomy as written (a shipped name or a path relative to the config)
  std::vector<std::string> theme_selection;  // run.themes as written: the themes to report, in order; empty = all
  double significance = 0.05;
  int year_start_month = kDefaultYearStartMonth;  // the financial year's first month: year to date counts from it
  bool gpkg = false;  // also write tasking.gpkg
  int threads = 2;    // for stages that split their work; outputs never depend on it
  WardSource wards;
  PopulationSource population;
  std::vector<IncidentSource> incidents;  // paths expanded to files once read
  Taxonomy taxonomy;                      // themes merged from taxonomy file and run file
  KdeConfig kde;
  EvaluateConfig evaluate;
  ClusterConfig clusters;
  EmergingConfig emerging;
  std::vector<VenueSource> venues;
  ProgrammeConfig programme;
  ForwardPlanConfig forward_plan;
  AreasConfig areas;
  // [[windows]] in use (core/time_window.hpp); their themes are in taxonomy.themes.
  std::vector<TimeWindow> windows;
  bool time_windows = true;       // run.time_windows: filter themes by the windows when the inputs have times
  bool inputs_have_times = true;  // false when every input is police.uk, which has no time of day
  ReportConfig report;
  ContextConfig context;
};

// An override from the command line: option (table.key) and its text.
struct Override {
  std::string table;
  std::string key;
  std::string value;
};

// What the command reading a run file asks of it.
struct LoadOptions {
  bool need_period = true;  // false for `evaluate`, which reads every month the inputs cover
  // A command other than `run` writes beside the pack, never into it: unless
  // --out names its folder, to <run.output>-<folder_suffix> (with its
  // row-level files in <that>-restricted, or <run.restricted_output>-<suffix>
  // when that is set). Empty for run and validate.
  std::string folder_suffix;
};

// Reads, checks and resolves the whole configuration. Every problem is a
// usage or bad-input Error naming the file and key (or the flag that set it).
RunConfig load_config(const std::filesystem::path& file, const std::vector<Override>& overrides,
                      const LoadOptions& options = {});

// Reads a taxonomy file on its own (themes, rules, known categories).
Taxonomy load_taxonomy(const std::filesystem::path& file);

// `path` as written relative to the config file's folder (portable across clones).
std::string display_path(const RunConfig& config, const std::string& path);

}  // namespace hotspot
