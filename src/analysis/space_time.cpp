#include "analysis/space_time.hpp"

#include <bit>
#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <vector>

namespace hotspot {

SpaceTime space_time_of(std::span<const std::size_t> cells, std::span<const EmergingClass> cls,
                        std::span<const std::uint16_t> recent_hot, int of_months) {
  SpaceTime out;
  out.of_months = of_months;
  std::map<EmergingClass, int> votes;
  for (const std::size_t i : cells)
    if (i < cls.size() && cls[i] >= EmergingClass::NewHot && cls[i] <= EmergingClass::HistoricalHot) ++votes[cls[i]];
  int most = 0;
  for (const auto& [c, n] : votes)
    if (n > most) out.cls = c, most = n;
  const std::uint32_t mask = of_months >= 32 ? 0xffffffffu : (1u << of_months) - 1u;
  std::vector<int> months;
  for (const std::size_t i : cells)
    if (i < cls.size() && i < recent_hot.size() && (out.cls == EmergingClass::NoPattern || cls[i] == out.cls))
      months.push_back(std::popcount(recent_hot[i] & mask));
  if (!months.empty()) {
    std::sort(months.begin(), months.end());
    out.hot_months = months[(months.size() - 1) / 2];
  }
  return out;
}

std::string space_time_words(const SpaceTime& s) {
  const std::string of = fmt::format("{} of the last {} months", s.hot_months, s.of_months);
  switch (s.cls) {
    case EmergingClass::NewHot: return "new this month";
    case EmergingClass::ConsecutiveHot: return fmt::format("hot for the last {} months", s.hot_months);
    case EmergingClass::IntensifyingHot: return "hot for " + of + ", intensifying";
    case EmergingClass::PersistentHot: return "hot for " + of;
    case EmergingClass::DiminishingHot: return "hot for " + of + ", easing";
    case EmergingClass::SporadicHot: return "on and off: hot in " + of;
    case EmergingClass::OscillatingHot: return "on and off, once a cold spot: hot in " + of;
    case EmergingClass::HistoricalHot: return "hot before, not this month (hot in " + of + ")";
    default: break;
  }
  // No class of its own: the months it was hot say all there is (and fit the report's column).
  return s.hot_months > 0 ? "hot in " + of : "not a significant hot spot";
}

std::string space_time_key(EmergingClass c) {
  switch (c) {
    case EmergingClass::NewHot: return "new";
    case EmergingClass::ConsecutiveHot: return "consecutive";
    case EmergingClass::IntensifyingHot: return "intensifying";
    case EmergingClass::PersistentHot: return "persistent";
    case EmergingClass::DiminishingHot: return "diminishing";
    case EmergingClass::SporadicHot:
    case EmergingClass::OscillatingHot: return "sporadic";
    case EmergingClass::HistoricalHot: return "historical";
    default: return "none";
  }
}

}  // namespace hotspot
