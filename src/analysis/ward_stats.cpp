#include "analysis/ward_stats.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/poisson.hpp"

namespace hotspot {

std::string_view rag_name(Rag r) {
  switch (r) {
    case Rag::Red: return "red";
    case Rag::Amber: return "amber";
    case Rag::Green: return "green";
    case Rag::None: break;
  }
  return "none";
}

std::string_view direction_name(Direction d) {
  switch (d) {
    case Direction::Rise: return "rise";
    case Direction::Fall: return "fall";
    case Direction::Same: break;
  }
  return "same";
}

namespace {

std::optional<double> change(std::uint64_t now, std::optional<double> before) {
  if (!before || *before < kMinPercentBase) return std::nullopt;
  return (static_cast<double>(now) - *before) / *before;
}

// Sum over `p`, or nothing when any month of it lacks data.
std::optional<std::uint64_t> period_sum(const std::vector<std::uint64_t>& monthly,
                                        const std::vector<bool>& has_data, Month window_first, const Period& p) {
  std::uint64_t sum = 0;
  for (Month m = p.first; m <= p.last; ++m) {
    const long i = m - window_first;
    if (i < 0 || i >= static_cast<long>(has_data.size()) || !has_data[static_cast<std::size_t>(i)])
      return std::nullopt;
    sum += monthly[static_cast<std::size_t>(i)];
  }
  return sum;
}

}  // namespace

std::vector<bool> months_with_data(const std::vector<Incident>& incidents, const Period& window) {
  std::vector<bool> out(static_cast<std::size_t>(window.months()), false);
  for (const Incident& inc : incidents)
    if (window.contains(inc.month)) out[static_cast<std::size_t>(inc.month - window.first)] = true;
  return out;
}

ChangeStats change_against(std::uint64_t count, const std::vector<std::uint64_t>& monthly,
                           const std::vector<bool>& has_data, const Period& period, const Theme& theme,
                           double alpha) {
  const Month first = period.needed_window().first;
  ChangeStats s;
  s.count = count;
  s.previous = period_sum(monthly, has_data, first, period.previous());
  s.year_earlier = period_sum(monthly, has_data, first, period.year_earlier());

  const Period base = period.baseline();
  std::vector<double> values;
  for (Month m = base.first; m <= base.last; ++m) {
    const std::size_t i = static_cast<std::size_t>(m - first);
    if (has_data[i]) values.push_back(static_cast<double>(monthly[i]));
  }
  s.baseline_months = static_cast<int>(values.size());
  if (!values.empty()) {
    double sum = 0;
    for (double v : values) sum += v;
    s.baseline_total = static_cast<std::uint64_t>(sum);
    const double mean = sum / static_cast<double>(values.size());
    double ss = 0;
    for (double v : values) ss += (v - mean) * (v - mean);
    const double sd = values.size() > 1 ? std::sqrt(ss / static_cast<double>(values.size() - 1)) : 0.0;
    const double len = period.months();
    s.baseline_mean = mean * len;
    s.baseline_sd = sd * std::sqrt(len);
  }
  s.change_previous = change(count, s.previous ? std::optional<double>(static_cast<double>(*s.previous)) : std::nullopt);
  s.change_year = change(count, s.year_earlier ? std::optional<double>(static_cast<double>(*s.year_earlier)) : std::nullopt);
  s.change_baseline = change(count, s.baseline_mean);

  if (!s.baseline_mean) return s;  // rag stays none
  const double lambda = *s.baseline_mean;
  const long k = static_cast<long>(count);
  if (static_cast<double>(count) > lambda) {
    s.direction = Direction::Rise;
    s.p_value = poisson_upper_tail(k, lambda);
  } else if (static_cast<double>(count) < lambda) {
    s.direction = Direction::Fall;
    s.p_value = poisson_lower_tail(k, lambda);
  }
  s.significant = s.direction != Direction::Same && s.p_value < alpha;

  const Direction bad = theme.rise_is_good ? Direction::Fall : Direction::Rise;
  const double rel = lambda > 0 ? (static_cast<double>(count) - lambda) / lambda
                                : (count > 0 ? HUGE_VAL : 0.0);
  const double signed_rel = theme.rise_is_good ? -rel : rel;  // > 0 means the bad way
  bool met;
  if (theme.target) {
    const double signed_target = theme.rise_is_good ? -*theme.target : *theme.target;
    met = signed_rel <= signed_target + 1e-12;
  } else {
    met = signed_rel <= 0;
  }
  if (s.significant && s.direction == bad) s.rag = Rag::Red;
  else if (met) s.rag = Rag::Green;
  else s.rag = Rag::Amber;
  return s;
}

WardStats compute_ward_stats(const std::vector<Incident>& incidents, std::size_t ward_count,
                             const std::vector<std::optional<double>>& population,
                             const std::vector<Theme>& themes, const Period& period, double alpha,
                             double min_residents) {
  const Period window = period.needed_window();
  const std::size_t months = static_cast<std::size_t>(window.months());
  const std::size_t T = themes.size();
  WardStats out;
  out.month_has_data.assign(months, false);
  // monthly[t][w][m]: one pass over the incidents, O(N * themes per incident).
  std::vector<std::uint64_t> monthly(T * ward_count * months, 0);
  for (const Incident& inc : incidents) {
    if (!window.contains(inc.month) || inc.ward >= ward_count) continue;
    const std::size_t m = static_cast<std::size_t>(inc.month - window.first);
    out.month_has_data[m] = true;
    for (ThemeMask bits = inc.themes; bits; bits &= bits - 1) {
      const std::size_t t = static_cast<std::size_t>(__builtin_ctzll(bits));
      if (t < T) ++monthly[(t * ward_count + inc.ward) * months + m];
    }
  }
  auto count_in_period = [&](const std::vector<std::uint64_t>& series) {
    std::uint64_t n = 0;
    for (Month m = period.first; m <= period.last; ++m) n += series[static_cast<std::size_t>(m - window.first)];
    return n;
  };

  out.wards.assign(T, std::vector<ChangeStats>(ward_count));
  out.totals.resize(T);
  double total_population = 0;
  bool all_population = true;
  for (const auto& p : population) {
    if (p) total_population += *p;
    else all_population = false;
  }
  for (std::size_t t = 0; t < T; ++t) {
    std::vector<std::uint64_t> area(months, 0);
    for (std::size_t w = 0; w < ward_count; ++w) {
      const auto begin = monthly.begin() + static_cast<std::ptrdiff_t>((t * ward_count + w) * months);
      const std::vector<std::uint64_t> series(begin, begin + static_cast<std::ptrdiff_t>(months));
      for (std::size_t m = 0; m < months; ++m) area[m] += series[m];
      ChangeStats s = change_against(count_in_period(series), series, out.month_has_data, period, themes[t], alpha);
      if (w < population.size() && population[w] && *population[w] >= min_residents && *population[w] > 0)
        s.rate_per_1000 = static_cast<double>(s.count) / *population[w] * 1000.0;
      out.wards[t][w] = s;
    }
    ChangeStats total = change_against(count_in_period(area), area, out.month_has_data, period, themes[t], alpha);
    if (all_population && total_population > 0)
      total.rate_per_1000 = static_cast<double>(total.count) / total_population * 1000.0;
    out.totals[t] = total;

    // Competition ranking: wards with equal counts share a rank (1, 2, 2, 4).
    for (std::size_t w = 0; w < ward_count; ++w) {
      int above = 0;
      for (std::size_t v = 0; v < ward_count; ++v) above += out.wards[t][v].count > out.wards[t][w].count;
      out.wards[t][w].rank = above + 1;
    }
  }
  return out;
}

}  // namespace hotspot
