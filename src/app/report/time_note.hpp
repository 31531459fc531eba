#pragma once
// The report's line on when incidents happen: the busiest hour of each theme
// that is not suppressed, how many had no time, and the windows in use; or,
// for police.uk inputs, that they have no time of day at all.
#include <pugixml.hpp>

#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"

namespace hotspot {

// Appended to `parent`; `time`: the time stage's result, absent for inputs without times.
void time_note(pugi::xml_node parent, const RunInputs& run, const TimeResult* time);

}  // namespace hotspot
