#include "analysis/year_to_date.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/poisson.hpp"

namespace hotspot {

CumulativePeriods cumulative_periods(const Period& period, int year_start_month) {
  const Period ytd = period.year_to_date(year_start_month), rolling = period.rolling_year();
  return {ytd, ytd.year_earlier(), rolling, rolling.year_earlier()};
}

TargetComparison compare_to_target(std::optional<std::uint64_t> now, std::optional<std::uint64_t> before,
                                   std::optional<double> target, bool rise_is_good, double alpha) {
  TargetComparison c;
  c.now = now;
  c.before = before;
  c.target = target;
  if (!now || !before) return c;
  const double n = static_cast<double>(*now), b = static_cast<double>(*before);
  if (b >= kMinPercentBase) c.change = (n - b) / b;
  const double goal = target.value_or(0.0);
  const double rel = b > 0 ? (n - b) / b : (n > 0 ? HUGE_VAL : 0.0);
  const double bad_way = rise_is_good ? -rel : rel, bad_goal = rise_is_good ? -goal : goal;
  if (bad_way <= bad_goal + 1e-12) {
    c.status = Rag::Green;
    return c;
  }
  const double lambda = b * (1.0 + goal);  // the count expected on target
  const long k = static_cast<long>(*now);
  c.p_value = rise_is_good ? poisson_lower_tail(k, lambda) : poisson_upper_tail(k, lambda);
  c.status = c.p_value < alpha ? Rag::Red : Rag::Amber;
  return c;
}

namespace {

// Sum over `p` of a series over `window`, or none when any month lacks data.
std::optional<std::uint64_t> sum_over(const std::vector<std::uint64_t>& series, const std::vector<bool>& has_data,
                                      const Period& window, const Period& p) {
  std::uint64_t sum = 0;
  for (Month m = p.first; m <= p.last; ++m) {
    if (!window.contains(m) || !has_data[static_cast<std::size_t>(m - window.first)]) return std::nullopt;
    sum += series[static_cast<std::size_t>(m - window.first)];
  }
  return sum;
}

CumulativeStats of_series(const std::vector<std::uint64_t>& series, const std::vector<bool>& has_data,
                          const Period& window, const CumulativePeriods& p, const Theme& theme, double alpha) {
  return {compare_to_target(sum_over(series, has_data, window, p.ytd), sum_over(series, has_data, window, p.ytd_before),
                            theme.target_ytd, theme.rise_is_good, alpha),
          compare_to_target(sum_over(series, has_data, window, p.rolling),
                            sum_over(series, has_data, window, p.rolling_before), theme.target_rolling,
                            theme.rise_is_good, alpha)};
}

}  // namespace

CumulativeWardStats compute_cumulative_stats(const std::vector<Incident>& incidents, std::size_t ward_count,
                                             const std::vector<Theme>& themes, const CumulativePeriods& periods,
                                             double alpha) {
  const Period window{std::min(periods.ytd_before.first, periods.rolling_before.first), periods.rolling.last, ""};
  const std::size_t months = static_cast<std::size_t>(window.months());
  const std::size_t T = themes.size();
  std::vector<bool> has_data(months, false);
  std::vector<std::vector<std::vector<std::uint64_t>>> monthly(
      T, std::vector<std::vector<std::uint64_t>>(ward_count, std::vector<std::uint64_t>(months, 0)));
  for (const Incident& inc : incidents) {
    if (!window.contains(inc.month) || inc.ward >= ward_count) continue;
    const std::size_t m = static_cast<std::size_t>(inc.month - window.first);
    has_data[m] = true;
    for (ThemeMask bits = inc.themes; bits; bits &= bits - 1) {
      const std::size_t t = static_cast<std::size_t>(__builtin_ctzll(bits));
      if (t < T) ++monthly[t][inc.ward][m];
    }
  }
  CumulativeWardStats out;
  out.periods = periods;
  out.wards.assign(T, std::vector<CumulativeStats>(ward_count));
  out.totals.resize(T);
  for (std::size_t t = 0; t < T; ++t) {
    std::vector<std::uint64_t> area(months, 0);
    for (std::size_t w = 0; w < ward_count; ++w) {
      for (std::size_t m = 0; m < months; ++m) area[m] += monthly[t][w][m];
      out.wards[t][w] = of_series(monthly[t][w], has_data, window, periods, themes[t], alpha);
    }
    out.totals[t] = of_series(area, has_data, window, periods, themes[t], alpha);
  }
  return out;
}

}  // namespace hotspot
