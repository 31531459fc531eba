// Ward statistics against hand-worked answers.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/poisson.hpp"
#include "analysis/ward_stats.hpp"

using namespace hotspot;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("Poisson tails equal the closed forms", "[ward_stats]") {
  // P(X >= 3 | 1) = 1 - e^-1 (1 + 1 + 1/2)
  CHECK_THAT(poisson_upper_tail(3, 1.0), WithinRel(1.0 - 2.5 * std::exp(-1.0), 1e-12));
  // P(X <= 1 | 4) = e^-4 (1 + 4)
  CHECK_THAT(poisson_lower_tail(1, 4.0), WithinRel(5.0 * std::exp(-4.0), 1e-12));
  CHECK(poisson_upper_tail(0, 3.0) == 1.0);
  // P(X >= 20 | 10), summed directly.
  double below = 0, term = std::exp(-10.0);
  for (int k = 0; k < 20; ++k) {
    below += term;
    term *= 10.0 / (k + 1);
  }
  CHECK_THAT(poisson_upper_tail(20, 10.0), WithinRel(1.0 - below, 1e-9));
}

namespace {

struct Series {
  Period period = parse_period("2017-04");
  std::vector<std::uint64_t> monthly = std::vector<std::uint64_t>(13, 0);
  std::vector<bool> has = std::vector<bool>(13, true);
};

// Months 2016-04..2017-03 (the baseline) then the period 2017-04.
Series with_baseline(std::initializer_list<std::uint64_t> baseline, std::uint64_t now) {
  Series s;
  std::size_t i = 0;
  for (auto v : baseline) s.monthly[i++] = v;
  s.monthly[12] = now;
  return s;
}

}  // namespace

TEST_CASE("change against baseline, previous month and a year earlier", "[ward_stats]") {
  Theme theme;
  theme.id = "asb";
  const Series s = with_baseline({10, 12, 8, 10, 10, 10, 12, 8, 10, 10, 10, 14}, 20);
  const ChangeStats c = change_against(20, s.monthly, s.has, s.period, theme, 0.05);
  REQUIRE(c.baseline_mean);
  CHECK_THAT(*c.baseline_mean, WithinAbs(124.0 / 12.0, 1e-12));
  // deviations from 10.333: sum of squares = 30.667, sample sd = sqrt(30.667 / 11)
  double ss = 0;
  for (double v : {10, 12, 8, 10, 10, 10, 12, 8, 10, 10, 10, 14}) ss += (v - 124.0 / 12) * (v - 124.0 / 12);
  CHECK_THAT(*c.baseline_sd, WithinRel(std::sqrt(ss / 11), 1e-12));
  CHECK(c.baseline_months == 12);
  CHECK(c.baseline_total == 124);
  REQUIRE(c.previous);
  CHECK(*c.previous == 14);      // 2017-03
  REQUIRE(c.year_earlier);
  CHECK(*c.year_earlier == 10);  // 2016-04
  CHECK_THAT(*c.change_previous, WithinRel(6.0 / 14.0, 1e-12));
  CHECK_THAT(*c.change_year, WithinRel(1.0, 1e-12));
  CHECK(c.direction == Direction::Rise);
  CHECK_THAT(c.p_value, WithinRel(poisson_upper_tail(20, 124.0 / 12.0), 1e-12));
  CHECK(c.significant);
  CHECK(c.rag == Rag::Red);
}

TEST_CASE("months without data are left out of the baseline and comparisons", "[ward_stats]") {
  Theme theme;
  Series s = with_baseline({10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, 10);
  s.has[11] = false;  // 2017-03 missing, like police.uk's 2016-03
  s.has[0] = false;   // 2016-04 missing
  const ChangeStats c = change_against(10, s.monthly, s.has, s.period, theme, 0.05);
  CHECK(c.baseline_months == 10);
  CHECK_FALSE(c.previous);
  CHECK_FALSE(c.year_earlier);
  CHECK_FALSE(c.change_previous);
  CHECK(c.direction == Direction::Same);
  CHECK(c.rag == Rag::Green);  // no target: at the baseline mean is green

  Series none;
  std::fill(none.has.begin(), none.has.end(), false);
  none.has[12] = true;
  const ChangeStats n = change_against(3, none.monthly, none.has, none.period, theme, 0.05);
  CHECK(n.baseline_months == 0);
  CHECK_FALSE(n.baseline_mean);
  CHECK(n.rag == Rag::None);
}

TEST_CASE("RAG follows the target and the direction of good news", "[ward_stats]") {
  const Series base = with_baseline({10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, 0);
  Theme reduce;
  reduce.target = -0.05;
  CHECK(change_against(9, base.monthly, base.has, base.period, reduce, 0.05).rag == Rag::Green);   // -10%
  CHECK(change_against(10, base.monthly, base.has, base.period, reduce, 0.05).rag == Rag::Amber);  // 0%
  CHECK(change_against(14, base.monthly, base.has, base.period, reduce, 0.05).rag == Rag::Amber);  // p = 0.136
  CHECK(change_against(18, base.monthly, base.has, base.period, reduce, 0.05).rag == Rag::Red);    // p = 0.014

  Theme reporting;  // e.g. hate crime: a rise is good
  reporting.rise_is_good = true;
  CHECK(change_against(12, base.monthly, base.has, base.period, reporting, 0.05).rag == Rag::Green);
  CHECK(change_against(5, base.monthly, base.has, base.period, reporting, 0.05).rag == Rag::Amber);  // p = 0.067
  CHECK(change_against(2, base.monthly, base.has, base.period, reporting, 0.05).rag == Rag::Red);    // p = 0.0028
  CHECK_THAT(change_against(2, base.monthly, base.has, base.period, reporting, 0.05).p_value,
             WithinRel(std::exp(-10.0) * (1 + 10 + 50), 1e-12));
}

TEST_CASE("a quarter's baseline is the monthly mean scaled to three months", "[ward_stats]") {
  Theme theme;
  const Period q = parse_period("2017-Q2");  // window 2016-04..2017-06: 15 months
  std::vector<std::uint64_t> monthly(15, 4);
  std::vector<bool> has(15, true);
  const ChangeStats c = change_against(12, monthly, has, q, theme, 0.05);
  CHECK_THAT(*c.baseline_mean, WithinAbs(12.0, 1e-12));
  CHECK_THAT(*c.baseline_sd, WithinAbs(0.0, 1e-12));
  CHECK(*c.previous == 12);      // 2017-01..03
  CHECK(*c.year_earlier == 12);  // 2016-04..06
  CHECK(c.direction == Direction::Same);
}

TEST_CASE("ward counts, ranks with ties, rates and area totals", "[ward_stats]") {
  Theme asb;
  asb.id = "asb";
  Theme vio;
  vio.id = "violence";
  const Period p = parse_period("2017-04");
  std::vector<Incident> incidents;
  auto add = [&](std::uint32_t ward, Month m, ThemeMask themes, int n) {
    for (int i = 0; i < n; ++i) {
      Incident inc;
      inc.ward = ward;
      inc.month = m;
      inc.themes = themes;
      incidents.push_back(inc);
    }
  };
  const Month now = make_month(2017, 4);
  add(0, now, 0b01, 5);
  add(1, now, 0b11, 5);  // counts in both themes
  add(2, now, 0b01, 7);
  add(2, now - 1, 0b01, 3);
  add(0, now - 12, 0b10, 2);
  add(kNoWard, now, 0b01, 9);  // not in a ward: ignored
  const std::vector<std::optional<double>> pop = {2500.0, 5000.0, std::nullopt};
  const WardStats s = compute_ward_stats(incidents, 3, pop, {asb, vio}, p, 0.05);
  CHECK(s.wards[0][0].count == 5);
  CHECK(s.wards[0][1].count == 5);
  CHECK(s.wards[0][2].count == 7);
  CHECK(s.wards[0][2].rank == 1);
  CHECK(s.wards[0][0].rank == 2);
  CHECK(s.wards[0][1].rank == 2);  // tie shares the rank
  CHECK(s.wards[1][1].count == 5);
  CHECK(s.wards[1][0].count == 0);
  CHECK(s.wards[1][0].rank == 2);
  CHECK_THAT(*s.wards[0][0].rate_per_1000, WithinAbs(2.0, 1e-12));
  CHECK_THAT(*s.wards[0][1].rate_per_1000, WithinAbs(1.0, 1e-12));
  CHECK_FALSE(s.wards[0][2].rate_per_1000);
  CHECK(s.totals[0].count == 17);
  CHECK(*s.totals[0].previous == 3);
  CHECK_FALSE(s.totals[0].rate_per_1000);  // one ward has no population
  CHECK(s.totals[1].count == 5);
  CHECK(*s.totals[1].year_earlier == 2);
  // Months with data: the period, the month before and a year earlier only.
  CHECK(s.month_has_data[12]);
  CHECK(s.month_has_data[11]);
  CHECK(s.month_has_data[0]);
  CHECK_FALSE(s.month_has_data[5]);
  CHECK(s.totals[0].baseline_months == 2);
}

TEST_CASE("no percentage from a base under kMinPercentBase, but the test still runs", "[ward_stats]") {
  const Theme theme;
  // Baseline mean 1, last month 1, now 12: "+1100%" would mislead, so no percentage.
  const Series small = with_baseline({1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 12);
  const ChangeStats c = change_against(12, small.monthly, small.has, small.period, theme, 0.05);
  CHECK_FALSE(c.change_previous);
  CHECK_FALSE(c.change_baseline);
  CHECK(c.direction == Direction::Rise);
  CHECK(c.significant);  // P(X >= 12 | 1) is about 1e-9
  // From nothing: no percentage either ("new" in words).
  const Series none = with_baseline({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 6);
  CHECK_FALSE(change_against(6, none.monthly, none.has, none.period, theme, 0.05).change_baseline);
  // At the minimum base the percentage is given: 5 -> 6 is +20%.
  const Series at_min = with_baseline({5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, 6);
  const ChangeStats m = change_against(6, at_min.monthly, at_min.has, at_min.period, theme, 0.05);
  REQUIRE(m.change_baseline);
  CHECK_THAT(*m.change_baseline, WithinRel(0.2, 1e-12));
  REQUIRE(m.change_previous);
  CHECK_THAT(*m.change_previous, WithinRel(0.2, 1e-12));
}
