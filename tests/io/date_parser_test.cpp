// Dates and times from extracts.
#include <catch2/catch.hpp>

#include "io/date_parser.hpp"

using namespace hotspot;

TEST_CASE("ISO dates and date-times in auto mode", "[date]") {
  ParsedDate d;
  REQUIRE(parse_date("2017-04", "auto", d));
  CHECK(d.month == make_month(2017, 4));
  CHECK(d.day == 0);
  CHECK(d.minute == -1);
  REQUIRE(parse_date("2017-04-09", "auto", d));
  CHECK(d.day == 9);
  CHECK(d.minute == -1);
  REQUIRE(parse_date("2017-04-09 23:15", "auto", d));
  CHECK(d.minute == 23 * 60 + 15);
  REQUIRE(parse_date("2017-04-09T07:05:30Z", "auto", d));
  CHECK(d.minute == 7 * 60 + 5);
  REQUIRE(parse_date("2017-04-09T07:05:30.250+01:00", "auto", d));
  CHECK(d.day == 9);
  REQUIRE(parse_date(" 2016-02-29 ", "auto", d));  // leap day, spaces trimmed
  CHECK(d.day == 29);
  for (const char* bad : {"2017-02-29", "2017-13-01", "2017-04-31", "2017-04-09 25:00", "2017-04-09 12:60",
                          "09/04/2017", "2017-04-09x", "", "not a date"}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad, "auto", d));
  }
}

TEST_CASE("explicit formats", "[date]") {
  ParsedDate d;
  REQUIRE(parse_date("09/04/2017 23:15", "%d/%m/%Y %H:%M", d));
  CHECK(d.month == make_month(2017, 4));
  CHECK(d.day == 9);
  CHECK(d.minute == 23 * 60 + 15);
  REQUIRE(parse_date("2017-04", "%Y-%m", d));
  CHECK(d.day == 0);
  REQUIRE(parse_date("9/4/2017", "%d/%m/%Y", d));
  CHECK(d.day == 9);
  CHECK_FALSE(parse_date("31/31/2025 25:99", "%d/%m/%Y %H:%M", d));
  CHECK_FALSE(parse_date("2017-04-09", "%d/%m/%Y", d));
  std::int16_t minute = 0;
  REQUIRE(parse_time_of_day("7:05", minute));
  CHECK(minute == 425);
  REQUIRE(parse_time_of_day("23:59:59", minute));
  CHECK(minute == 1439);
  CHECK_FALSE(parse_time_of_day("24:00", minute));
  CHECK_FALSE(parse_time_of_day("noon", minute));
}
