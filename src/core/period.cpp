#include "core/period.hpp"

#include <charconv>
#include <fmt/format.h>

#include "core/error.hpp"

namespace hotspot {
namespace {

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// A four-digit year; from_chars alone would take "-001".
bool parse_year(std::string_view s, int& out) {
  if (s.size() != 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return parse_int(s, out);
}

void check_year(int y, std::string_view text) {
  if (y < kMinYear || y > kMaxYear)
    throw usage_error("period", fmt::format("'{}': the year {} is outside {}..{}. Use a month (2017-04), a quarter "
                                            "(2017-Q2), a financial year (FY2017) or a range (2017-01..2017-06).",
                                            text, y, kMinYear, kMaxYear));
}

bool parse_month(std::string_view s, Month& out, std::string_view text) {
  if (s.size() != 7 || s[4] != '-') return false;
  int y = 0, m = 0;
  if (!parse_year(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), m)) return false;
  if (m < 1 || m > 12) return false;
  check_year(y, text);
  out = make_month(y, m);
  return true;
}

[[noreturn]] void fail(std::string_view text) {
  throw usage_error("period", fmt::format(
      "'{}' is not a period. Use a month (2017-04), a quarter (2017-Q2), a financial year "
      "(FY2017 = April 2017 to March 2018) or a range (2017-01..2017-06).", text));
}

}  // namespace

std::string format_month(Month m) {
  return fmt::format("{:04d}-{:02d}", month_year(m), month_of_year(m));
}

Period Period::previous() const {
  return Period{first - months(), first - 1, ""};
}

Period Period::year_earlier() const { return Period{first - 12, last - 12, ""}; }

Period Period::baseline() const { return Period{first - 12, first - 1, ""}; }

Period Period::needed_window() const {
  const int back = months() > 12 ? months() : 12;
  return Period{first - back, last, ""};
}

Period Period::year_to_date(int year_start_month) const {
  const int back = (month_of_year(last) - year_start_month + 12) % 12;  // months since the year started
  return Period{last - back, last, ""};
}

Period Period::rolling_year() const { return Period{last - 11, last, ""}; }

std::string Period::range_text() const {
  if (first == last) return format_month(first);
  return format_month(first) + ".." + format_month(last);
}

Period parse_period(std::string_view text) {
  Period p;
  p.label = std::string(text);
  if (const auto dots = text.find(".."); dots != std::string_view::npos) {
    if (!parse_month(text.substr(0, dots), p.first, text) ||
        !parse_month(text.substr(dots + 2), p.last, text))
      fail(text);
    if (p.last < p.first)
      throw usage_error("period", fmt::format("period '{}' ends before it starts", text));
    return p;
  }
  if (text.size() == 6 && (text[0] == 'F' || text[0] == 'f') && (text[1] == 'Y' || text[1] == 'y')) {
    int y = 0;
    if (!parse_year(text.substr(2), y)) fail(text);
    check_year(y, text);
    p.first = make_month(y, 4);
    p.last = make_month(y + 1, 3);
    return p;
  }
  if (text.size() == 7 && (text[5] == 'Q' || text[5] == 'q') && text[4] == '-') {
    int y = 0, q = 0;
    if (!parse_year(text.substr(0, 4), y) || !parse_int(text.substr(6, 1), q) || q < 1 || q > 4)
      fail(text);
    check_year(y, text);
    p.first = make_month(y, 3 * (q - 1) + 1);
    p.last = p.first + 2;
    return p;
  }
  if (!parse_month(text, p.first, text)) fail(text);
  p.last = p.first;
  return p;
}

}  // namespace hotspot
