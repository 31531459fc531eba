#pragma once
// A hotspot's space-time class in words, for the report's table and the
// layer: its emerging hot spot class (emerging_classes.hpp: the class most of
// its Gi* cells hold) and the months of the last 12 its typical cell of that
// class was a significant hot spot (the median over those cells).
#include <cstdint>
#include <span>
#include <string>

#include "analysis/emerging_classes.hpp"

namespace hotspot {

struct SpaceTime {
  EmergingClass cls = EmergingClass::NoPattern;
  int hot_months = 0;  // of the last `of_months`: the median over the cells of its class
  int of_months = 12;
};

// The class most of `cells` hold among the hot classes (ties: the first in
// EmergingClass order), NoPattern when none; and of the cells holding it (all
// of `cells` for NoPattern), the median of their hot months among the last
// `of_months` (<= 16; the lower median of an even count). recent_hot: bit k =
// hot k months before the last.
SpaceTime space_time_of(std::span<const std::size_t> cells, std::span<const EmergingClass> cls,
                        std::span<const std::uint16_t> recent_hot, int of_months = 12);

// "new this month", "hot for 11 of the last 12 months", "hot for the last 4
// months", "hot for 10 of the last 12 months, intensifying", ...
std::string space_time_words(const SpaceTime& s);

// A short key per class for styles and legends: "new", "persistent",
// "intensifying", "consecutive", "diminishing", "sporadic", "historical", "none".
std::string space_time_key(EmergingClass c);

}  // namespace hotspot
