#pragma once
// Looks at a ward layer and at incident files the way an analyst would on a
// first run, and guesses how to read them: which ward field is the code and
// which the name, and whether the incidents are police.uk CSVs or a force
// extract (and which columns hold what). `hotspot init` writes its config
// from these guesses; every guess is reported so a wrong one is easy to fix.
#include <cstdint>
#include <string>
#include <vector>

namespace hotspot {

struct WardLayerGuess {
  std::string layer;         // the layer read (the first when none was named)
  std::string crs_name;      // the layer's CRS, as its name says; empty when it has none
  std::uint64_t features = 0;  // after the attribute filter
  std::string code_field;    // unique, non-empty on every feature; GSS-style codes preferred
  std::string name_field;    // unique text that is not a code
};

// Reads every feature that passes `where`. Throws bad_input naming the file
// when it cannot be opened, the filter is invalid or matches nothing, or no
// field qualifies as a code.
WardLayerGuess sniff_ward_layer(const std::string& path, const std::string& layer, const std::string& where);

// A population CSV (and, for small areas, their polygons): the code column
// (the one the polygons also have, else one named like a code), and the
// residents column (all ages when the table has age bands).
struct PopulationGuess {
  std::string code_column;   // empty: none found
  std::string value_column;  // empty: none found
  std::string areas_code;    // the polygons' field holding the same codes
  bool age_bands = false;    // columns such as Persons_0-15: population.ages can choose a range
};
// `areas` empty: the CSV is keyed by ward code. Throws bad_input naming the file it cannot read.
PopulationGuess sniff_population(const std::string& csv, const std::string& areas);

// Incident columns found in a CSV header; empty strings where none matched.
struct IncidentGuess {
  bool police_uk = false;    // the data.police.uk street-crime header
  std::string id, date, time, x, y, category, subcategory;
  std::vector<std::string> flag_columns;  // Y/N or 0/1 columns named like flags (da_flag, hate_flag, ...)
  std::string datetime_format;  // the first of auto, %d/%m/%Y %H:%M, ... that reads every sampled date; empty if none
  std::string crs;           // EPSG:4326 when x/y look like longitude/latitude, else EPSG:27700
  std::string first_month, last_month;  // YYYY-MM over the rows sampled
};

// Reads the header and up to `sample_rows` rows of each file. Throws bad_input
// when a file cannot be read or holds no header.
IncidentGuess sniff_incident_csvs(const std::vector<std::string>& files, std::size_t sample_rows = 2000);

}  // namespace hotspot
