#include "app/config_schema.hpp"

namespace hotspot {

const std::vector<OptionSpec>& option_specs() {
  using V = ValueType;
  static const std::vector<OptionSpec> specs = {
      {"run", "area_name", V::String, "", "Name of the area, used in titles"},
      {"run", "period", V::String, "", "Period to report: 2017-04, 2017-Q2, FY2017 or 2017-01..2017-06", "--period"},
      {"run", "crs", V::String, "EPSG:27700", "Projected metric CRS the analysis runs in", "--crs"},
      {"run", "output", V::String, "out", "Output folder (relative paths: to the config file)", "--out"},
      {"run", "taxonomy", V::String, "", "Taxonomy file mapping categories and flags to themes", "--taxonomy"},
      {"run", "significance", V::Number, "0.05", "Poisson exceedance probability below which a change is significant"},
      {"run", "themes", V::StringList, "all", "Themes to report, in order (default: every theme)"},

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
      {"themes", "target", V::Number, "none", "Target change against baseline, e.g. -0.10 for a 10% reduction"},
      {"themes", "rise_is_good", V::Bool, "false", "A rise is good news (e.g. hate-crime reporting)"},
      {"themes", "min_count", V::Integer, "5 for vawg, else 0", "Counts from 1 to min_count-1 are suppressed"},
      {"themes", "export_points", V::Bool, "false", "Allow incident points of this theme in outputs"},

      {"match", "category", V::StringList, "any", "Category or list of categories (wildcards * ?)"},
      {"match", "subcategory", V::StringList, "any", "Subcategory or list (wildcards * ?)"},
      {"match", "flag", V::String, "", "Flag that must be present"},

      {"kde", "enabled", V::Bool, "true", "Compute KDE surfaces and hotspot polygons in `run`"},
      {"kde", "cell", V::Number, "25", "Cell size in metres", "--cell"},
      {"kde", "bandwidth", V::Number, "auto", "Bandwidth in metres (sigma for gaussian); auto = the default rule", "--bandwidth"},
      {"kde", "kernel", V::String, "quartic", "quartic, epanechnikov, triangular, uniform, triweight or gaussian", "--kernel"},
      {"kde", "output", V::String, "density", "density (incidents per km2, integrates to the count) or raw (QGIS raw)"},
      {"kde", "grid", V::String, "aligned", "aligned (edges on multiples of the cell, study area + bandwidth) or qgis"},
      {"kde", "classes", V::String, "sd", "sd (mean + 1, 2, 3 sd of non-zero in-area cells) or top_percent"},
      {"kde", "top_percent", V::NumberList, "[10, 5, 1]", "Percentages of study-area cells for classes = top_percent"},
      {"kde", "gaussian_truncation", V::Number, "3", "Gaussian kernel cut-off in sigmas"},
      {"kde", "min_area_m2", V::Number, "2500", "Hotspot fragments smaller than this are dropped"},
      {"kde", "min_incidents", V::Integer, "3", "Hotspot fragments with fewer incidents are dropped"},
      {"kde", "memory_budget_mb", V::Number, "1024", "Warn when a surface grid needs more memory than this"},

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
