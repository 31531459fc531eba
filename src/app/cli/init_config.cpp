#include "app/cli/init_config.hpp"

#include <cctype>
#include <fmt/format.h>

#include "app/run/areas.hpp"

namespace hotspot {
namespace {

// A TOML basic string: quotes and backslashes escaped, control characters as \uXXXX.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quoted(items[i]);
  return out + "]";
}

// `key = "value"` when the value is known, else a commented-out line saying what to fill in.
std::string column_line(const std::string& key, const std::string& column, const std::string& why) {
  if (column.empty()) return fmt::format("# {} = \"\"            # not found: name the column that holds {}\n", key, why);
  return fmt::format("{} = {}\n", key, quoted(column));
}

std::string incidents_table(const InitAnswers& a, const IncidentGuess& g) {
  std::string t = "[[incidents]]\n";
  if (g.police_uk) {
    t += "name = \"police.uk street crime\"\n";
    t += "format = \"police_uk\"             # found the data.police.uk header (WGS84, month only, no flags)\n";
    t += "paths = " + quoted_list(a.incident_paths) + "\n";
    return t;
  }
  t += "name = \"Force extract\"\n";
  t += "format = \"mapped_csv\"            # a CSV with its own column names, mapped below\n";
  t += "paths = " + quoted_list(a.incident_paths) + "\n";
  t += fmt::format("crs = {}             # guessed from the coordinate values\n", quoted(g.crs));
  t += column_line("id", g.id, "a unique incident reference (duplicates are then rejected)");
  t += column_line("date", g.date, "the date or date-time");
  if (!g.time.empty()) t += column_line("time", g.time, "the time of day");
  if (!g.datetime_format.empty() && g.datetime_format != "auto")
    t += fmt::format("datetime_format = {}\n", quoted(g.datetime_format));
  t += column_line("x", g.x, "the easting or longitude");
  t += column_line("y", g.y, "the northing or latitude");
  t += column_line("category", g.category, "the offence category (group)");
  t += column_line("subcategory", g.subcategory, "the offence");
  if (!g.flag_columns.empty()) {
    t += "# Flag columns (Y/N): the taxonomy's VAWG theme uses `domestic_abuse`; rename the keys to match.\n";
    t += "flags = { ";
    for (std::size_t i = 0; i < g.flag_columns.size(); ++i) {
      std::string key;
      for (char c : g.flag_columns[i]) key += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '_';
      if (key.find("da") == 0 || key.find("domestic") != std::string::npos) key = "domestic_abuse";
      else if (key.find("hate") != std::string::npos) key = "hate";
      t += fmt::format("{}{} = {}", i ? ", " : "", key, quoted(g.flag_columns[i]));
    }
    t += " }\n";
  }
  return t;
}

// [population]: the files given to init, or a commented example.
std::string population_table(const InitAnswers& a, const PopulationGuess& p) {
  if (a.population_csv.empty())
    return "# [population]                  # optional: residents for rates per 1,000 (hotspot init --population)\n"
           "# csv = \"population.csv\"; code = \"code\"; value = \"population\"\n\n";
  std::string t = "[population]                    # residents for rates per 1,000\n";
  t += fmt::format("csv = {}\n", quoted(a.population_csv));
  t += column_line("code", p.code_column, a.population_areas.empty() ? "the ward code" : "the small-area code");
  t += column_line("value", p.value_column, "the residents");
  if (p.age_bands) t += "# ages = \"10-17\"               # residents of an age range only, from the age-band columns\n";
  if (!a.population_areas.empty()) {
    t += fmt::format("areas = {}      # small areas, apportioned to the wards by area\n", quoted(a.population_areas));
    t += column_line("areas_code", p.areas_code, "the code population.csv is keyed by");
  }
  return t + "\n";
}

}  // namespace

std::string area_name_from_filter(const std::string& where) {
  const auto open = where.find('\'');
  if (open == std::string::npos) return {};
  const auto close = where.find('\'', open + 1);
  if (close == std::string::npos) return {};
  return where.substr(open + 1, close - open - 1);
}

std::string init_area_name(const InitAnswers& a) {
  std::string area = a.area_name.empty() ? area_name_from_filter(a.wards_where) : a.area_name;
  return area.empty() ? "My area" : area;
}

std::string init_output_folder(const std::string& area_name) { return "out/" + area_slug(area_name); }

std::string init_config_text(const InitAnswers& a, const WardLayerGuess& w, const IncidentGuess& g,
                             const PopulationGuess& p) {
  const std::string area = init_area_name(a);
  const std::string output = a.output.empty() ? init_output_folder(area) : a.output;
  const std::string period = a.period.empty() ? g.last_month : a.period;
  std::string t;
  t += "# hotspot run file written by `hotspot init`. Relative paths are relative to this file.\n";
  t += "# Check the guesses marked below, then: hotspot run THIS_FILE   (hotspot options lists every key)\n\n";
  t += "[run]\n";
  t += fmt::format("area_name = {}\n", quoted(area));
  if (period.empty())
    t += "# period = \"2025-01\"         # no dates could be read: set the month, quarter (2025-Q1) or FY2025\n";
  else
    t += fmt::format("period = {}             # the latest month in the incidents ({}..{}); also 2017-Q2, FY2017\n",
                     quoted(period), g.first_month, g.last_month);
  t += "crs = \"EPSG:27700\"           # British National Grid: the analysis runs in metres\n";
  t += fmt::format("output = {}{}\n", quoted(output),
                   a.output.empty() ? "   # the pack, named after the area: another area set up here gets its own" : "");
  t += fmt::format("taxonomy = {}       # shipped themes; or the path of your own taxonomy file\n\n",
                   quoted(g.police_uk ? "police-uk" : "force-extract"));
  t += "[wards]\n";
  t += fmt::format("path = {}\n", quoted(a.wards_path));
  if (!a.wards_layer.empty()) t += fmt::format("layer = {}\n", quoted(a.wards_layer));
  if (!a.wards_where.empty()) t += fmt::format("where = {}\n", quoted(a.wards_where));
  t += fmt::format("code_field = {}          # unique on all {} wards{}\n", quoted(w.code_field), w.features,
                   w.crs_name.empty() ? "; the layer has no CRS: set crs = \"EPSG:27700\" here" : "");
  t += fmt::format("name_field = {}\n", quoted(w.name_field));
  t += "\n";
  t += population_table(a, p);
  t += incidents_table(a, g);
  return t;
}

}  // namespace hotspot
