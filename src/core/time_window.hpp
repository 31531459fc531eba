#pragma once
// Times of the week: named windows such as the night-time economy, and the
// day of the week of a date. Pure value types, no I/O.
//
// A window is a set of days and a daily span [start, end) in minutes of the
// day. When end <= start the span crosses midnight and belongs to the day it
// starts on: "Fri, Sat 22:30-03:30" holds Friday 23:00 and Saturday 02:00 (the
// Friday night), and Sunday 02:00 (the Saturday night), but not Friday 02:00.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/incident.hpp"
#include "core/period.hpp"
#include "core/theme.hpp"

namespace hotspot {

// Days since 1970-01-01 (proleptic Gregorian), for differences between dates.
long day_number(Month month, int day);

// From/to records longer than this spread evenly over the week anyway.
inline constexpr long kMaxSpanMinutes = 7 * 1440;

// 0 = Monday .. 6 = Sunday (ISO 8601 order).
int weekday(Month month, int day);
std::string_view weekday_name(int weekday);  // "Mon" .. "Sun"
int parse_weekday(std::string_view name);    // "Mon", "monday", "FRI" ...; -1 when not a day

struct TimeWindow {
  std::string id;                  // snake_case, e.g. "nte"
  std::string label;               // e.g. "night-time economy"
  std::array<bool, 7> days{};      // by weekday(), Monday first
  int start = 0, end = 0;          // minutes of the day; end <= start crosses midnight
  std::vector<std::string> themes; // the themes it filters

  bool contains(int day_of_week, int minute_of_day) const;
  std::string describe() const;    // "Fri, Sat 22:30-03:30"
};

// The window themes an incident counts in: those whose base theme it is in and
// whose window holds its time (the middle of its span for a from/to record).
// None when its time is unknown.
ThemeMask window_theme_bits(const std::vector<Theme>& themes, const std::vector<TimeWindow>& windows,
                            const Incident& incident);

// The partnership plans' two windows, used when a config names none:
// the night-time economy (Fri, Sat 22:30-03:30) for violence, and the hours
// after school (Mon-Fri 15:00-19:00) for ASB.
std::vector<TimeWindow> default_time_windows();

}  // namespace hotspot
