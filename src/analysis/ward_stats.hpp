#pragma once
// Ward statistics per theme for a period: counts for the period, the previous
// period, the same period a year earlier and a 12-month baseline; changes;
// rates; ranks; a Poisson test of the change against baseline; and RAG.
//
// Baseline: the monthly counts of the 12 months before the period, over the
// months the input has data for (any incident accepted that month). Mean and
// sample standard deviation are scaled to the period's length L (mean x L,
// sd x sqrt(L)). Comparison periods count only when every month of them has data.
//
// Significance: with lambda = the scaled baseline mean, a rise is tested with
// P(X >= count) and a fall with P(X <= count), X ~ Poisson(lambda); the
// change is significant when that probability is below `alpha`. Crime counts
// are often over-dispersed, so this flags more than a negative-binomial test
// would; it is a screening flag, not proof.
//
// Percentages: a change is given as a percentage only from a base of at least
// kMinPercentBase incidents (the previous period, the year-earlier period or the
// scaled baseline mean); below it the change is left empty ("n/a", or "new"
// from nothing), because 1 -> 12 reads as "+1100%". The test and RAG still use
// the counts.
//
// RAG, for a theme where a rise is bad (mirrored when a rise is good):
//   red   - a significant rise against baseline;
//   green - the target is met (change against baseline <= target), or, with no
//           target, the count is at or below the baseline mean;
//   amber - otherwise;
//   none  - no baseline month has data.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/incident.hpp"
#include "core/period.hpp"
#include "core/theme.hpp"

namespace hotspot {

inline constexpr double kMinPercentBase = 5;

enum class Rag { None, Red, Amber, Green };
enum class Direction { Same, Rise, Fall };
std::string_view rag_name(Rag r);        // "none", "red", "amber", "green"
std::string_view direction_name(Direction d);

struct ChangeStats {
  std::uint64_t count = 0;
  std::optional<std::uint64_t> previous;      // previous period
  std::optional<std::uint64_t> year_earlier;  // same period a year earlier
  int baseline_months = 0;                    // months of the 12 with data
  std::uint64_t baseline_total = 0;           // incidents over those months
  std::optional<double> baseline_mean;        // scaled to the period length
  std::optional<double> baseline_sd;
  std::optional<double> change_previous;      // fractions: 0.3 = +30%
  std::optional<double> change_year;
  std::optional<double> change_baseline;
  std::optional<double> rate_per_1000;
  Direction direction = Direction::Same;      // against baseline
  double p_value = 1.0;                       // one-sided, in the direction moved
  bool significant = false;
  Rag rag = Rag::None;
  int rank = 0;                               // 1 = most incidents in the area; 0 for totals
};

struct WardStats {
  std::vector<std::vector<ChangeStats>> wards;  // [theme][ward]
  std::vector<ChangeStats> totals;              // [theme], the whole area
  std::vector<bool> month_has_data;             // over period.needed_window()
};

WardStats compute_ward_stats(const std::vector<Incident>& incidents, std::size_t ward_count,
                             const std::vector<std::optional<double>>& population,
                             const std::vector<Theme>& themes, const Period& period, double alpha,
                             double min_residents = 0);

// Months of `window` with any incident (the months a comparison may use).
std::vector<bool> months_with_data(const std::vector<Incident>& incidents, const Period& window);

// The change and significance part, for one count against its monthly
// history over period.needed_window() (a ward's, the area's or a hotspot's).
ChangeStats change_against(std::uint64_t count, const std::vector<std::uint64_t>& monthly,
                           const std::vector<bool>& month_has_data, const Period& period,
                           const Theme& theme, double alpha);

}  // namespace hotspot
