#pragma once
#include "analysis/venue_reach.hpp"

namespace hotspot {

// Disclosure for a plan with a minimum count: reach (with unit weights, a
// count), its shares and the marginal gain are withheld with the count they
// come from. On a KDE surface (measure = "kde") mass below the minimum is
// treated as such a count.
struct ReachDisclosure {
  const PlanReach& r;
  bool by_incidents;
  int min_count;

  bool small(double count) const { return min_count > 1 && count > 0 && count < min_count; }
  bool reach(std::size_t k) const { return by_incidents ? small(static_cast<double>(r.reach_count[k])) : small(r.reach[k]); }
  bool hot(std::size_t k) const {
    return reach(k) || (by_incidents ? small(static_cast<double>(r.hot_count[k])) : small(r.hot_reach[k]));
  }
  bool gain(std::size_t k) const {
    return reach(k) || (by_incidents ? small(static_cast<double>(r.gain_count[k])) : small(r.gain[k]));
  }
};

}  // namespace hotspot
