#include "analysis/venue_reach.hpp"

#include <algorithm>

namespace hotspot {

PlanReach plan_reach(const std::vector<MassPoint>& mass, const std::vector<std::uint32_t>& incident_elements,
                     const std::vector<std::vector<std::uint32_t>>& catchment, const Programme& prog) {
  const std::size_t n = catchment.size();
  PlanReach r;
  r.reach.assign(n, 0);
  r.hot_reach.assign(n, 0);
  r.gain.assign(n, 0);
  r.reach_count.assign(n, 0);
  r.hot_count.assign(n, 0);
  r.gain_count.assign(n, 0);
  r.rank.assign(n, 0);
  r.chosen_order.assign(n, 0);
  std::vector<char> is_incident(mass.size(), 0);
  for (std::uint32_t e : incident_elements) is_incident[e] = 1;
  for (std::size_t c = 0; c < n; ++c)
    for (std::uint32_t e : catchment[c]) {
      r.reach[c] += mass[e].mass;
      if (mass[e].in_hotspot) r.hot_reach[c] += mass[e].mass;
      r.reach_count[c] += is_incident[e];
      r.hot_count[c] += is_incident[e] && mass[e].in_hotspot;
    }
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return r.reach[a] > r.reach[b]; });
  for (std::size_t i = 0; i < n; ++i) r.rank[order[i]] = static_cast<int>(i + 1);
  std::vector<char> covered(mass.size(), 0);
  for (std::size_t i = 0; i < prog.chosen.size(); ++i) {
    const std::size_t c = prog.chosen[i];
    r.chosen_order[c] = static_cast<int>(i + 1);
    r.gain[c] = prog.gain[i];
    for (std::uint32_t e : catchment[c])
      if (!covered[e]) {
        covered[e] = 1;
        r.gain_count[c] += is_incident[e];
      }
  }
  return r;
}


}  // namespace hotspot
