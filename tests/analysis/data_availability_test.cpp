// Honest "no data": themes that cannot match the inputs, and months with no
// rows (the runs that report them: app/pack/availability_run_test.cpp).
#include <catch2/catch.hpp>

#include "analysis/data_availability.hpp"
#include "test_support.hpp"

using namespace hotspot;

TEST_CASE("a theme needing an unmapped flag or an unused category has no data", "[availability]") {
  Taxonomy tax;
  tax.known_categories = {"Anti-social behaviour", "Violence and sexual offences", "Burglary"};
  const Theme hate = test::theme("hate", "Hate crime", {ThemeRule{{}, {}, "hate"}});
  const Theme fraud = test::theme("fraud", "Fraud", {ThemeRule{{"Fraud*"}, {}, ""}});
  const Theme vawg = test::theme("vawg", "VAWG", {ThemeRule{{}, {}, "domestic_abuse"},
                                                  ThemeRule{{"violence*"}, {}, ""}});
  const Theme asb = test::theme("asb", "ASB", {ThemeRule{{"Anti-social behaviour"}, {}, ""}});

  const ThemeAvailability h = theme_availability(hate, tax, {});
  CHECK_FALSE(h.possible);
  CHECK(h.reason == "needs the flag 'hate', which no input maps");
  CHECK(theme_availability(hate, tax, {"hate"}).possible);

  const ThemeAvailability f = theme_availability(fraud, tax, {});
  CHECK_FALSE(f.possible);
  CHECK(f.reason == "matches categories (Fraud*) that the taxonomy's source never uses");
  // One rule that can match is enough (the category wildcard, case-insensitive).
  const ThemeAvailability v = theme_availability(vawg, tax, {});
  CHECK(v.possible);
  CHECK(v.partial == std::vector<std::string>{"needs the flag 'domestic_abuse', which no input maps"});
  CHECK(theme_availability(asb, tax, {}).possible);
  // A taxonomy that does not list its categories cannot rule a category out.
  CHECK(theme_availability(fraud, Taxonomy{}, {}).possible);
}

TEST_CASE("months of a window without any row", "[availability]") {
  const Period baseline{make_month(2016, 1), make_month(2016, 12), "baseline"};
  std::vector<Month> months;
  for (int m = 1; m <= 12; ++m)
    if (m != 3 && m != 7) months.insert(months.end(), 5, make_month(2016, m));
  months.push_back(make_month(2017, 3));  // outside the window: no effect
  CHECK(months_without_rows(baseline, months) == std::vector<Month>{make_month(2016, 3), make_month(2016, 7)});
  CHECK(months_without_rows(baseline, {}).size() == 12);
}
