#pragma once
// Space-time classes of a location from its series of Gi* results, one per
// time step (oldest first), after ArcGIS Pro's Emerging Hot Spot Analysis
// ("How Emerging Hot Spot Analysis works"). With n steps, H the steps that are
// significant hot spots, C the significant cold spots, and the Mann-Kendall
// test on the Gi* z-scores (trend significant at `alpha`):
//   new           the last step is hot and no earlier one is
//   consecutive   the last k >= 2 steps are hot, no earlier one is, |H| < 90% n
//   intensifying  |H| >= 90% n, the last step hot, significant upward trend
//   persistent    |H| >= 90% n, no significant trend
//   diminishing   |H| >= 90% n, the last step hot, significant downward trend
//   sporadic      the last step hot, |H| < 90% n, earlier hot steps not one
//                 run ending at the last, no cold step
//   oscillating   the last step hot, |H| < 90% n, some earlier step cold
//   historical    the last step not hot, |H| >= 90% n (tried before persistent)
// and the same eight for cold spots with hot and cold swapped (a cold spot
// "intensifies" when its z-scores fall). Tried in this order, first match;
// otherwise "no pattern". Where sfdep (R) differs it is noted in the .cpp.
//
// sfhotspot's summary (hotspot_classify) reads the same series coarsely:
// persistent (hot in most steps, including recent ones), emerging (hot
// recently, not before), former (hot before, not recently), intermittent
// (hot now and then). See summary_class.
#include <span>
#include <string_view>

namespace hotspot {

enum class EmergingClass {
  NoPattern,
  NewHot, ConsecutiveHot, IntensifyingHot, PersistentHot, DiminishingHot, SporadicHot, OscillatingHot, HistoricalHot,
  NewCold, ConsecutiveCold, IntensifyingCold, PersistentCold, DiminishingCold, SporadicCold, OscillatingCold,
  HistoricalCold,
};

constexpr std::size_t kEmergingClassCount = static_cast<std::size_t>(EmergingClass::HistoricalCold) + 1;

std::string_view emerging_class_name(EmergingClass c);  // "new hot spot", ...

// z: Gi* z-scores per step; significant: whether each step passed the test.
EmergingClass classify_emerging(std::span<const double> z, std::span<const bool> significant, double alpha = 0.05);

enum class SummaryClass { None, Emerging, Persistent, Former, Intermittent };
std::string_view summary_class_name(SummaryClass c);

// Hot steps in the recent part (the last `recent` steps) and before it:
//   persistent   hot in at least half the recent and half the earlier steps
//   emerging     hot in at least half the recent steps, in fewer than half before
//   former       hot in at least half the earlier steps, fewer than half recently
//   intermittent hot in some step, none of the above
SummaryClass summary_class(std::span<const double> z, std::span<const bool> significant, std::size_t recent);

}  // namespace hotspot
