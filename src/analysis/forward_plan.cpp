#include "analysis/forward_plan.hpp"

#include <set>

namespace hotspot {

std::vector<PlannedEvent> plan_events(const ForwardPlanInput& in) {
  const std::size_t themes = in.theme_weight.size();
  const std::size_t venues = in.venue_ward.size();
  std::vector<double> total(themes, 0);
  std::vector<std::vector<char>> covered(themes);
  for (std::size_t t = 0; t < themes; ++t) {
    for (double m : in.mass[t]) total[t] += m;
    covered[t].assign(in.mass[t].size(), 0);
  }
  std::set<std::uint32_t> used_wards;
  std::vector<PlannedEvent> out;
  double spent = 0;
  for (std::size_t slot = 0; slot < in.events; ++slot) {
    if (in.budget > 0 && spent + in.cost_per_event > in.budget) break;
    PlannedEvent best;
    bool found = false;
    // Events x themes x venues x catchment: a partnership's handful of events,
    // themes and a few hundred venues; no lazy evaluation needed.
    for (std::size_t t = 0; t < themes; ++t) {
      if (in.theme_weight[t] <= 0 || total[t] <= 0) continue;
      for (std::size_t v = 0; v < venues; ++v) {
        if (used_wards.count(in.venue_ward[v])) continue;
        double gain = 0;
        for (std::uint32_t e : in.catchment[t][v])
          if (!covered[t][e]) gain += in.mass[t][e];
        if (gain <= 0 || gain < in.min_gain) continue;
        const double share = gain / total[t], score = in.theme_weight[t] * share;
        if (!found || score > best.score) {
          best = PlannedEvent{slot, t, v, gain, share, score};
          found = true;
        }
      }
    }
    if (!found) break;
    for (std::uint32_t e : in.catchment[best.theme][best.venue]) covered[best.theme][e] = 1;
    used_wards.insert(in.venue_ward[best.venue]);
    spent += in.cost_per_event;
    out.push_back(best);
  }
  return out;
}

}  // namespace hotspot
