#pragma once
// The report's line on when incidents happen: the busiest hour of each theme
// that is not suppressed, how many had no time, and the windows in use; or,
// for police.uk inputs, that they have no time of day at all.
#include <string>

#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"

namespace hotspot {

// `time`: the time stage's result, absent for inputs without times.
std::string time_note_html(const RunInputs& run, const TimeResult* time);

}  // namespace hotspot
