#pragma once
// Many areas in one command (hotspot run --areas FIELD): one pack per value of
// a ward field, from one read of the inputs. Each area is the run a
// single-area config would make (its ward filter narrowed to the area, its
// own folders under run.output and run.restricted_output), so its pack is
// the single-area pack. Areas are built on areas.threads threads, each with
// its own GEOS and PROJ contexts. An area whose value or data is bad fails
// alone, with its reason in the index; the others complete and are written,
// and the run then ends with a bad-input error naming the failed areas. The whole set appears at
// once: both top folders are staged and swapped in as a single run's are.
#include <iosfwd>
#include <string>
#include <vector>

#include "app/config/config.hpp"
#include "app/run/pipeline.hpp"

namespace hotspot {

// The values of areas.field among the wards (wards.where applies), sorted, or areas.only.
std::vector<std::string> area_values(const RunConfig& cfg);
// The values of areas.field among the wards (wards.where applies), sorted.
std::vector<std::string> ward_area_values(const RunConfig& cfg);
// Per value of `values`, why it cannot be built, or empty: a value of
// areas.only that no ward has, or a folder name (slug) an earlier value has.
// Such an area fails alone, as one with bad data does.
std::vector<std::string> area_problems(const RunConfig& cfg, const std::vector<std::string>& values);

// "Barking and Dagenham" -> "barking-and-dagenham".
std::string area_slug(const std::string& value);

// The single-area config of one area: wards.where narrowed to it, area_name,
// run.output/<slug> and run.restricted_output/<slug>.
RunConfig area_config(const RunConfig& cfg, const std::string& value);

// Builds every area, then index.html, index.json and manifest.json in run.output.
void run_areas(const RunConfig& cfg, const RunOptions& options, std::ostream& out);

}  // namespace hotspot
