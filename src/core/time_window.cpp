#include "core/time_window.hpp"

#include <cctype>

#include <fmt/format.h>

#include "core/ascii_case.hpp"

namespace hotspot {

namespace {

constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string clock(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

}  // namespace

long day_number(Month month, int day) { return days_from_civil(month_year(month), month_of_year(month), day); }

int weekday(Month month, int day) {
  const long days = day_number(month, day);
  return static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday (3)
}

std::string_view weekday_name(int d) { return kDays[static_cast<std::size_t>(d)]; }

int parse_weekday(std::string_view name) {
  if (name.size() < 3) return -1;
  const std::string lower = ascii_lower(name);
  static constexpr std::array<std::string_view, 7> kFull = {"monday", "tuesday", "wednesday", "thursday",
                                                            "friday", "saturday", "sunday"};
  for (std::size_t i = 0; i < kFull.size(); ++i)
    if (kFull[i].substr(0, lower.size()) == lower) return static_cast<int>(i);
  return -1;
}

bool TimeWindow::contains(int day_of_week, int minute_of_day) const {
  const auto on = [&](int d) { return days[static_cast<std::size_t>((d + 7) % 7)]; };
  if (start < end) return on(day_of_week) && minute_of_day >= start && minute_of_day < end;
  return (on(day_of_week) && minute_of_day >= start) || (on(day_of_week - 1) && minute_of_day < end);
}

std::string TimeWindow::describe() const {
  std::string out;
  for (std::size_t d = 0; d < 7; ++d)
    if (days[d]) out += (out.empty() ? "" : ", ") + std::string(kDays[d]);
  return fmt::format("{} {}-{}", out, clock(start), clock(end));
}

ThemeMask window_theme_bits(const std::vector<Theme>& themes, const std::vector<TimeWindow>& windows,
                            const Incident& incident) {
  if (incident.minute < 0 || incident.day <= 0 || windows.empty()) return 0;
  const long at = day_number(incident.month, incident.day) * 1440 + incident.minute + incident.span / 2;
  const long day = at >= 0 ? at / 1440 : (at - 1439) / 1440;
  const int dow = static_cast<int>(((day % 7) + 7 + 3) % 7);
  const int minute = static_cast<int>(at - day * 1440);
  ThemeMask bits = 0;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    const Theme& th = themes[t];
    if (th.is_window() && (incident.themes & (ThemeMask{1} << th.base)) &&
        windows[static_cast<std::size_t>(th.window)].contains(dow, minute))
      bits |= ThemeMask{1} << t;
  }
  return bits;
}

std::vector<TimeWindow> default_time_windows() {
  TimeWindow nte{"nte", "night-time economy", {false, false, false, false, true, true, false}, 22 * 60 + 30,
                 3 * 60 + 30, {"violence"}};
  TimeWindow school{"after_school", "after school", {true, true, true, true, true, false, false}, 15 * 60, 19 * 60,
                    {"asb"}};
  return {nte, school};
}

}  // namespace hotspot
