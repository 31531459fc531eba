#include "app/cli/init_command.hpp"

#include <glob.h>

#include <filesystem>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <ostream>

#include "app/cli/init_config.hpp"
#include "app/config/suggest.hpp"
#include "app/context/ward_filter_check.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/atomic_file.hpp"
#include "io/source_sniffer.hpp"

namespace hotspot {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> expand(const std::string& pattern) {
  glob_t g{};
  std::vector<std::string> out;
  if (::glob(pattern.c_str(), 0, nullptr, &g) == 0)
    for (std::size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
  ::globfree(&g);
  return out;
}

// `p` as the run file should hold it: relative to the run file's folder when
// the two share more than the root (so the folder can move as a whole), else absolute.
std::string as_written(const std::string& p, const fs::path& run_dir) {
  const fs::path abs = fs::absolute(p).lexically_normal();
  auto a = abs.begin(), d = run_dir.begin();
  int shared = 0;
  for (; a != abs.end() && d != run_dir.end() && *a == *d; ++a, ++d) ++shared;
  const fs::path rel = abs.lexically_relative(run_dir);
  return rel.empty() || shared <= 1 ? abs.string() : rel.string();
}

}  // namespace

void run_init(const InitOptions& o, std::ostream& out) {
  const fs::path file = fs::absolute(o.file).lexically_normal();
  std::error_code ec;
  if (fs::exists(file, ec) && !o.force)
    throw usage_error("init", fmt::format("{} already exists; pass --force to overwrite it, or --config to write "
                                          "another file.", file.string()));
  std::vector<std::string> files;
  for (const std::string& pattern : o.incidents) {
    const std::vector<std::string> found = expand(pattern);
    if (found.empty())
      throw bad_input("init", fmt::format("--incidents '{}' matches no file.{} Check the path (quote globs so the "
                                          "shell passes them on).", pattern, missing_path_hint(fs::absolute(pattern))));
    files.insert(files.end(), found.begin(), found.end());
  }
  if (!fs::exists(o.wards, ec) && o.wards.rfind("/vsi", 0) != 0)
    throw bad_input("init", fmt::format("--wards '{}' does not exist.{}", o.wards, missing_path_hint(fs::absolute(o.wards))));
  require_wards_match(o.wards, o.layer, o.where, "--where");
  const WardLayerGuess wards = sniff_ward_layer(o.wards, o.layer, o.where);
  const IncidentGuess incidents = sniff_incident_csvs(files);

  InitAnswers a;
  a.area_name = o.area;
  a.wards_path = as_written(o.wards, file.parent_path());
  a.wards_layer = o.layer;
  a.wards_where = o.where;
  for (const std::string& pattern : o.incidents) a.incident_paths.push_back(as_written(pattern, file.parent_path()));
  a.period = o.period;
  a.output = o.output;
  PopulationGuess population;
  if (!o.population.empty()) {
    population = sniff_population(o.population, o.population_areas);
    a.population_csv = as_written(o.population, file.parent_path());
    if (!o.population_areas.empty()) a.population_areas = as_written(o.population_areas, file.parent_path());
  } else if (!o.population_areas.empty()) {
    throw usage_error("init", "--population-areas needs --population, the residents of each small area.");
  }
  write_file_atomically(file, init_config_text(a, wards, incidents, population));

  fmt::print(out, "Wrote {}\n", printable(file.string()));
  // Layer and field names come from the ward file: shown as printable() shows input bytes.
  fmt::print(out, "  wards: {} features in layer '{}'; code field {}, name field {}\n", wards.features,
             printable(wards.layer), printable(wards.code_field), printable(wards.name_field));
  fmt::print(out, "  incidents: {} file(s), {}, months {}..{}\n", files.size(),
             incidents.police_uk ? "police.uk street crime" : "a force extract (columns mapped in the file)",
             incidents.first_month, incidents.last_month);
  const std::string output = o.output.empty() ? init_output_folder(init_area_name(a)) : o.output;
  fmt::print(out, "  pack: {} (relative to the run file)\n", printable(output));
  if (!o.population.empty())
    fmt::print(out, "  population: {} by {}, residents in {}{}\n", printable(o.population),
               population.code_column.empty() ? "(code column not found)" : population.code_column,
               population.value_column.empty() ? "(column not found)" : population.value_column,
               o.population_areas.empty() ? "" : ", apportioned from small areas to wards by area");
  fmt::print(out, "Check the guesses in the file, then: hotspot run {}\n", printable(file.string()));
}

}  // namespace hotspot
