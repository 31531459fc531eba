#pragma once
// The report's line on when incidents happen: the busiest hour of each theme
// that is not suppressed, how many had no time, and the windows in use; or,
// for police.uk inputs, that they have no time of day at all.
#include <string>

#include "app/run_context.hpp"

namespace hotspot {

std::string time_note_html(const RunContext& run);

}  // namespace hotspot
