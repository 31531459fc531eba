#pragma once
// When incidents happen: counts by day of the week and hour of the day.
//
// An incident with a time counts 1 in its hour. A from/to record (span > 0)
// is spread aoristically: each hour it covers gets the share of the span that
// falls in it (Ratcliffe 2002), so it still counts 1 in all. Incidents with no
// time of day (police.uk months, empty times, and 00:00 where that means
// unknown) are counted apart and never shown as midnight.
#include <array>
#include <cstdint>
#include <vector>

#include "core/incident.hpp"

namespace hotspot {

struct TimeProfile {
  std::array<double, 7 * 24> cells{};  // [weekday * 24 + hour], Monday 00:00 first
  std::uint64_t timed = 0;             // incidents with a time (spread ones included)
  std::uint64_t spread = 0;            // of those, from/to records spread over several hours
  std::uint64_t unknown = 0;           // no time of day

  double at(int weekday, int hour) const { return cells[static_cast<std::size_t>(weekday * 24 + hour)]; }
};

TimeProfile time_profile(const std::vector<const Incident*>& incidents);

}  // namespace hotspot
