#pragma once
// What each candidate venue of a programme reaches: its catchment's mass, the
// part of it in hotspots and, among the mass, the incidents (when the mass is
// incidents); its rank by reach; and, for the chosen, the order and the mass
// each added. Pure: the catchments and the programme come from
// analysis/venue_programme.
#include <cstdint>
#include <vector>

#include "analysis/venue_programme.hpp"

namespace hotspot {

// Each candidate's reach (its catchment's mass, and how much of it is in
// hotspots), its rank by reach (ties: input order) and, when chosen, its order
// and the mass it added.
struct PlanReach {
  std::vector<double> reach, hot_reach, gain;
  std::vector<long> reach_count, hot_count, gain_count;  // incidents among the mass (measure = "incidents")
  std::vector<int> rank, chosen_order;                    // chosen_order 0: not chosen
};

// `incident_elements`: the mass points that are single incidents.
PlanReach plan_reach(const std::vector<MassPoint>& mass, const std::vector<std::uint32_t>& incident_elements,
                     const std::vector<std::vector<std::uint32_t>>& catchment, const Programme& prog);

}  // namespace hotspot
