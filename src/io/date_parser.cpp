#include "io/date_parser.hpp"

namespace hotspot {
namespace {

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Reads up to `max_digits` digits (at least one; exactly `max_digits` for %Y).
bool read_number(std::string_view s, std::size_t& i, int min_digits, int max_digits, int& out) {
  int digits = 0;
  out = 0;
  while (i < s.size() && digits < max_digits && s[i] >= '0' && s[i] <= '9') {
    out = out * 10 + (s[i] - '0');
    ++i;
    ++digits;
  }
  return digits >= min_digits;
}

bool finish(int y, int m, int d, int hh, int mm, int ss, bool have_time, ParsedDate& out) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12) return false;
  if (d != 0 && (d < 1 || d > days_in_month(y, m))) return false;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60) return false;
  out.month = make_month(y, m);
  out.day = static_cast<std::int16_t>(d);
  out.minute = have_time ? static_cast<std::int16_t>(hh * 60 + mm) : std::int16_t{-1};
  return true;
}

bool parse_auto(std::string_view s, ParsedDate& out) {
  std::size_t i = 0;
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
  if (!read_number(s, i, 4, 4, y) || i >= s.size() || s[i++] != '-') return false;
  if (!read_number(s, i, 2, 2, m)) return false;
  if (i == s.size()) return finish(y, m, 0, 0, 0, 0, false, out);
  if (s[i++] != '-' || !read_number(s, i, 2, 2, d)) return false;
  if (i == s.size()) return finish(y, m, d, 0, 0, 0, false, out);
  if (s[i] != 'T' && s[i] != ' ') return false;
  ++i;
  if (!read_number(s, i, 2, 2, hh) || i >= s.size() || s[i++] != ':' ||
      !read_number(s, i, 2, 2, mm))
    return false;
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!read_number(s, i, 2, 2, ss)) return false;
    if (i < s.size() && s[i] == '.') {  // fractional seconds
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
  }
  if (i < s.size() && s[i] != 'Z' && s[i] != '+' && s[i] != '-') return false;
  return finish(y, m, d, hh, mm, ss, true, out);
}

}  // namespace

bool parse_date(std::string_view text, std::string_view format, ParsedDate& out) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (format.empty() || format == "auto") return parse_auto(text, out);
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
  bool have_day = false, have_time = false;
  std::size_t i = 0;
  for (std::size_t f = 0; f < format.size(); ++f) {
    if (format[f] != '%' || f + 1 == format.size()) {
      if (i >= text.size() || text[i] != format[f]) return false;
      ++i;
      continue;
    }
    const char spec = format[++f];
    bool ok = true;
    switch (spec) {
      case 'Y': ok = read_number(text, i, 4, 4, y); break;
      case 'm': ok = read_number(text, i, 1, 2, m); break;
      case 'd': ok = read_number(text, i, 1, 2, d); have_day = true; break;
      case 'H': ok = read_number(text, i, 1, 2, hh); have_time = true; break;
      case 'M': ok = read_number(text, i, 1, 2, mm); break;
      case 'S': ok = read_number(text, i, 1, 2, ss); break;
      case '%': ok = i < text.size() && text[i++] == '%'; break;
      default: return false;
    }
    if (!ok) return false;
  }
  if (i != text.size()) return false;
  if (have_day && d == 0) return false;
  return finish(y, m, d, hh, mm, ss, have_time, out);
}

bool parse_time_of_day(std::string_view text, std::int16_t& minute) {
  std::size_t i = 0;
  int hh = 0, mm = 0, ss = 0;
  if (!read_number(text, i, 1, 2, hh) || i >= text.size() || text[i++] != ':' ||
      !read_number(text, i, 2, 2, mm))
    return false;
  if (i < text.size() && text[i] == ':' && (++i, !read_number(text, i, 2, 2, ss))) return false;
  if (i != text.size() || hh > 23 || mm > 59 || ss > 60) return false;
  minute = static_cast<std::int16_t>(hh * 60 + mm);
  return true;
}

}  // namespace hotspot
