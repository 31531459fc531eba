#pragma once
// `hotspot init`: sniffs the ward layer and the incident files named on the
// command line and writes a working, commented run file beside them.
#include <iosfwd>
#include <string>
#include <vector>

namespace hotspot {

struct InitOptions {
  std::string wards, layer, where;
  std::vector<std::string> incidents;  // files or globs, as typed
  std::string area, period;
  std::string output;                  // the pack folder, relative to the run file; empty: out/<area slug>
  std::string file = "hotspot.toml";   // the run file to write
  bool force = false;                  // overwrite an existing run file
  std::string population;              // residents CSV (by ward, or by small area with population_areas)
  std::string population_areas;        // small-area polygons
};

// Writes options.file and prints what was guessed. Throws usage/bad-input Errors.
void run_init(const InitOptions& options, std::ostream& out);

}  // namespace hotspot
