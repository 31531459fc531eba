#pragma once
// Resident population per ward from a CSV keyed by ward code.
#include <map>
#include <string>

namespace hotspot {

// Returns code -> population. Throws a bad-input Error naming the file, line
// and column for a missing column or a value that is not a positive number.
std::map<std::string, double> read_population_csv(const std::string& path, const std::string& code_column,
                                                  const std::string& value_column);

}  // namespace hotspot
