#pragma once
// Residents per area (ward or small area) from a CSV keyed by the area's code.
#include <map>
#include <optional>
#include <string>

#include "analysis/age_bands.hpp"

namespace hotspot {

// What to read from the file, and the config keys that named it (for messages).
struct PopulationColumns {
  std::string code_column, value_column;
  std::optional<AgeRange> ages;  // instead of value_column: the age bands `<prefix>_<band>` weighted for it
  std::string prefix;            // e.g. "Persons"
  std::string code_key = "wards.population_csv_code", value_key = "wards.population_csv_value";
};

struct PopulationTable {
  std::map<std::string, double> by_code;
  std::string columns;  // what was read, in words: "Persons_All-Ages" or "ages 10-17: 6/16 of Persons_0-15, ..."
};

// Throws a bad-input Error naming the file, line and column for a missing
// column, a code seen twice, or a value that is not a finite number >= 0.
PopulationTable read_population_csv(const std::string& path, const PopulationColumns& what);

}  // namespace hotspot
