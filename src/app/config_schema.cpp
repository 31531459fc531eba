#include "app/config_schema.hpp"

#include <fmt/format.h>

namespace hotspot {

const std::vector<OptionSpec>& option_specs() {
  using V = ValueType;
  static const std::vector<OptionSpec> specs = {
      {"run", "area_name", V::String, "", "Name of the area, used in titles"},
      {"run", "period", V::String, "", "Period to report: 2017-04, 2017-Q2, FY2017 or 2017-01..2017-06", "--period"},
      {"run", "crs", V::String, "EPSG:27700", "Projected metric CRS the analysis runs in", "--crs"},
      {"run", "output", V::String, "out", "Output folder (relative paths: to the config file)", "--out"},
      {"run", "restricted_output", V::String, "<output>-restricted", "Folder for row-level files not to share (rejects.csv, exported points)"},
      {"run", "taxonomy", V::String, "", "Taxonomy: a shipped name (police-uk, force-extract) or a file mapping categories and flags to themes", "--taxonomy"},
      {"run", "significance", V::Number, "0.05", "Poisson exceedance probability below which a change is significant", {}, kFraction},
      {"run", "gpkg", V::Bool, "false", "Also write every vector layer into tasking.gpkg with its style", "--gpkg"},
      {"run", "themes", V::StringList, "all", "Themes to report, in order (default: every theme)"},
      {"run", "threads", V::Integer, "2", "Threads for the stages that split their work (results do not depend on it)", "--threads", Range{1, 64}},

      {"wards", "path", V::String, "", "Ward boundaries: any OGR vector source", "--wards"},
      {"wards", "layer", V::String, "first layer", "Layer name in the source"},
      {"wards", "where", V::String, "", "OGR attribute filter, e.g. BOROUGH = 'Havering'"},
      {"wards", "crs", V::String, "the layer's", "CRS of the boundaries when the file has none"},
      {"wards", "code_field", V::String, "code", "Field holding the ward code"},
      {"wards", "name_field", V::String, "name", "Field holding the ward name"},
      {"wards", "population_field", V::String, "", "Field holding the resident population"},
      {"wards", "population_csv", V::String, "", "CSV of population keyed by ward code"},
      {"wards", "population_csv_code", V::String, "code", "Ward-code column of population_csv"},
      {"wards", "population_csv_value", V::String, "population", "Population column of population_csv"},

      {"incidents", "name", V::String, "", "A name for this input in reports"},
      {"incidents", "format", V::String, "mapped_csv", "police_uk, mapped_csv or ogr"},
      {"incidents", "paths", V::StringList, "", "Files or globs (relative: to the config file)"},
      {"incidents", "layer", V::String, "first layer", "Layer name (format = ogr)"},
      {"incidents", "crs", V::String, "EPSG:4326 for police_uk", "CRS of the x/y columns"},
      {"incidents", "id", V::String, "", "Column with a unique incident id (duplicates are rejected)"},
      {"incidents", "date", V::String, "", "Column with the date or date-time"},
      {"incidents", "time", V::String, "", "Column with the time of day, when separate"},
      {"incidents", "date_to", V::String, "", "Column with the date-time an incident may have ended (from/to records): its time is spread over the span (aoristic)"},
      {"incidents", "midnight_unknown", V::Bool, "true", "Read a time of exactly 00:00 as unknown, as many extracts write it"},
      {"incidents", "datetime_format", V::String, "auto", "Date format: auto (ISO) or e.g. %d/%m/%Y %H:%M"},
      {"incidents", "x", V::String, "", "Column with easting or longitude"},
      {"incidents", "y", V::String, "", "Column with northing or latitude"},
      {"incidents", "category", V::String, "", "Column with the offence category"},
      {"incidents", "subcategory", V::String, "", "Column with the offence subcategory"},
      {"incidents", "weight", V::String, "", "Column with a weight per incident, e.g. a harm score"},
      {"incidents", "flags", V::Table, "", "Flag name = column, e.g. domestic_abuse = \"DA_Flag\""},

      {"themes", "label", V::String, "the id", "Name of the theme for people"},
      {"themes", "match", V::TableList, "", "Rules: { category = ..., subcategory = ..., flag = ... }"},
      {"themes", "proxy", V::Bool, "false", "The theme only approximates what its name says"},
      {"themes", "proxy_note", V::String, "", "Why it is a proxy; printed on every output"},
      {"themes", "target", V::Number, "none", "Target change against baseline, e.g. -0.10 for a 10% reduction", {}, Range{-1, 1}},
      {"themes", "rise_is_good", V::Bool, "false", "A rise is good news (e.g. hate-crime reporting)"},
      {"themes", "min_count", V::Integer, "5 for vawg, else 0", "Counts from 1 to min_count-1 are suppressed", {}, Range{0, 1000}},
      {"themes", "export_points", V::Bool, "false", "Allow incident points of this theme in outputs"},

      {"match", "category", V::StringList, "any", "Category or list of categories (wildcards * ?)"},
      {"match", "subcategory", V::StringList, "any", "Subcategory or list (wildcards * ?)"},
      {"match", "flag", V::String, "", "Flag that must be present"},

      {"kde", "enabled", V::Bool, "true", "Compute KDE surfaces and hotspot polygons in `run`"},
      {"kde", "cell", V::Number, "25", "Cell size in metres", "--cell", Range{0, 10000, true}},
      {"kde", "bandwidth", V::Number, "auto", "Bandwidth in metres (sigma for gaussian); auto = the default rule", "--bandwidth", kPositive},
      {"kde", "kernel", V::String, "quartic", "quartic, epanechnikov, triangular, uniform, triweight or gaussian", "--kernel"},
      {"kde", "output", V::String, "density", "density (incidents per km2, integrates to the count) or raw (QGIS raw)"},
      {"kde", "grid", V::String, "aligned", "aligned (edges on multiples of the cell, study area + bandwidth) or qgis"},
      {"kde", "classes", V::String, "coverage", "coverage (top forecast cells covering kde.coverage), sd (mean + 1, 2, 3 sd of this period's surface) or top_percent"},
      {"kde", "top_percent", V::NumberList, "[10, 5, 1]", "Percentages of study-area cells for classes = top_percent", {}, Range{0, 100, true, true}},
      {"kde", "gaussian_truncation", V::Number, "3", "Gaussian kernel cut-off in sigmas", {}, Range{0, 10, true}},
      {"kde", "min_area_m2", V::Number, "2500", "Hotspot fragments smaller than this are dropped", {}, Range{0, 1e12}},
      {"kde", "min_incidents", V::Integer, "3", "Hotspot fragments with fewer incidents are dropped", {}, kCount},
      {"kde", "memory_budget_mb", V::Number, "1024", "Hard limit in MB: a KDE or Gi* grid needing more is an error", {}, Range{0, 1e6, true}},

      {"kde", "forecast", V::String, "cells_l24_t12", "Hotspot forecast: a method id of `hotspot evaluate` (kde_h100_l12_t6, cells_l24_t12, ...) or backtest", "--forecast"},
      {"kde", "coverage", V::Number, "0.03", "Share of the study area the hotspots cover (top forecast cells)", "--coverage", Range{0, 0.5, true}},

      {"evaluate", "coverages", V::NumberList, "[0.01, 0.02, 0.03, 0.05, 0.1]", "Shares of the study area to measure at", {}, Range{0, 1, true}},
      {"evaluate", "cell", V::Number, "100", "Evaluation cell in metres (police.uk snaps locations: keep >= 100)", {}, Range{10, 5000}},
      {"evaluate", "bandwidths", V::NumberList, "[50, 100, 200, 300]", "KDE bandwidths to try, metres", {}, Range{0, 5000, true}},
      {"evaluate", "lookbacks", V::NumberList, "[1, 3, 6, 12, 24]", "Look-back lengths to try, months (longer than history_months: early targets see less)", {}, Range{1, 120}},
      {"evaluate", "half_lives", V::NumberList, "[0, 6, 12]", "Time-decay half-lives to try, months (0 = none)", {}, Range{0, 1200}},
      {"evaluate", "smoothings", V::NumberList, "[1, 0.5]", "Shares of each incident the kernel spreads (1 = plain KDE)", {}, Range{0, 1, true}},
      {"evaluate", "targets", V::String, "every month", "Target months to backtest, e.g. 2017-01..2017-06: one part of a split backtest (docs/scale.md)", "--targets"},
      {"evaluate", "history_months", V::Integer, "12", "Months of data before the first target month", {}, Range{1, 120}},

      {"clusters", "enabled", V::Bool, "true", "Compute clusters and Gi* in `run`"},
      {"clusters", "dbscan_eps", V::Number, "100", "DBSCAN reach in metres (d <= eps, as scikit-learn)", "--eps", Range{0, 100000, true}},
      {"clusters", "dbscan_min_points", V::Integer, "10", "DBSCAN core size, the point itself included", {}, Range{1, 1e6}},
      {"clusters", "nnh_p", V::Number, "0.05", "NNH one-tailed probability for the random-distance threshold", {}, Range{0, 0.5, true, true}},
      {"clusters", "nnh_distance", V::Number, "CSR bound", "NNH fixed threshold distance in metres", {}, Range{0, 100000, true}},
      {"clusters", "nnh_min_points", V::Integer, "10", "Smallest NNH first-order cluster", {}, Range{2, 1e6}},
      {"clusters", "nnh_second_order", V::Bool, "true", "Also cluster the first-order cluster centres"},
      {"clusters", "concave_ratio", V::Number, "0.3", "GEOS concave hull ratio (0 tight .. 1 convex)", {}, Range{0, 1}},
      {"clusters", "shape_cell", V::Number, "50", "Cluster outlines are built from cells of this side in metres (disclosure: vertices are cell corners)", {}, Range{0, 100000, true}},
      {"clusters", "gistar_cell", V::Number, "100", "Gi* grid cell in metres", {}, Range{0, 100000, true}},
      {"clusters", "gistar_band", V::Number, "cell * sqrt(2)", "Gi* distance band in metres (self included)", {}, Range{0, 100000, true}},
      {"clusters", "correction", V::String, "fdr", "Multiple-testing correction: fdr, bonferroni or none"},
      {"clusters", "ward_weights", V::String, "binary", "Ward Gi* weights: binary (ArcGIS) or row (standardised, GeoDa); Local Moran is always row-standardised"},
      {"clusters", "permutations", V::Integer, "999", "Local Moran permutations", {}, Range{99, 99999}},
      {"clusters", "seed", V::Integer, "12345", "Random seed for permutations (recorded in the manifest)"},
      {"clusters", "lisa_alpha", V::Number, "0.05", "Pseudo p-value below which a LISA quadrant is shown", {}, kFraction},

      {"emerging", "enabled", V::Bool, "true", "Space-time classes of the Gi* cells (new, persistent, intensifying, ...) in `run`"},
      {"emerging", "months", V::Integer, "24", "Trailing months of monthly Gi*, ending at the period's last month", {}, Range{3, 240}},
      {"emerging", "recent", V::Integer, "6", "Of those, the months the summary (emerging, persistent, former, intermittent) calls recent", {}, Range{1, 239}},
      {"emerging", "alpha", V::Number, "0.05", "Significance of a Gi* step (after clusters.correction) and of the Mann-Kendall trend", {}, Range{0, 0.5, true}},
      {"forward_plan", "dates", V::StringList, "", "Dated roadshow events, YYYY-MM-DD (or use months)"},
      {"forward_plan", "months", V::Integer, "0", "One event a month for this many months after the period", {}, Range{0, 36}},
      {"forward_plan", "weekday", V::String, "saturday", "Weekday of each monthly event"},
      {"forward_plan", "week", V::Integer, "2", "Week of the month of each monthly event (2 = the second Saturday)", {}, Range{1, 4}},
      {"forward_plan", "themes", V::StringList, "all", "Themes in play"},
      {"forward_plan", "budget", V::Number, "0", "Total budget; 0 = no limit", {}, Range{0, 1e12}},
      {"forward_plan", "cost_per_event", V::Number, "0", "Cost of one event, against the budget", {}, Range{0, 1e12}},
      {"forward_plan", "start", V::String, "10:00", "Local start time of each event (HH:MM), for the calendar"},
      {"forward_plan", "hours", V::Number, "4", "Length of each event in hours", {}, Range{0, 24, true}},
      {"forward_plan", "min_reach", V::Number, "5", "An event must newly reach at least this many incidents of its theme (look-back months, within programme.radius)", {}, Range{0, 1e9}},
      {"forward_plan", "rising_weight", V::Number, "2", "Weight of a theme rising significantly on its 12-month baseline", {}, Range{0, 100, true}},
      {"forward_plan", "persistent_weight", V::Number, "1.5", "Weight of a theme with persistent or intensifying hotspots", {}, Range{0, 100, true}},
      {"windows", "id", V::String, "", "Window id, snake_case (e.g. nte): theme <theme>_<id> is the theme's incidents in the window"},
      {"windows", "label", V::String, "the id", "Window name for people, e.g. night-time economy"},
      {"windows", "days", V::StringList, "", "Days the window starts on, e.g. [\"Fri\", \"Sat\"]"},
      {"windows", "start", V::String, "", "Start time HH:MM"},
      {"windows", "end", V::String, "", "End time HH:MM (at or before start: the next morning)"},
      {"windows", "themes", V::StringList, "all", "Themes the window filters"},
      {"run", "time_windows", V::Bool, "true", "Filter themes by the [[windows]] (default: night-time economy for violence, after school for ASB) when the inputs have times"},
      {"areas", "field", V::String, "", "One pack per value of this ward field (e.g. BOROUGH), from one read of the inputs (run only)", "--areas"},
      {"areas", "only", V::StringList, "every value", "Just these areas"},
      {"areas", "threads", V::Integer, "2", "Areas built at once", {}, Range{1, 64}},
      {"venues", "name", V::String, "", "A name for this list of candidate venues"},
      {"venues", "format", V::String, "csv", "csv or ogr"},
      {"venues", "paths", V::StringList, "", "Files or globs (relative: to the config file)"},
      {"venues", "layer", V::String, "first layer", "Layer name (format = ogr)"},
      {"venues", "crs", V::String, "EPSG:4326", "CRS of x/y (EPSG:27700 for easting/northing)"},
      {"venues", "x", V::String, "", "Column with longitude or easting (ogr: the geometry)"},
      {"venues", "y", V::String, "", "Column with latitude or northing"},
      {"venues", "id", V::String, "row number", "Column with a venue id"},
      {"venues", "name_field", V::String, "", "Column with the venue name"},
      {"venues", "type_field", V::String, "", "Column with the venue type"},
      {"venues", "type", V::String, "", "Type for every venue of this list, when there is no type column"},
      {"venues", "filter", V::Table, "", "Keep rows whose columns equal these values, e.g. { closed = \"\" }"},

      {"programme", "enabled", V::Bool, "true", "Plan venues in `run` when [[venues]] are given"},
      {"programme", "themes", V::StringList, "all", "Themes to plan a programme for"},
      {"programme", "mix", V::Table, "", "Also plan for a weighted mix, e.g. { asb = 1, violence = 0.5 }"},
      {"programme", "k", V::Integer, "5", "Venues in the programme", "--venues-k", Range{1, 1000}},
      {"programme", "radius", V::Number, "400", "Walking catchment radius in metres (straight line)", {}, Range{0, 100000, true}},
      {"programme", "min_spacing", V::Number, "1000", "Minimum distance between chosen venues in metres", {}, Range{0, 1e6}},
      {"programme", "one_per_ward", V::Bool, "false", "At most one chosen venue per ward"},
      {"programme", "include_types", V::StringList, "all", "Only these venue types"},
      {"programme", "exclude_types", V::StringList, "", "Never these venue types"},
      {"programme", "must_include", V::StringList, "", "Venue ids that must be in the programme"},
      {"programme", "measure", V::String, "incidents", "incidents (look-back window) or kde (surface mass)"},
      {"programme", "lookback_months", V::Integer, "3", "Months of incidents up to the period's end", {}, Range{1, 120}},

      {"report", "marking", V::String, "OFFICIAL", "Protective marking in the header and footer of every report page", "--marking"},
      {"report", "date", V::String, "day after period", "Production date printed on every page, YYYY-MM-DD (never the clock, so reruns are identical)", "--report-date"},

      {"context", "path", V::String, "", "Reference layer drawn under the report's maps: any OGR vector source"},
      {"context", "layer", V::String, "first layer", "Layer name in the source"},
      {"context", "crs", V::String, "the layer's", "CRS of the layer when the file has none"},
      {"context", "label_field", V::String, "", "Field whose text labels features (sparingly: one label per name)"},
      {"context", "kind", V::String, "roads", "How to draw it: roads, rail, water or area"},

      {"taxonomy", "name", V::String, "", "Name of the taxonomy"},
      {"taxonomy", "description", V::String, "", "What it is for"},
      {"taxonomy", "known_categories", V::StringList, "", "Every category the source uses; others count as unthemed"},
  };
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

std::string_view type_name(ValueType t) {
  switch (t) {
    case ValueType::String: return "a string";
    case ValueType::Number: return "a number";
    case ValueType::Integer: return "an integer";
    case ValueType::Bool: return "true or false";
    case ValueType::StringList: return "a string or a list of strings";
    case ValueType::NumberList: return "a list of numbers";
    case ValueType::Table: return "a table";
    case ValueType::TableList: return "a list of tables";
  }
  return "";
}

}  // namespace hotspot
