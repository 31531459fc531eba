#include "analysis/emerging_classes.hpp"

#include <vector>

#include "analysis/mann_kendall.hpp"

namespace hotspot {
namespace {

// The series seen from one side: "hot" steps and "cold" steps, with cold spots
// classified by mirroring the z-scores so one set of rules serves both.
struct Side {
  std::vector<bool> hot, cold;
  std::size_t hot_count = 0;
};

Side side(std::span<const double> z, std::span<const bool> sig, bool cold) {
  Side s;
  for (std::size_t i = 0; i < z.size(); ++i) {
    const bool up = sig[i] && z[i] > 0, down = sig[i] && z[i] < 0;
    s.hot.push_back(cold ? down : up);
    s.cold.push_back(cold ? up : down);
    s.hot_count += s.hot.back();
  }
  return s;
}

// 0 = new, 1 consecutive, 2 intensifying, 3 persistent, 4 diminishing,
// 5 sporadic, 6 oscillating, 7 historical, -1 none; `trend` is the Mann-Kendall
// result oriented so that positive means "more of this side".
int classify_side(const Side& s, double trend_s, double trend_p, double alpha) {
  const std::size_t n = s.hot.size();
  const bool last = s.hot[n - 1];
  const bool mostly = static_cast<double>(s.hot_count) >= 0.9 * static_cast<double>(n);
  std::size_t run = 0;  // hot steps in the run ending at the last step
  while (run < n && s.hot[n - 1 - run]) ++run;
  const bool any_cold = [&] {
    for (bool c : s.cold)
      if (c) return true;
    return false;
  }();
  const bool significant_trend = trend_p <= alpha;
  if (last && s.hot_count == 1) return 0;
  // sfdep also asks only for the final run, so a run of one is "new" above.
  if (last && run >= 2 && run == s.hot_count && !mostly) return 1;
  if (mostly && last && significant_trend && trend_s > 0) return 2;
  // Mostly hot but not now: historical, whatever the trend (ArcGIS's wording;
  // sfdep tests persistent first and only calls it historical when z < 0).
  if (mostly && !last) return 7;
  if (mostly && !significant_trend) return 3;
  if (mostly && last && significant_trend && trend_s < 0) return 4;
  // ArcGIS asks the last step to be hot for sporadic; sfdep does not (it calls
  // any on-off history without cold steps sporadic).
  if (last && !mostly && !any_cold) return 5;
  if (last && !mostly && any_cold) return 6;
  return -1;
}

}  // namespace

std::string_view emerging_class_name(EmergingClass c) {
  switch (c) {
    case EmergingClass::NoPattern: return "no pattern detected";
    case EmergingClass::NewHot: return "new hot spot";
    case EmergingClass::ConsecutiveHot: return "consecutive hot spot";
    case EmergingClass::IntensifyingHot: return "intensifying hot spot";
    case EmergingClass::PersistentHot: return "persistent hot spot";
    case EmergingClass::DiminishingHot: return "diminishing hot spot";
    case EmergingClass::SporadicHot: return "sporadic hot spot";
    case EmergingClass::OscillatingHot: return "oscillating hot spot";
    case EmergingClass::HistoricalHot: return "historical hot spot";
    case EmergingClass::NewCold: return "new cold spot";
    case EmergingClass::ConsecutiveCold: return "consecutive cold spot";
    case EmergingClass::IntensifyingCold: return "intensifying cold spot";
    case EmergingClass::PersistentCold: return "persistent cold spot";
    case EmergingClass::DiminishingCold: return "diminishing cold spot";
    case EmergingClass::SporadicCold: return "sporadic cold spot";
    case EmergingClass::OscillatingCold: return "oscillating cold spot";
    case EmergingClass::HistoricalCold: return "historical cold spot";
  }
  return "";
}

EmergingClass classify_emerging(std::span<const double> z, std::span<const bool> significant, double alpha) {
  if (z.empty() || z.size() != significant.size()) return EmergingClass::NoPattern;
  const MannKendall mk = mann_kendall(z);
  const int hot = classify_side(side(z, significant, false), mk.s, mk.p, alpha);
  if (hot >= 0) return static_cast<EmergingClass>(static_cast<int>(EmergingClass::NewHot) + hot);
  const int cold = classify_side(side(z, significant, true), -mk.s, mk.p, alpha);
  if (cold >= 0) return static_cast<EmergingClass>(static_cast<int>(EmergingClass::NewCold) + cold);
  return EmergingClass::NoPattern;
}

std::string_view summary_class_name(SummaryClass c) {
  switch (c) {
    case SummaryClass::None: return "none";
    case SummaryClass::Emerging: return "emerging";
    case SummaryClass::Persistent: return "persistent";
    case SummaryClass::Former: return "former";
    case SummaryClass::Intermittent: return "intermittent";
  }
  return "";
}

SummaryClass summary_class(std::span<const double> z, std::span<const bool> significant, std::size_t recent) {
  const std::size_t n = z.size();
  recent = std::min(recent, n);
  std::size_t hot_recent = 0, hot_before = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const bool hot = significant[i] && z[i] > 0;
    (i >= n - recent ? hot_recent : hot_before) += hot;
  }
  if (hot_recent + hot_before == 0) return SummaryClass::None;
  const bool now = 2 * hot_recent >= recent && recent > 0;
  const bool then = 2 * hot_before >= n - recent && n > recent;
  if (now && then) return SummaryClass::Persistent;
  if (now) return SummaryClass::Emerging;
  if (then) return SummaryClass::Former;
  return SummaryClass::Intermittent;
}

}  // namespace hotspot
