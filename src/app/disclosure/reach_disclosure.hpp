#pragma once
// Disclosure control for venue reach: which candidate venues' reach is
// withheld in each programme plan's tables (venues_<plan>.geojson/.csv,
// venue_catchments_<plan>.geojson and the reasons).
//
// A venue's catchment is the same circle in every plan, so the plans' reaches
// at one venue are linked tables: with atoms the incidents of each theme
// signature in the catchment over the look-back, a single-theme plan's
// reach_incidents is the sum of the atoms that hold its theme, and a mix's is
// the sum of those holding any of its themes, its weighted `reach` a weighted
// sum of the same atoms. A mix with VAWG minus the ASB plan, or violence minus
// robbery and weapons, is then visible to the audit exactly as to an attacker
// (analysis/disclosure.hpp): each venue's plans are protected together, a
// withheld reach taking the plans' other reaches at that venue with it as
// needed. On KDE surfaces (measure = "kde") the atoms are each signature's
// surface mass in the catchment, and mass below a plan's minimum counts as a
// small count.
//
// What follows a withheld reach: reach, reach_incidents, its shares, its
// marginal gain, its rank (ranks are among the venues whose reach is
// published) and the numbers in its reason. A hotspot share and a marginal
// gain also go when their own count is small.
//
// Not covered: overlapping catchments of different venues (two circles'
// difference is a new area, not a published total), and the order in which
// the greedy programme chose venues.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/disclosure.hpp"
#include "analysis/venue_reach.hpp"
#include "core/incident.hpp"

namespace hotspot {

// One plan as its reach is published.
struct ReachPlan {
  std::string id;
  std::vector<std::pair<std::size_t, double>> themes;  // theme index, weight
  int min_count = 0;                                   // its strictest theme's
  const PlanReach* reach = nullptr;                    // per candidate
};

// The signatures in each candidate's catchment: [candidate] -> signature ->
// incidents there (with measure = "kde", the signatures whose surfaces reach it).
using CatchmentSignatures = std::vector<std::map<ThemeMask, std::uint64_t>>;

struct ReachDecision {
  std::vector<std::vector<Withheld>> reach;  // [plan][candidate]
  std::vector<std::string> unprotected;      // in words (expected none)
  ProtectionStats stats;
};

// `by_incidents`: reach is a count of incidents (measure = "incidents"), else KDE mass.
ReachDecision reach_disclosure(const std::vector<ReachPlan>& plans, const CatchmentSignatures& catchments,
                               bool by_incidents);

// One plan's view of the decision, for its tables and reasons.
struct ReachDisclosure {
  const PlanReach& r;
  const std::vector<Withheld>& state;  // [candidate]: its reach
  bool by_incidents;
  int min_count;

  bool small(double count) const { return primary_suppressed(count, min_count); }
  Withheld reach_state(std::size_t k) const { return state[k]; }
  bool reach(std::size_t k) const { return state[k] != Withheld::No; }
  bool hot(std::size_t k) const {
    return reach(k) || (by_incidents ? small(static_cast<double>(r.hot_count[k])) : small(r.hot_reach[k]));
  }
  bool gain(std::size_t k) const {
    return reach(k) || (by_incidents ? small(static_cast<double>(r.gain_count[k])) : small(r.gain[k]));
  }
  // Rank by reach among the candidates whose reach is published (1 = most; ties: input order).
  int published_rank(std::size_t k) const;
  std::size_t published_count() const;
};

}  // namespace hotspot
