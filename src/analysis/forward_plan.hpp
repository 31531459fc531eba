#pragma once
// A forward plan of dated roadshow events: each event gets one theme and one
// venue. Greedy, one event at a time in date order, taking the (theme, venue)
// pair with the highest
//   weight(theme) x (theme mass the venue reaches that no earlier event of the
//                    theme reached) / (the theme's total mass)
// so every theme competes on the share of its own incidents an event reaches
// (ASB's volume does not drown out hate crime), and rising or persistent
// themes count more through their weight. Constraints: a ward (district) is
// used at most once; an event must newly reach more than `min_gain`; the plan
// stops when the budget is spent or no pair qualifies. Ties go to the lower theme index, then the lower
// venue index, so the plan is reproducible.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hotspot {

struct ForwardPlanInput {
  std::size_t events = 0;                                  // dated slots to fill, in order
  std::vector<double> theme_weight;                        // per theme, > 0 to be planned
  std::vector<std::vector<double>> mass;                   // [theme][element]
  std::vector<std::vector<std::vector<std::uint32_t>>> catchment;  // [theme][venue] -> elements of that theme
  std::vector<std::uint32_t> venue_ward;                   // per venue: its ward or district
  double min_gain = 0;                                     // an event must newly reach more than this
  double cost_per_event = 0;
  double budget = 0;                                       // 0 = no limit
};

struct PlannedEvent {
  std::size_t slot = 0, theme = 0, venue = 0;
  double gain = 0;   // theme mass newly reached
  double share = 0;  // gain / the theme's total mass
  double score = 0;  // weight x share
};

std::vector<PlannedEvent> plan_events(const ForwardPlanInput& in);

}  // namespace hotspot
