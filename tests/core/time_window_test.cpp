// Time windows, weekdays and the day-of-week by hour profile, against dates
// and hand-worked answers.
#include <catch2/catch.hpp>

#include "analysis/time_profile.hpp"
#include "core/time_window.hpp"

using namespace hotspot;
using Catch::Matchers::WithinAbs;

namespace {

Incident at(int year, int month, int day, int hour, int minute, std::int32_t span = 0) {
  Incident i;
  i.month = make_month(year, month);
  i.day = static_cast<std::int16_t>(day);
  i.minute = static_cast<std::int16_t>(hour * 60 + minute);
  i.span = span;
  return i;
}

}  // namespace

TEST_CASE("weekday of known dates", "[time]") {
  CHECK(weekday(make_month(1970, 1), 1) == 3);   // Thursday
  CHECK(weekday(make_month(2017, 12), 1) == 4);  // Friday
  CHECK(weekday(make_month(2024, 2), 29) == 3);  // Thursday, a leap day
  CHECK(weekday(make_month(2000, 1), 1) == 5);   // Saturday
  CHECK(weekday(make_month(1969, 12), 31) == 2); // Wednesday, before the epoch
  CHECK(day_number(make_month(2017, 12), 2) - day_number(make_month(2017, 11), 30) == 2);
  CHECK(parse_weekday("Fri") == 4);
  CHECK(parse_weekday("saturday") == 5);
  CHECK(parse_weekday("Fr") == -1);
  CHECK(parse_weekday("Frx") == -1);
}

TEST_CASE("a window across midnight belongs to the night it starts on", "[time]") {
  const TimeWindow nte = default_time_windows()[0];
  CHECK(nte.describe() == "Fri, Sat 22:30-03:30");
  CHECK(nte.contains(4, 23 * 60));        // Friday 23:00
  CHECK(nte.contains(5, 2 * 60));         // Saturday 02:00: Friday night
  CHECK(nte.contains(6, 3 * 60 + 29));    // Sunday 03:29: Saturday night
  CHECK_FALSE(nte.contains(6, 3 * 60 + 30));
  CHECK_FALSE(nte.contains(4, 2 * 60));   // Friday 02:00: Thursday night
  CHECK_FALSE(nte.contains(4, 22 * 60 + 29));
  const TimeWindow school = default_time_windows()[1];
  CHECK(school.contains(0, 15 * 60));
  CHECK_FALSE(school.contains(0, 19 * 60));
  CHECK_FALSE(school.contains(5, 16 * 60));  // Saturday
}

TEST_CASE("window themes: a theme's incidents in the window, by the middle of a span", "[time]") {
  std::vector<Theme> themes(2);
  themes[0].id = "violence";
  themes[1].id = "violence_nte";
  themes[1].base = 0;
  themes[1].window = 0;
  const std::vector<TimeWindow> windows = {default_time_windows()[0]};
  Incident fri = at(2017, 12, 1, 23, 0);  // Friday 1 December 2017
  fri.themes = 1;
  CHECK(window_theme_bits(themes, windows, fri) == 0b10);
  Incident other = fri;
  other.themes = 0;  // not violence
  CHECK(window_theme_bits(themes, windows, other) == 0);
  Incident unknown = fri;
  unknown.minute = -1;
  CHECK(window_theme_bits(themes, windows, unknown) == 0);
  // Friday 20:00 to 02:00: the middle, 23:00, is in the window; 12:00 to 18:00 is not.
  Incident spanned = at(2017, 12, 1, 20, 0, 360);
  spanned.themes = 1;
  CHECK(window_theme_bits(themes, windows, spanned) == 0b10);
  Incident day = at(2017, 12, 1, 12, 0, 360);
  day.themes = 1;
  CHECK(window_theme_bits(themes, windows, day) == 0);
}

TEST_CASE("time profile: hours, aoristic spans across midnight and the week's end, unknown times apart", "[time]") {
  const Incident a = at(2017, 12, 1, 23, 0);        // Fri 23:00
  const Incident b = at(2017, 12, 1, 23, 30, 60);   // Fri 23:30 - Sat 00:30: half each
  const Incident c = at(2017, 12, 3, 23, 45, 180);  // Sun 23:45 - Mon 02:45: 15 + 60 + 60 + 45 minutes
  Incident d = at(2017, 12, 4, 10, 0);
  d.minute = -1;                                    // no time
  const TimeProfile p = time_profile({&a, &b, &c, &d});
  CHECK(p.timed == 3);
  CHECK(p.spread == 2);
  CHECK(p.unknown == 1);
  CHECK_THAT(p.at(4, 23), WithinAbs(1.5, 1e-12));
  CHECK_THAT(p.at(5, 0), WithinAbs(0.5, 1e-12));
  CHECK_THAT(p.at(6, 23), WithinAbs(15.0 / 180, 1e-12));
  CHECK_THAT(p.at(0, 0), WithinAbs(60.0 / 180, 1e-12));
  CHECK_THAT(p.at(0, 1), WithinAbs(60.0 / 180, 1e-12));
  CHECK_THAT(p.at(0, 2), WithinAbs(45.0 / 180, 1e-12));
  double sum = 0;
  for (double v : p.cells) sum += v;
  CHECK_THAT(sum, WithinAbs(3.0, 1e-12));  // each timed incident counts 1
}
