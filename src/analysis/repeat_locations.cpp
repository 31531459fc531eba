#include "analysis/repeat_locations.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace hotspot {

std::vector<RepeatLocation> repeat_locations(const std::vector<const Incident*>& incidents, double tolerance,
                                             long min_incidents, std::size_t top) {
  struct Keyed {
    std::int64_t i, j;
    Month month;
    std::uint32_t ward;
    std::uint32_t street;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(incidents.size());
  for (const Incident* inc : incidents)
    keyed.push_back({static_cast<std::int64_t>(std::llround(inc->x / tolerance)),
                     static_cast<std::int64_t>(std::llround(inc->y / tolerance)), inc->month, inc->ward, inc->street});
  // By place, then month: each place is one run, its months counted as they change.
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.i, a.j, a.month) < std::tie(b.i, b.j, b.month);
  });
  std::vector<RepeatLocation> out;
  for (std::size_t k = 0; k < keyed.size();) {
    std::size_t end = k;
    RepeatLocation loc;
    loc.x = static_cast<double>(keyed[k].i) * tolerance;
    loc.y = static_cast<double>(keyed[k].j) * tolerance;
    loc.ward = keyed[k].ward;
    std::map<std::uint32_t, long> streets;
    for (; end < keyed.size() && keyed[end].i == keyed[k].i && keyed[end].j == keyed[k].j; ++end) {
      ++loc.incidents;
      if (end == k || keyed[end].month != keyed[end - 1].month) {
        ++loc.months_active;
        loc.months.push_back(keyed[end].month);
      }
      if (keyed[end].street != kNoStreet) ++streets[keyed[end].street];
    }
    long most = 0;
    for (const auto& [street, n] : streets)  // ascending id: the lower of equal counts wins
      if (n > most) loc.street = street, most = n;
    if (loc.incidents >= min_incidents) out.push_back(loc);
    k = end;
  }
  std::sort(out.begin(), out.end(), [](const RepeatLocation& a, const RepeatLocation& b) {
    return std::make_tuple(-a.incidents, -a.months_active, a.x, a.y) <
           std::make_tuple(-b.incidents, -b.months_active, b.x, b.y);
  });
  if (out.size() > top) out.resize(top);
  return out;
}

}  // namespace hotspot
