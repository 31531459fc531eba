#pragma once
// Repeat locations: the places a theme's incidents come back to.
//
// A location is a distinct point after snapping to a square lattice of side
// `tolerance` metres (the same address geocoded twice a few metres apart is
// one place). police.uk already snaps every incident to one of a fixed set of
// map points, so there a location is a map point. Locations are ranked by
// incidents, then by the months they were active in, then by position, so the
// order is the same on every run.
#include <cstdint>
#include <vector>

#include "core/street_names.hpp"

#include "core/incident.hpp"

namespace hotspot {

struct RepeatLocation {
  double x = 0, y = 0;       // the lattice point (analysis CRS)
  long incidents = 0;
  int months_active = 0;     // distinct months with an incident there
  std::uint32_t ward = kNoWard;  // the ward of its first incident
  std::vector<Month> months;     // those months, ascending
  // The street most of its incidents carry (ties: the lower id), or kNoStreet.
  std::uint32_t street = kNoStreet;
};

// Locations with at least `min_incidents`, the `top` busiest first. O(N log N).
std::vector<RepeatLocation> repeat_locations(const std::vector<const Incident*>& incidents, double tolerance,
                                             long min_incidents, std::size_t top);

}  // namespace hotspot
