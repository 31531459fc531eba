#pragma once
// The roadshow plan page: the forward plan's dated events (date and time,
// theme, venue, ward, reason), read back from forward_plan.csv as published,
// so it quotes no count the file does not.
#include <pugixml.hpp>

#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"

namespace hotspot {

void plan_pages(pugi::xml_node body, const RunInputs& run, const ForwardPlanResult& plan);

}  // namespace hotspot
