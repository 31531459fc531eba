#pragma once
// `hotspot init`: a working, commented run file from a few answers and what
// the sniffer found in the ward layer and incident files. Composing the text
// is pure, so tests check it without touching files.
#include <string>
#include <vector>

#include "io/source_sniffer.hpp"

namespace hotspot {

struct InitAnswers {
  std::string area_name;                   // empty = taken from --where, else "My area"
  std::string wards_path;                  // as it should appear in the file (relative to it, or absolute)
  std::string wards_layer;                 // empty = first layer
  std::string wards_where;
  std::vector<std::string> incident_paths; // globs as they should appear in the file
  std::string period;                      // empty = the last month found in the incidents
  std::string output;                      // empty = out/<area slug> (init_output_folder)
  std::string population_csv;              // as written; empty = none
  std::string population_areas;            // small-area polygons, as written; empty = the CSV is by ward
};

// The area a run file written from `answers` names: --area, else the value in
// --where, else "My area".
std::string init_area_name(const InitAnswers& answers);

// The pack folder a run file names when --output is not given: out/<slug of
// the area>, e.g. out/havering, so two areas set up in one folder never write
// to the same pack.
std::string init_output_folder(const std::string& area_name);

// The TOML text of the run file. Every guess is written as an active line
// with a comment saying what it was guessed from.
std::string init_config_text(const InitAnswers& answers, const WardLayerGuess& wards, const IncidentGuess& incidents,
                             const PopulationGuess& population = {});

// A name for the area from an attribute filter such as "BOROUGH = 'Havering'"
// (the quoted value), or "" when there is none.
std::string area_name_from_filter(const std::string& where);

}  // namespace hotspot
