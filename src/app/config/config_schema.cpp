#include "app/config/config_schema.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "app/config/option_checks.hpp"
#include "app/config/shipped_taxonomy.hpp"
#include "core/error.hpp"
#include "io/date_parser.hpp"

namespace hotspot {
namespace {

// One declaration while the list is built: the spec, plus what leaving the
// option out means when its member's default is empty.
struct Decl {
  OptionSpec spec;
  std::string_view unset;
  Decl& flag(std::string_view f) { spec.cli_flag = f; return *this; }
  Decl& range(Range r) { spec.range = r; return *this; }
  Decl& when_unset(std::string_view text) { unset = text; return *this; }
  Decl& path() { spec.is_path = true; return *this; }
  // A path, or one of these names (which the command line passes on as they are).
  Decl& path_or_name(std::vector<std::string> (*names)()) { spec.names = names; return path(); }
  Decl& required(std::string_view what_to_write) { spec.required = what_to_write; return *this; }
};

template <class T>
Decl opt(std::string_view table, std::string_view key, Binding<T> binding, std::string_view help) {
  Decl d;
  d.spec.table = table;
  d.spec.key = key;
  d.spec.type = binding.type;
  d.spec.choices = binding.choices;
  d.spec.help = std::string(help);
  d.spec.binding = std::move(binding);
  return d;
}

// A table inside `parent` (a file's top level, or another table): its own keys
// are the declarations whose table is `key`.
Decl table(std::string_view parent, std::string_view key, ValueType type, std::string_view help) {
  if (!is_table(type)) throw internal_error("config", fmt::format("{}.{} is declared a table but is not", parent, key));
  Decl d;
  d.spec.table = parent;
  d.spec.key = key;
  d.spec.type = type;
  d.spec.help = std::string(help);
  return d;
}

// A key that is for people reading the file (a taxonomy's name and
// description): declared, so it is checked and suggested like any other, and
// not used by the run.
template <class T>
Binding<T> for_readers() {
  return Binding<T>{ValueType::String, {}, [](T&, const OptionValue&) {}, [](const T&) { return OptionValue{}; }};
}

// "22:30" for minute 1350 of the day.
std::string clock_text(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

// A window's start or end: the text HH:MM, stored as the minute of the day.
Binding<TimeWindow> window_time(int TimeWindow::*m) {
  return setter<std::string, TimeWindow>(
      [m](TimeWindow& w, const std::string& text) {
        std::int16_t minute = -1;
        if (!parse_time_of_day(text, minute))
          throw usage_error("config", fmt::format("'{}' is not a time of day; write HH:MM, e.g. \"22:30\".", text));
        w.*m = minute;
      },
      [m](const TimeWindow& w) { return clock_text(w.*m); });
}

// A window's days: their names, stored as one flag per weekday.
Binding<TimeWindow> window_days() {
  return setter<std::vector<std::string>, TimeWindow>(
      [](TimeWindow& w, const std::vector<std::string>& names) {
        for (const std::string& d : names) {
          const int wd = parse_weekday(d);
          if (wd < 0)
            throw usage_error("config", fmt::format("'{}' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun.", d));
          w.days[static_cast<std::size_t>(wd)] = true;
        }
      },
      [](const TimeWindow& w) {
        std::vector<std::string> names;
        for (std::size_t d = 0; d < w.days.size(); ++d)
          if (w.days[d]) names.emplace_back(weekday_name(static_cast<int>(d)));
        return names;
      });
}

// The default text: the bound member's value in a default-constructed config,
// or, when that is empty, the declaration's words for leaving it out. A
// declaration may not give words for a member that has a value: the two could
// then disagree.
std::string default_text(const Decl& d) {
  const std::string value = std::visit(
      [](const auto& b) -> std::string {
        if constexpr (std::is_same_v<std::decay_t<decltype(b)>, std::monostate>) {
          return "";
        } else {
          typename std::decay_t<decltype(b)>::Target fresh;  // once per option, when the list is built
          return option_value_text(b.get(fresh));
        }
      },
      d.spec.binding);
  if (!d.spec.required.empty()) return "required";
  if (value.empty()) return std::string(d.unset);
  if (!d.unset.empty())
    throw internal_error("config", fmt::format("option {}.{} defaults to '{}' but its declaration says '{}'",
                                               d.spec.table, d.spec.key, value, d.unset));
  return value;
}

// The declarations, in the order `hotspot options` lists them: each table,
// then its keys. One long list on purpose: it is the one place an option is declared.
std::vector<Decl> declarations() {
  using V = ValueType;
  using R = RunConfig;
  using I = IncidentSource;
  using S = VenueSource;
  using Th = Theme;
  using W = TimeWindow;
  const auto themes_of_run = [](const R& cfg, std::vector<std::string>& ids) { check_theme_ids(cfg, ids); };
  return {
      table(kRunFile, "run", V::Table, "The area, the period and where the pack goes"),
      opt("run", "area_name", member(&R::area_name), "Name of the area, used in titles"),
      opt("run", "period", setter<std::string, R>([](R& c, const std::string& p) {
                                                    if (!p.empty()) c.period = parse_period(p);
                                                  },
                                                  [](const R& c) { return c.period.label; }),
          "Period to report: 2017-04, 2017-Q2, FY2017 or 2017-01..2017-06").flag("--period"),
      opt("run", "crs", member(&R::crs), "Projected metric CRS the analysis runs in").flag("--crs"),
      opt("run", "output", member(&R::output), "Output folder (relative paths: to the config file)").flag("--out").path(),
      opt("run", "restricted_output", member(&R::restricted_output),
          "Folder for row-level files not to share (rejects.csv, exported points)").when_unset("<output>-restricted").path(),
      opt("run", "taxonomy", member(&R::taxonomy_given),
          "Taxonomy: a shipped name (police-uk, force-extract) or a file mapping categories and flags to themes")
          .flag("--taxonomy").path_or_name(shipped_taxonomy_names),
      opt("run", "significance", member(&R::significance),
          "Poisson exceedance probability below which a change is significant").range(kFraction),
      opt("run", "year_start_month", member(&R::year_start_month),
          "First month of the financial year (1-12): year to date counts from it").range(Range{1, 12}),
      opt("run", "gpkg", member(&R::gpkg), "Also write every vector layer into tasking.gpkg with its style").flag("--gpkg"),
      opt("run", "themes", member(&R::theme_selection), "Themes to report, in order (default: every theme)")
          .when_unset("all"),
      opt("run", "threads", member(&R::threads),
          "Threads for the stages that split their work (results do not depend on it)").flag("--threads").range(Range{1, 64}),

      table(kRunFile, "wards", V::Table, "The ward boundaries and their populations"),
      opt("wards", "path", member(&R::wards, &WardSource::path), "Ward boundaries: any OGR vector source").flag("--wards").path()
          .required("set wards.path to the ward boundaries"),
      opt("wards", "layer", member(&R::wards, &WardSource::layer), "Layer name in the source").when_unset("first layer"),
      opt("wards", "where", member(&R::wards, &WardSource::where), "OGR attribute filter, e.g. BOROUGH = 'Havering'"),
      opt("wards", "crs", member(&R::wards, &WardSource::crs), "CRS of the boundaries when the file has none")
          .when_unset("the layer's"),
      opt("wards", "code_field", member(&R::wards, &WardSource::code_field), "Field holding the ward code"),
      opt("wards", "name_field", member(&R::wards, &WardSource::name_field), "Field holding the ward name"),
      opt("wards", "population_field", member(&R::wards, &WardSource::population_field),
          "Field holding the resident population"),
      opt("wards", "population_csv", member(&R::population, &PopulationSource::path),
          "CSV of population keyed by ward code (the same as population.csv)").path(),
      opt("wards", "population_csv_code", member(&R::population, &PopulationSource::code_column),
          "Ward-code column of population_csv (the same as population.code)"),
      opt("wards", "population_csv_value", member(&R::population, &PopulationSource::value_column),
          "Population column of population_csv (the same as population.value)"),

      table(kRunFile, "population", V::Table, "Residents, for rates per 1,000: by ward, or by small area apportioned to the wards"),
      opt("population", "csv", member(&R::population, &PopulationSource::path),
          "CSV of residents keyed by ward code, or by small-area code with population.areas").path(),
      opt("population", "code", member(&R::population, &PopulationSource::code_column), "Code column of population.csv"),
      opt("population", "value", member(&R::population, &PopulationSource::value_column),
          "Residents column of population.csv (e.g. Persons_All-Ages)"),
      opt("population", "ages", member(&R::population, &PopulationSource::ages, [](const R&, const std::string& a) { check_age_range(a); }),
          "Residents of these ages only, e.g. 10-17 or 16-29, from the age-band columns (<sex>_0-15, ...); a band cut "
          "by the range counts in proportion to its years").when_unset("all ages (population.value)"),
      opt("population", "sex", member(&R::population, &PopulationSource::sex),
          "Prefix of the age-band columns: Persons, Males or Females"),
      opt("population", "areas", setter<std::string, R>([](R& c, const std::string& p) { c.population.areas.path = p; },
                                                        [](const R& c) { return c.population.areas.path; }),
          "Small-area polygons (any OGR source: LSOAs, output areas, census blocks) the CSV's codes name; their "
          "residents are apportioned to the wards by area").path().when_unset("none: the codes are ward codes"),
      opt("population", "areas_layer", setter<std::string, R>([](R& c, const std::string& v) { c.population.areas.layer = v; },
                                                              [](const R& c) { return c.population.areas.layer; }),
          "Layer of population.areas").when_unset("first layer"),
      opt("population", "areas_code", setter<std::string, R>([](R& c, const std::string& v) { c.population.areas.code_field = v; },
                                                             [](const R& c) { return c.population.areas.code_field; }),
          "Field of population.areas holding the code population.csv is keyed by"),
      opt("population", "areas_crs", setter<std::string, R>([](R& c, const std::string& v) { c.population.areas.crs = v; },
                                                            [](const R& c) { return c.population.areas.crs; }),
          "CRS of population.areas when the file has none").when_unset("the layer's"),
      opt("population", "nest_tolerance", member(&R::population, &PopulationSource::nest_tolerance),
          "A small area with all but this share of its area in one ward is nested in it (absorbs boundary slivers)")
          .range(Range{0, 0.5}),
      opt("population", "min_residents", member(&R::population, &PopulationSource::min_residents),
          "Wards with fewer residents get no rate per 1,000 (shown as too few residents)").range(Range{0, 1e6}),

      table(kRunFile, "incidents", V::TableList, "An input of incidents; as many as needed, in any mix"),
      // format first: police_uk presets the columns the keys after it may change.
      opt("incidents", "format", setter<IncidentFormat, I>(
                                     [](I& s, IncidentFormat f) {
                                       if (f == IncidentFormat::PoliceUk) s = IncidentSource::police_uk();
                                       s.format = f;
                                     },
                                     [](const I& s) { return s.format; }),
          "police_uk, mapped_csv or ogr"),
      opt("incidents", "name", member(&I::name), "A name for this input in reports").when_unset("the format"),
      opt("incidents", "paths", member(&I::paths), "Files or globs (relative: to the config file)")
          .required("set paths = [\"...\"] to the incident files"),
      opt("incidents", "layer", member(&I::layer), "Layer name (format = ogr)").when_unset("first layer"),
      opt("incidents", "crs", member(&I::crs), "CRS of the x/y columns").when_unset("EPSG:4326 for police_uk"),
      opt("incidents", "id", member(&I::id), "Column with a unique incident id (duplicates are rejected)"),
      opt("incidents", "date", member(&I::date), "Column with the date or date-time"),
      opt("incidents", "time", member(&I::time), "Column with the time of day, when separate"),
      opt("incidents", "date_to", member(&I::date_to),
          "Column with the date-time an incident may have ended (from/to records): its time is spread over the span (aoristic)"),
      opt("incidents", "midnight_unknown", member(&I::midnight_unknown),
          "Read a time of exactly 00:00 as unknown, as many extracts write it"),
      opt("incidents", "datetime_format", member(&I::datetime_format), "Date format: auto (ISO) or e.g. %d/%m/%Y %H:%M"),
      opt("incidents", "x", member(&I::x), "Column with easting or longitude"),
      opt("incidents", "y", member(&I::y), "Column with northing or latitude"),
      opt("incidents", "category", member(&I::category), "Column with the offence category"),
      opt("incidents", "subcategory", member(&I::subcategory), "Column with the offence subcategory"),
      opt("incidents", "weight", member(&I::weight), "Column with a weight per incident, e.g. a harm score"),
      opt("incidents", "street", member(&I::street),
          "Column with the street, block or address, naming hotspots and hot streets (police_uk: Location)"),
      opt("incidents", "flags", member(&I::flags), "Flag name = column, e.g. domestic_abuse = \"DA_Flag\""),

      table(kRunFile, "themes", V::NamedTables,
            "A theme of its own, or changes to the taxonomy's theme of that id"),
      opt("themes", "label", member(&Th::label), "Name of the theme for people").when_unset("the id"),
      table("themes", "match", V::TableList, "Rules: { category = ..., subcategory = ..., flag = ... }; any one puts an "
                                             "incident in the theme"),
      opt("themes", "proxy", member(&Th::proxy), "The theme only approximates what its name says"),
      opt("themes", "proxy_note", member(&Th::proxy_note), "Why it is a proxy; printed on every output"),
      opt("themes", "target", member(&Th::target), "Target change against baseline, e.g. -0.10 for a 10% reduction")
          .range(Range{-1, 1}).when_unset("none"),
      opt("themes", "target_ytd", member(&Th::target_ytd),
          "Target change year to date against the same months a year earlier, e.g. -0.03 for a 3% reduction")
          .range(Range{-1, 1}).when_unset("none"),
      opt("themes", "target_rolling", member(&Th::target_rolling),
          "Target change over the last 12 months against the 12 before, e.g. -0.05 for a 5% reduction")
          .range(Range{-1, 1}).when_unset("none"),
      opt("themes", "rise_is_good", member(&Th::rise_is_good), "A rise is good news (e.g. hate-crime reporting)"),
      opt("themes", "min_count", member(&Th::min_count, [](const Th&, int m) { check_min_count(m); }),
          "Counts from 1 to min_count-1 are suppressed (a theme named vawg starts at 5)").range(Range{0, 1000}),
      opt("themes", "export_points", member(&Th::export_points), "Allow incident points of this theme in outputs"),

      opt("match", "category", member(&ThemeRule::categories), "Category or list of categories (wildcards * ?)")
          .when_unset("any"),
      opt("match", "subcategory", member(&ThemeRule::subcategories), "Subcategory or list (wildcards * ?)")
          .when_unset("any"),
      opt("match", "flag", member(&ThemeRule::flag), "Flag that must be present"),

      table(kRunFile, "kde", V::Table, "Hotspots: the forecast and the KDE surfaces"),
      opt("kde", "enabled", member(&R::kde, &KdeConfig::enabled), "Compute KDE surfaces and hotspot polygons in `run`"),
      opt("kde", "cell", member(&R::kde, &KdeConfig::cell), "Cell size in metres").flag("--cell").range(Range{0, 10000, true}),
      opt("kde", "bandwidth", member(&R::kde, &KdeConfig::bandwidth),
          "Bandwidth in metres (sigma for gaussian); auto = the default rule").flag("--bandwidth").range(kPositive)
          .when_unset("auto"),
      opt("kde", "kernel", member(&R::kde, &KdeConfig::kernel),
          "quartic, epanechnikov, triangular, uniform, triweight or gaussian").flag("--kernel"),
      opt("kde", "output", member(&R::kde, &KdeConfig::output),
          "density (incidents per km2, integrates to the count) or raw (QGIS raw)"),
      opt("kde", "grid", member(&R::kde, &KdeConfig::grid),
          "aligned (edges on multiples of the cell, study area + bandwidth) or qgis"),
      opt("kde", "classes", member(&R::kde, &KdeConfig::classes),
          "coverage (top forecast cells covering kde.coverage), sd (mean + 1, 2, 3 sd of this period's surface) or top_percent"),
      opt("kde", "top_percent",
          member(&R::kde, &KdeConfig::top_percent,
                 [](const R&, std::vector<double>& p) { std::sort(p.rbegin(), p.rend()); }),  // widest class first
          "Percentages of study-area cells for classes = top_percent").range(Range{0, 100, true, true}),
      opt("kde", "gaussian_truncation", member(&R::kde, &KdeConfig::gaussian_truncation), "Gaussian kernel cut-off in sigmas")
          .range(Range{0, 10, true}),
      opt("kde", "min_area_m2", member(&R::kde, &KdeConfig::min_area_m2),
          "classes sd / top_percent: hotspot fragments smaller than this are dropped (forecast hotspots never are)")
          .range(Range{0, 1e12}),
      opt("kde", "min_incidents", member(&R::kde, &KdeConfig::min_incidents),
          "classes sd / top_percent: hotspot fragments with fewer incidents are dropped (forecast hotspots never are)")
          .range(kCount),
      opt("kde", "risk", member(&R::kde, &KdeConfig::risk),
          "With [population]: a risk surface per theme (risk_<theme>.tif), incidents per resident against the area's rate"),
      opt("kde", "risk_min_residents", member(&R::kde, &KdeConfig::risk_min_residents),
          "Residents per km2 below which the risk surface is nodata (the ratio would be noise)").range(Range{1, 1e6}),
      opt("kde", "disclosure_square", member(&R::kde, &KdeConfig::disclosure_square),
          "Side in metres of the squares protected incidents are drawn from on a raster: no published surface places "
          "one more precisely").range(Range{1, 10000}),
      opt("kde", "disclosure_occupied", member(&R::kde, &KdeConfig::disclosure_occupied),
          "Spread protected regions over their occupied squares only: a sharper map that shows which squares hold "
          "protected incidents (with the ward table it can pin a square's count); default false"),
      opt("kde", "memory_budget_mb", member(&R::kde, &KdeConfig::memory_budget_mb),
          "Hard limit in MB: a KDE or Gi* grid needing more is an error").range(Range{0, 1e6, true}),

      opt("kde", "forecast",
          member(&R::kde, &KdeConfig::forecast, [](const R&, const std::string& f) { check_forecast(f); }),
          "Hotspot forecast: a method id of `hotspot evaluate` (kde_h100_l12_t6, cells_l24_t12, ...) or backtest")
          .flag("--forecast"),
      opt("kde", "coverage", member(&R::kde, &KdeConfig::coverage),
          "Share of the study area the hotspots cover (top forecast cells)").flag("--coverage").range(Range{0, 0.5, true}),
      opt("kde", "join", member(&R::kde, &KdeConfig::join),
          "Forecast squares at most this many squares apart (rows and columns) are one hotspot; 1 = touching")
          .range(Range{1, 20}),
      opt("kde", "max_hotspots", member(&R::kde, &KdeConfig::max_hotspots),
          "At most this many forecast hotspots: the cut is raised (less area), nothing is dropped; 0 = no cap")
          .range(Range{0, 10000}),
      opt("kde", "numbered", member(&R::kde, &KdeConfig::numbered),
          "Forecast hotspots numbered on the report's map and table (the rest are drawn unnumbered)")
          .range(Range{1, 99}),

      table(kRunFile, "evaluate", V::Table, "The backtest of `hotspot evaluate`"),
      opt("evaluate", "coverages",
          member(&R::evaluate, &EvaluateConfig::coverages, [](const R&, const std::vector<double>& v) { check_not_empty(v); }),
          "Shares of the study area to measure at").range(Range{0, 1, true}),
      opt("evaluate", "cell", member(&R::evaluate, &EvaluateConfig::cell),
          "Evaluation cell in metres (police.uk snaps locations: keep >= 100)").range(Range{10, 5000}),
      opt("evaluate", "bandwidths",
          member(&R::evaluate, &EvaluateConfig::bandwidths, [](const R&, const std::vector<double>& v) { check_not_empty(v); }),
          "KDE bandwidths to try, metres").range(Range{0, 5000, true}),
      opt("evaluate", "lookbacks",
          member(&R::evaluate, &EvaluateConfig::lookbacks, [](const R&, const std::vector<int>& v) { check_not_empty(v); }),
          "Look-back lengths to try, months (longer than history_months: early targets see less)").range(Range{1, 120}),
      opt("evaluate", "half_lives",
          member(&R::evaluate, &EvaluateConfig::half_lives, [](const R&, const std::vector<double>& v) { check_not_empty(v); }),
          "Time-decay half-lives to try, months (0 = none)").range(Range{0, 1200}),
      opt("evaluate", "smoothings", member(&R::evaluate, &EvaluateConfig::smoothings),
          "Shares of each incident the kernel spreads (1 = plain KDE)").range(Range{0, 1, true}),
      opt("evaluate", "targets",
          setter<std::string, R>([](R& c, const std::string& p) {
                                   if (!p.empty()) c.evaluate.targets = parse_period(p);
                                 },
                                 [](const R& c) { return c.evaluate.targets ? c.evaluate.targets->label : ""; }),
          "Target months to backtest, e.g. 2017-01..2017-06: one part of a split backtest (docs/scale.md)")
          .flag("--targets").when_unset("every month"),
      opt("evaluate", "history_months", member(&R::evaluate, &EvaluateConfig::history_months),
          "Months of data before the first target month").range(Range{1, 120}),

      table(kRunFile, "clusters", V::Table, "DBSCAN, NNH, Gi* and Local Moran"),
      opt("clusters", "enabled", member(&R::clusters, &ClusterConfig::enabled), "Compute clusters and Gi* in `run`"),
      opt("clusters", "dbscan_eps", member(&R::clusters, &ClusterConfig::dbscan_eps),
          "DBSCAN reach in metres (d <= eps, as scikit-learn)").flag("--eps").range(Range{0, 100000, true}),
      opt("clusters", "dbscan_min_points", member(&R::clusters, &ClusterConfig::dbscan_min_points),
          "DBSCAN core size, the point itself included").range(Range{1, 1e6}),
      opt("clusters", "nnh_p", member(&R::clusters, &ClusterConfig::nnh_p),
          "NNH one-tailed probability for the random-distance threshold").range(Range{0, 0.5, true, true}),
      opt("clusters", "nnh_distance", member(&R::clusters, &ClusterConfig::nnh_distance),
          "NNH fixed threshold distance in metres").range(Range{0, 100000, true}).when_unset("CSR bound"),
      opt("clusters", "nnh_min_points", member(&R::clusters, &ClusterConfig::nnh_min_points),
          "Smallest NNH first-order cluster").range(Range{2, 1e6}),
      opt("clusters", "nnh_second_order", member(&R::clusters, &ClusterConfig::nnh_second_order),
          "Also cluster the first-order cluster centres"),
      opt("clusters", "max_drawn", member(&R::clusters, &ClusterConfig::max_drawn),
          "The largest clusters of each method (DBSCAN, NNH, NNH 2nd-order) drawn; the manifest counts the rest; 0 = all")
          .range(kCount),
      opt("clusters", "concave_ratio", member(&R::clusters, &ClusterConfig::concave_ratio),
          "GEOS concave hull ratio (0 tight .. 1 convex)").range(Range{0, 1}),
      opt("clusters", "shape_cell", member(&R::clusters, &ClusterConfig::shape_cell),
          "Cluster outlines are built from cells of this side in metres (disclosure: vertices are cell corners)")
          .range(Range{0, 100000, true}),
      opt("clusters", "gistar_cell", member(&R::clusters, &ClusterConfig::gistar_cell), "Gi* grid cell in metres")
          .range(Range{0, 100000, true}),
      opt("clusters", "gistar_band", member(&R::clusters, &ClusterConfig::gistar_band),
          "Gi* distance band in metres (self included)").range(Range{0, 100000, true}).when_unset("cell * sqrt(2)"),
      opt("clusters", "correction", member(&R::clusters, &ClusterConfig::correction),
          "Multiple-testing correction: fdr, bonferroni or none"),
      opt("clusters", "ward_weights", member(&R::clusters, &ClusterConfig::ward_weights),
          "Ward Gi* weights: binary (ArcGIS) or row (standardised, GeoDa); Local Moran is always row-standardised"),
      opt("clusters", "permutations", member(&R::clusters, &ClusterConfig::permutations), "Local Moran permutations")
          .range(Range{99, 99999}),
      opt("clusters", "seed", member(&R::clusters, &ClusterConfig::seed),
          "Random seed for permutations (recorded in the manifest)"),
      opt("clusters", "lisa_alpha", member(&R::clusters, &ClusterConfig::lisa_alpha),
          "Pseudo p-value below which a LISA quadrant is shown").range(kFraction),

      table(kRunFile, "emerging", V::Table, "Emerging hot spots: space-time classes of the Gi* cells"),
      opt("emerging", "enabled", member(&R::emerging, &EmergingConfig::enabled),
          "Space-time classes of the Gi* cells (new, persistent, intensifying, ...) in `run`"),
      opt("emerging", "months", member(&R::emerging, &EmergingConfig::months),
          "Trailing months of monthly Gi*, ending at the period's last month").range(Range{3, 240}),
      opt("emerging", "recent", member(&R::emerging, &EmergingConfig::recent),
          "Of those, the months the summary (emerging, persistent, former, intermittent) calls recent").range(Range{1, 239}),
      opt("emerging", "alpha", member(&R::emerging, &EmergingConfig::alpha),
          "Significance of a Gi* step (after clusters.correction) and of the Mann-Kendall trend").range(Range{0, 0.5, true}),
      table(kRunFile, "forward_plan", V::Table, "Dated roadshow events, each with a theme and a venue"),
      opt("forward_plan", "dates",
          member(&R::forward_plan, &ForwardPlanConfig::dates,
                 [](const R&, std::vector<std::string>& dates) {
                   check_iso_dates(dates);
                   std::sort(dates.begin(), dates.end());
                   dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
                 }),
          "Dated roadshow events, YYYY-MM-DD (or use months)"),
      opt("forward_plan", "months", member(&R::forward_plan, &ForwardPlanConfig::months),
          "One event a month for this many months after the period").range(Range{0, 36}),
      opt("forward_plan", "weekday", member(&R::forward_plan, &ForwardPlanConfig::weekday), "Weekday of each monthly event"),
      opt("forward_plan", "week", member(&R::forward_plan, &ForwardPlanConfig::week),
          "Week of the month of each monthly event (2 = the second Saturday)").range(Range{1, 4}),
      opt("forward_plan", "themes", member(&R::forward_plan, &ForwardPlanConfig::themes, themes_of_run), "Themes in play")
          .when_unset("all"),
      opt("forward_plan", "budget", member(&R::forward_plan, &ForwardPlanConfig::budget), "Total budget; 0 = no limit")
          .range(Range{0, 1e12}),
      opt("forward_plan", "cost_per_event", member(&R::forward_plan, &ForwardPlanConfig::cost_per_event),
          "Cost of one event, against the budget").range(Range{0, 1e12}),
      opt("forward_plan", "start",
          member(&R::forward_plan, &ForwardPlanConfig::start, [](const R&, const std::string& t) { check_clock_time(t); }),
          "Local start time of each event (HH:MM), for the calendar"),
      opt("forward_plan", "hours", member(&R::forward_plan, &ForwardPlanConfig::hours), "Length of each event in hours")
          .range(Range{0, 24, true}),
      opt("forward_plan", "min_reach", member(&R::forward_plan, &ForwardPlanConfig::min_reach),
          "An event must newly reach at least this many incidents of its theme (look-back months, within programme.radius)")
          .range(Range{0, 1e9}),
      opt("forward_plan", "rising_weight", member(&R::forward_plan, &ForwardPlanConfig::rising_weight),
          "Weight of a theme rising significantly on its 12-month baseline").range(Range{0, 100, true}),
      opt("forward_plan", "persistent_weight", member(&R::forward_plan, &ForwardPlanConfig::persistent_weight),
          "Weight of a theme with persistent or intensifying hotspots").range(Range{0, 100, true}),
      table(kRunFile, "windows", V::TableList,
            "A time window (default: night-time economy for violence, after school for ASB)"),
      opt("windows", "id", member(&W::id, [](const W&, const std::string& id) { check_snake_case_id(id); }),
          "Window id, snake_case (e.g. nte): theme <theme>_<id> is the theme's incidents in the window")
          .required("give the window an id in snake_case, e.g. id = \"nte\""),
      opt("windows", "label", member(&W::label), "Window name for people, e.g. night-time economy").when_unset("the id"),
      opt("windows", "days", window_days(), "Days the window starts on, e.g. [\"Fri\", \"Sat\"]")
          .required("list the days the window starts on, e.g. days = [\"Fri\", \"Sat\"]"),
      opt("windows", "start", window_time(&W::start), "Start time HH:MM").required("set start, e.g. start = \"22:30\""),
      opt("windows", "end", window_time(&W::end), "End time HH:MM (at or before start: the next morning)")
          .required("set end, e.g. end = \"03:30\""),
      opt("windows", "themes", member(&W::themes), "Themes the window filters").when_unset("all"),
      opt("run", "time_windows", member(&R::time_windows),
          "Filter themes by the [[windows]] (default: night-time economy for violence, after school for ASB) when the inputs have times"),
      table(kRunFile, "areas", V::Table, "One pack per area from one read of the inputs"),
      opt("areas", "field", member(&R::areas, &AreasConfig::field),
          "One pack per value of this ward field (e.g. BOROUGH), from one read of the inputs (run only)").flag("--areas"),
      opt("areas", "only", member(&R::areas, &AreasConfig::only), "Just these areas").when_unset("every value"),
      opt("areas", "threads", member(&R::areas, &AreasConfig::threads), "Areas built at once").range(Range{1, 64}),
      table(kRunFile, "venues", V::TableList, "A list of candidate roadshow venues"),
      // format first: ogr clears the lon/lat CRS default (an OGR layer has its own).
      opt("venues", "format", setter<VenueFormat, S>(
                                  [](S& v, VenueFormat f) {
                                    v.ogr = f == VenueFormat::Ogr;
                                    if (v.ogr) v.crs.clear();
                                  },
                                  [](const S& v) { return v.ogr ? VenueFormat::Ogr : VenueFormat::Csv; }),
          "csv or ogr"),
      opt("venues", "name", member(&S::name), "A name for this list of candidate venues"),
      opt("venues", "paths", member(&S::paths), "Files or globs (relative: to the config file)")
          .required("set paths = [\"...\"] to the venue files"),
      opt("venues", "layer", member(&S::layer), "Layer name (format = ogr)").when_unset("first layer"),
      opt("venues", "crs", member(&S::crs), "CRS of x/y (EPSG:27700 for easting/northing)"),
      opt("venues", "x", member(&S::x), "Column with longitude or easting (ogr: the geometry)"),
      opt("venues", "y", member(&S::y), "Column with latitude or northing"),
      opt("venues", "id", member(&S::id), "Column with a venue id").when_unset("row number"),
      opt("venues", "name_field", member(&S::name_field), "Column with the venue name"),
      opt("venues", "type_field", member(&S::type_field), "Column with the venue type"),
      opt("venues", "type", member(&S::type), "Type for every venue of this list, when there is no type column"),
      opt("venues", "filter", member(&S::filter), "Keep rows whose columns equal these values, e.g. { closed = \"\" }"),

      table(kRunFile, "programme", V::Table, "The roadshow venue programme"),
      opt("programme", "enabled", member(&R::programme, &ProgrammeConfig::enabled),
          "Plan venues in `run` when [[venues]] are given"),
      opt("programme", "themes", member(&R::programme, &ProgrammeConfig::themes, themes_of_run),
          "Themes to plan a programme for").when_unset("all"),
      opt("programme", "mix",
          member(&R::programme, &ProgrammeConfig::mix,
                 [](const R& cfg, const NamedNumbers& mix) {
                   std::vector<std::string> ids;
                   for (const auto& [id, weight] : mix) ids.push_back(id);
                   check_theme_ids(cfg, ids);
                 }),
          "Also plan for a weighted mix of themes, e.g. { asb = 1, violence = 0.5 }").range(kPositive),
      opt("programme", "k", member(&R::programme, &ProgrammeConfig::k), "Venues in the programme").flag("--venues-k")
          .range(Range{1, 1000}),
      opt("programme", "radius", member(&R::programme, &ProgrammeConfig::radius),
          "Walking catchment radius in metres (straight line)").range(Range{0, 100000, true}),
      opt("programme", "min_spacing", member(&R::programme, &ProgrammeConfig::min_spacing),
          "Minimum distance between chosen venues in metres").range(Range{0, 1e6}),
      opt("programme", "one_per_ward", member(&R::programme, &ProgrammeConfig::one_per_ward),
          "At most one chosen venue per ward"),
      opt("programme", "include_types", member(&R::programme, &ProgrammeConfig::include_types), "Only these venue types")
          .when_unset("all"),
      opt("programme", "exclude_types", member(&R::programme, &ProgrammeConfig::exclude_types), "Never these venue types"),
      opt("programme", "must_include", member(&R::programme, &ProgrammeConfig::must_include),
          "Venue ids that must be in the programme"),
      opt("programme", "measure", member(&R::programme, &ProgrammeConfig::measure),
          "incidents (look-back window) or kde (surface mass)"),
      opt("programme", "lookback_months", member(&R::programme, &ProgrammeConfig::lookback_months),
          "Months of incidents up to the period's end").range(Range{1, 120}),

      table(kRunFile, "report", V::Table, "How report.html is marked and dated"),
      opt("report", "marking", member(&R::report, &ReportConfig::marking),
          "Protective marking in the header and footer of every report page").flag("--marking"),
      opt("report", "date",
          member(&R::report, &ReportConfig::date, [](const R&, const std::string& d) { check_iso_date(d); }),
          "Production date printed on every page, YYYY-MM-DD (never the clock, so reruns are identical)")
          .flag("--report-date").when_unset("day after period"),

      table(kRunFile, "context", V::Table, "A reference layer drawn under the report's maps"),
      opt("context", "path", member(&R::context, &ContextConfig::path),
          "Reference layer drawn under the report's maps: any OGR vector source").path(),
      opt("context", "layer", member(&R::context, &ContextConfig::layer), "Layer name in the source").when_unset("first layer"),
      opt("context", "crs", member(&R::context, &ContextConfig::crs), "CRS of the layer when the file has none")
          .when_unset("the layer's"),
      opt("context", "label_field", member(&R::context, &ContextConfig::label_field),
          "Field whose text labels features (sparingly: one label per name)"),
      opt("context", "kind", member(&R::context, &ContextConfig::kind), "How to draw it: roads, rail, water or area"),

      table(kTaxonomyFile, "taxonomy", V::Table, "What the taxonomy is and the categories its source uses"),
      table(kTaxonomyFile, "themes", V::NamedTables, "A theme, with the keys of a run file's themes"),
      opt("taxonomy", "name", for_readers<Taxonomy>(), "Name of the taxonomy"),
      opt("taxonomy", "description", for_readers<Taxonomy>(), "What it is for"),
      opt("taxonomy", "known_categories", member(&Taxonomy::known_categories),
          "Every category the source uses; others count as unthemed"),
  };
}

}  // namespace

const std::vector<OptionSpec>& option_specs() {
  static const std::vector<OptionSpec> specs = [] {
    std::vector<OptionSpec> out;
    for (Decl& d : declarations()) {
      d.spec.default_text = default_text(d);
      // Help that describes each choice (e.g. "density (...) or raw (...)") stands; otherwise the names are added.
      const bool names_all = std::all_of(d.spec.choices.begin(), d.spec.choices.end(), [&](const std::string& c) {
        return d.spec.help.find(c) != std::string::npos;
      });
      if (!names_all) d.spec.help = fmt::format("{}: {}", d.spec.help, fmt::join(d.spec.choices, ", "));
      out.push_back(std::move(d.spec));
    }
    return out;
  }();
  return specs;
}

std::vector<std::string> keys_of(std::string_view table) {
  std::vector<std::string> keys;
  for (const auto& s : option_specs())
    if (s.table == table) keys.emplace_back(s.key);
  return keys;
}

const OptionSpec* find_option(std::string_view table, std::string_view key) {
  for (const auto& s : option_specs())
    if (s.table == table && s.key == key) return &s;
  return nullptr;
}

namespace {

// { a = 1, b = 2 } as TOML writes a table inline; empty when there is none.
template <class Pairs>
std::string inline_table(const Pairs& pairs) {
  if (pairs.empty()) return "";
  std::vector<std::string> items;
  for (const auto& [name, value] : pairs) items.push_back(fmt::format("{} = {}", name, value));
  return fmt::format("{{ {} }}", fmt::join(items, ", "));
}

}  // namespace

std::string option_value_text(const OptionValue& v) {
  struct Text {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t i) const { return fmt::format("{}", i); }
    std::string operator()(double d) const { return fmt::format("{}", d); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const std::vector<std::string>& s) const { return fmt::format("{}", fmt::join(s, ", ")); }
    std::string operator()(const std::vector<double>& d) const {
      return d.empty() ? "" : fmt::format("[{}]", fmt::join(d, ", "));
    }
    std::string operator()(const NamedStrings& s) const { return inline_table(s); }
    std::string operator()(const NamedNumbers& n) const { return inline_table(n); }
  };
  return std::visit(Text{}, v);
}

std::string range_text(const Range& r) {
  const auto num = [](double v) { return fmt::format("{}", v); };  // 1000000, 0.5, not 1e+06
  const bool low = r.min > -1e300, high = r.max < 1e300;
  if (low && high && !r.min_open && !r.max_open) return fmt::format("from {} to {}", num(r.min), num(r.max));
  std::string out;
  if (low) out = r.min_open ? "greater than " + num(r.min) : "at least " + num(r.min);
  if (low && high) out += " and ";
  if (high) out += r.max_open ? "less than " + num(r.max) : "at most " + num(r.max);
  return out.empty() ? "a finite number" : out;
}

std::string type_name(const OptionSpec& spec) {
  switch (spec.type) {
    case ValueType::String: return "a string";
    case ValueType::Number: return "a number";
    case ValueType::Integer: return "an integer";
    case ValueType::Bool: return "true or false";
    case ValueType::StringList: return "a string or a list of strings";
    case ValueType::NumberList: return "a list of numbers";
    case ValueType::StringTable: return "a table of strings, e.g. { name = \"text\" }";
    case ValueType::NumberTable: return "a table of numbers, e.g. { name = 1 }";
    case ValueType::Table: return fmt::format("a [{}] table", spec.key);
    case ValueType::TableList:  // a file's [[incidents]]; inside a table, match = [{ ... }, { ... }]
      return spec.table == kRunFile ? fmt::format("[[{}]] tables", spec.key) : "a table or a list of tables";
    case ValueType::NamedTables: return fmt::format("[{}.<id>] tables", spec.key);
  }
  return "";
}

}  // namespace hotspot
