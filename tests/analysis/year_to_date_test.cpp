// Year to date, rolling 12 months and the status against target, on
// hand-worked cases.
#include <catch2/catch.hpp>

#include "analysis/poisson.hpp"
#include "analysis/year_to_date.hpp"

using namespace hotspot;

TEST_CASE("year to date starts in the financial year's first month", "[year_to_date]") {
  const Period march{make_month(2017, 3), make_month(2017, 3), ""};
  const Period april{make_month(2017, 4), make_month(2017, 4), ""};
  // March closes the year that started in April 2016: twelve months.
  CHECK(march.year_to_date(4).first == make_month(2016, 4));
  CHECK(march.year_to_date(4).last == make_month(2017, 3));
  // April opens a new one: one month.
  CHECK(april.year_to_date(4).first == make_month(2017, 4));
  CHECK(april.year_to_date(4).months() == 1);
  // A calendar year (January) and a quarter ending in June.
  CHECK(march.year_to_date(1).first == make_month(2017, 1));
  const Period q1{make_month(2017, 4), make_month(2017, 6), ""};
  CHECK(q1.year_to_date(4).first == make_month(2017, 4));
  CHECK(q1.year_to_date(4).last == make_month(2017, 6));

  const CumulativePeriods p = cumulative_periods(march, 4);
  CHECK(p.ytd_before.first == make_month(2015, 4));
  CHECK(p.ytd_before.last == make_month(2016, 3));
  CHECK(p.rolling.first == make_month(2016, 4));
  CHECK(p.rolling_before.first == make_month(2015, 4));
  CHECK(p.rolling_before.last == make_month(2016, 3));
}

TEST_CASE("year to date sums the right months per ward and for the area", "[year_to_date]") {
  Theme asb;
  asb.id = "asb";
  asb.target_ytd = -0.03;
  std::vector<Incident> incidents;
  const auto add = [&](int year, int month, std::uint32_t ward, int n) {
    for (int i = 0; i < n; ++i) {
      Incident inc;
      inc.month = make_month(year, month);
      inc.ward = ward;
      inc.themes = 1;
      incidents.push_back(inc);
    }
  };
  // Every month of 2015-04..2017-04 has data (one incident in ward 1).
  for (Month m = make_month(2015, 4); m <= make_month(2017, 4); ++m) add(month_year(m), month_of_year(m), 1, 1);
  add(2017, 3, 0, 10);  // in March 2017: counted by a March pack's year to date
  add(2017, 4, 0, 7);   // in April 2017: not in it
  add(2016, 3, 0, 4);   // a year earlier
  add(2016, 4, 0, 2);   // a year earlier, in a new year
  const Period march{make_month(2017, 3), make_month(2017, 3), ""};
  const CumulativeWardStats s = compute_cumulative_stats(incidents, 2, {asb}, cumulative_periods(march, 4), 0.05);
  CHECK(*s.wards[0][0].ytd.now == 10 + 2);  // March 2017 and April 2016
  CHECK(*s.wards[0][0].ytd.before == 4);     // March 2016
  CHECK(*s.wards[0][1].ytd.now == 12);
  CHECK(*s.totals[0].ytd.now == 24);
  CHECK(*s.totals[0].ytd.before == 16);
  CHECK(*s.totals[0].rolling.now == 24);  // in March, the year to date is the rolling year

  const Period april{make_month(2017, 4), make_month(2017, 4), ""};
  const CumulativeWardStats a = compute_cumulative_stats(incidents, 2, {asb}, cumulative_periods(april, 4), 0.05);
  CHECK(*a.wards[0][0].ytd.now == 7);    // April alone
  CHECK(*a.wards[0][0].ytd.before == 2);
  CHECK(*a.wards[0][0].rolling.now == 17);  // May 2016..April 2017
  // The rolling year before reaches back to May 2015: every month has data.
  CHECK(*a.wards[0][0].rolling.before == 4 + 2);

  // A month without data in a sum: no comparison.
  const Period later{make_month(2017, 6), make_month(2017, 6), ""};
  const CumulativeWardStats l = compute_cumulative_stats(incidents, 2, {asb}, cumulative_periods(later, 4), 0.05);
  CHECK_FALSE(l.totals[0].ytd.now.has_value());
  CHECK(l.totals[0].ytd.status == Rag::None);
}

TEST_CASE("status against target follows the rule", "[year_to_date]") {
  // Target: 3% fewer. 100 -> 97 meets it exactly: green.
  CHECK(compare_to_target(97, 100, -0.03, false, 0.05).status == Rag::Green);
  CHECK(compare_to_target(90, 100, -0.03, false, 0.05).status == Rag::Green);
  // 100 -> 100 misses it by 3, well within chance: amber.
  const TargetComparison amber = compare_to_target(100, 100, -0.03, false, 0.05);
  CHECK(amber.status == Rag::Amber);
  CHECK(amber.p_value == Approx(poisson_upper_tail(100, 97.0)));
  CHECK(*amber.change == Approx(0.0));
  // 100 -> 125: P(X >= 125 | 97) is about 0.004: red.
  const TargetComparison red = compare_to_target(125, 100, -0.03, false, 0.05);
  CHECK(red.status == Rag::Red);
  CHECK(red.p_value < 0.05);
  CHECK(*red.change == Approx(0.25));
  // No target: judged against no change.
  CHECK(compare_to_target(100, 100, std::nullopt, false, 0.05).status == Rag::Green);
  CHECK(compare_to_target(101, 100, std::nullopt, false, 0.05).status == Rag::Amber);
  // A rise is good (more reporting): a 5% rise wanted; a fall is the bad way.
  CHECK(compare_to_target(106, 100, 0.05, true, 0.05).status == Rag::Green);
  CHECK(compare_to_target(102, 100, 0.05, true, 0.05).status == Rag::Amber);
  CHECK(compare_to_target(70, 100, 0.05, true, 0.05).status == Rag::Red);
  // A small base: no percentage, but a status from the counts.
  const TargetComparison small = compare_to_target(3, 2, -0.03, false, 0.05);
  CHECK_FALSE(small.change.has_value());
  CHECK(small.status == Rag::Amber);
  // Nothing to compare with.
  CHECK(compare_to_target(3, std::nullopt, -0.03, false, 0.05).status == Rag::None);
}
