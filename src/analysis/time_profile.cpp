#include "analysis/time_profile.hpp"

#include <algorithm>

#include "core/time_window.hpp"

namespace hotspot {

TimeProfile time_profile(const std::vector<const Incident*>& incidents) {
  constexpr long kWeek = 7 * 1440;
  TimeProfile p;
  for (const Incident* inc : incidents) {
    if (inc->minute < 0 || inc->day <= 0) {
      ++p.unknown;
      continue;
    }
    ++p.timed;
    // Minutes since Monday 00:00 of the incident's week.
    const long start = static_cast<long>(weekday(inc->month, inc->day)) * 1440 + inc->minute;
    if (inc->span <= 0) {
      p.cells[static_cast<std::size_t>(start / 60)] += 1;
      continue;
    }
    ++p.spread;
    const long span = std::min<long>(inc->span, kWeek);
    // Walk the span hour by hour (at most a week: 169 steps), wrapping at Sunday midnight.
    for (long t = start, left = span; left > 0;) {
      const long hour_end = (t / 60 + 1) * 60;
      const long take = std::min(left, hour_end - t);
      p.cells[static_cast<std::size_t>((t % kWeek) / 60)] += static_cast<double>(take) / static_cast<double>(span);
      left -= take;
      t = hour_end % kWeek;
    }
  }
  return p;
}

}  // namespace hotspot
