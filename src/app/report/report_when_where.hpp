#pragma once
// The report's "When and where it repeats" pages: per theme, the weekday by
// hour table of time_of_day.csv as a shaded grid, and the top repeat
// locations of repeat_locations.csv. Both are read back from the published
// tables (app/tables/published_cells.hpp), so they show "<5" and "[c]" where the
// files do and nothing disclosure control withheld.
#include <pugixml.hpp>

#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"

namespace hotspot {

inline constexpr std::size_t kReportedRepeatLocations = 5;
inline constexpr std::size_t kWhenWhereWithHours = 2;     // themes a page with their hour grids
inline constexpr std::size_t kWhenWhereWithoutHours = 6;  // themes a page, two abreast, without

// Appended to the page's `body`. `time` is absent for inputs without times,
// `repeats` when the stage did not run.
void when_where_pages(pugi::xml_node body, const RunInputs& run, const TimeResult* time, const RepeatResult* repeats);

}  // namespace hotspot
