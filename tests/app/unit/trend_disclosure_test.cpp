// The monthly trend charts' disclosure control (app/disclosure/trend_disclosure.hpp):
// the same suppression as the tables, against the ward table's totals.
#include <catch2/catch.hpp>

#include "app/disclosure/trend_disclosure.hpp"

using namespace hotspot;

namespace {
constexpr Month kFirst = make_month(2025, 1);
Period months(int from, int to) { return Period{kFirst + from, kFirst + to, ""}; }
}  // namespace

TEST_CASE("trend disclosure: a month under min_count is withheld and tallied", "[trend_disclosure]") {
  const std::vector<Withheld> w = trend_withheld({7, 3, 0, 9}, kFirst, {}, 5);
  CHECK(w == std::vector<Withheld>{Withheld::No, Withheld::Primary, Withheld::No, Withheld::No});
  const DisclosureTally t = tally_months(w);
  CHECK(t.primary == 1);
  CHECK(t.secondary == 0);
  CHECK(trend_withheld({7, 3, 0, 9}, kFirst, {}, 0) == std::vector<Withheld>(4, Withheld::No));
}

TEST_CASE("trend disclosure: a published baseline total withholds the next smallest month", "[trend_disclosure]") {
  // 7 + 3 + 9 = 19 published: the 3 would come back by subtraction, so the 7 goes too.
  const std::vector<Withheld> w = trend_withheld({7, 3, 9, 12}, kFirst, {{months(0, 2), Withheld::No}}, 5);
  CHECK(w == std::vector<Withheld>{Withheld::Secondary, Withheld::Primary, Withheld::No, Withheld::No});
  CHECK(tally_months(w).secondary == 1);
}

TEST_CASE("trend disclosure: a month that is a total the ward table withheld is withheld", "[trend_disclosure]") {
  // The ward table withheld the period's count ([c]): the chart must not show the month it equals.
  const std::vector<Withheld> w = trend_withheld({7, 8, 9}, kFirst, {{months(2, 2), Withheld::Secondary}}, 5);
  CHECK(w[2] == Withheld::Secondary);
  CHECK(w[0] == Withheld::No);
  // A total reaching outside the chart's months is no constraint on them.
  CHECK(trend_withheld({7, 8, 9}, kFirst, {{months(2, 3), Withheld::Secondary}}, 5) == std::vector<Withheld>(3, Withheld::No));
}
