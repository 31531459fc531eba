// Periods: the four forms, and the comparison windows derived from them.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/period.hpp"

using namespace hotspot;

TEST_CASE("periods parse in all four forms", "[period]") {
  const Period m = parse_period("2017-04");
  CHECK(m.first == make_month(2017, 4));
  CHECK(m.last == make_month(2017, 4));
  const Period q = parse_period("2017-Q2");
  CHECK(format_month(q.first) == "2017-04");
  CHECK(format_month(q.last) == "2017-06");
  const Period fy = parse_period("FY2017");
  CHECK(format_month(fy.first) == "2017-04");
  CHECK(format_month(fy.last) == "2018-03");
  CHECK(fy.months() == 12);
  const Period r = parse_period("2017-01..2017-06");
  CHECK(r.months() == 6);
  CHECK(r.range_text() == "2017-01..2017-06");
  for (const char* bad : {"2017-13", "2017-00", "2017-Q5", "FY17", "2017-06..2017-01", "", "April 2017", "2017-4"}) {
    INFO(bad);
    try {
      parse_period(bad);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Usage);
    }
  }
}

TEST_CASE("comparison windows: previous, a year earlier, baseline, data window", "[period]") {
  const Period jan = parse_period("2017-01");
  CHECK(format_month(jan.previous().first) == "2016-12");
  CHECK(format_month(jan.year_earlier().first) == "2016-01");
  CHECK(format_month(jan.baseline().first) == "2016-01");
  CHECK(format_month(jan.baseline().last) == "2016-12");
  CHECK(jan.needed_window().months() == 13);
  const Period q1 = parse_period("2018-Q1");
  CHECK(q1.previous().range_text() == "2017-10..2017-12");
  CHECK(q1.year_earlier().range_text() == "2017-01..2017-03");
  CHECK(q1.needed_window().range_text() == "2017-01..2018-03");
  const Period long_range = parse_period("2016-01..2017-06");  // 18 months: previous reaches further back
  CHECK(long_range.previous().range_text() == "2014-07..2015-12");
  CHECK(long_range.needed_window().first == long_range.previous().first);
  CHECK(month_year(make_month(2017, 12)) == 2017);
  CHECK(month_of_year(make_month(2017, 12)) == 12);
}
