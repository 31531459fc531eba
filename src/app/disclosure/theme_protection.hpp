#pragma once
// Which protection each theme inherits from the themes it overlaps (issue 23,
// item 4): a theme whose incidents include a protected theme's (violence holds
// every VAWG incident of police.uk's taxonomy) could isolate those incidents
// in any output that shows it beside the theme's other parts, so it is
// protected as strictly as the strictest protected theme it contains.
#include <vector>

#include "core/incident.hpp"
#include "core/theme.hpp"

namespace hotspot {

// [theme]: the largest min_count among the themes with min_count > 1 that
// share an incident with it in `incidents` (itself included), or its own
// min_count when it shares none. Read from the run's incidents, so a theme
// that could hold a protected theme's incidents by its rules but holds none
// in the months read inherits nothing: there is nothing of them to isolate.
std::vector<int> theme_protection(const std::vector<Theme>& themes, const std::vector<Incident>& incidents);

}  // namespace hotspot
