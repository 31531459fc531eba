#pragma once
// Loads candidate venues: reads each venue file, reprojects, places each venue
// in a ward, and accounts for every row (accepted, filtered or rejected).
#include "app/context/run_context.hpp"

namespace hotspot {

void load_venues(RunContext& run);

}  // namespace hotspot
