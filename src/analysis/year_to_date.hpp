#pragma once
// Year to date and rolling 12 months, each against the same months a year
// earlier, per theme and ward, with a status against the theme's target (the
// partnership plans' "a 3% reduction year to date").
//
// Periods (all end with the period's last month): year to date runs from the
// first month of the financial year holding it (run.year_start_month, April by
// default); the rolling 12 months are the 12 ending with it; each is compared
// with the same months a year earlier. A sum counts only when every month of it
// has data (any incident accepted that month), as the ward table's comparisons.
//
// Change: (now - before) / before, as a percentage only from a base of at least
// kMinPercentBase (ward_stats.hpp); the status still uses the counts.
//
// Status, for a theme where a rise is bad (mirrored when a rise is good), with
// g = the theme's target (target_ytd or target_rolling; 0, "no worse than a year
// earlier", when it has none):
//   green - the target is met: (now - before) / before <= g;
//   red   - it is missed by more than chance: with X ~ Poisson(before x (1 + g)),
//           the count expected on target, P(X >= now) < run.significance (the
//           ward table's Poisson test, against the target instead of the baseline);
//   amber - it is missed, within chance;
//   none  - no comparison (a month of either sum without data).
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/ward_stats.hpp"
#include "core/incident.hpp"
#include "core/period.hpp"
#include "core/theme.hpp"

namespace hotspot {

struct CumulativePeriods {
  Period ytd, ytd_before, rolling, rolling_before;
};

CumulativePeriods cumulative_periods(const Period& period, int year_start_month);

// One count against the same months a year earlier, and its target.
struct TargetComparison {
  std::optional<std::uint64_t> now, before;  // none when a month lacks data
  std::optional<double> change;              // fraction: -0.03 = 3% fewer
  std::optional<double> target;              // the theme's, as configured
  double p_value = 1.0;                      // of a count this far the bad way, on target
  Rag status = Rag::None;
};

TargetComparison compare_to_target(std::optional<std::uint64_t> now, std::optional<std::uint64_t> before,
                                   std::optional<double> target, bool rise_is_good, double alpha);

struct CumulativeStats {
  TargetComparison ytd, rolling;
};

struct CumulativeWardStats {
  CumulativePeriods periods;
  std::vector<std::vector<CumulativeStats>> wards;  // [theme][ward]
  std::vector<CumulativeStats> totals;              // [theme], the whole area
};

// Incidents outside the wards count in no ward and not in the totals (as the
// ward table). `alpha`: run.significance.
CumulativeWardStats compute_cumulative_stats(const std::vector<Incident>& incidents, std::size_t ward_count,
                                             const std::vector<Theme>& themes, const CumulativePeriods& periods,
                                             double alpha);

}  // namespace hotspot
