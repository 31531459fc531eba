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

bool parse_month(std::string_view s, Month& out) {
  if (s.size() != 7 || s[4] != '-') return false;
  int y = 0, m = 0;
  if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), m)) return false;
  if (m < 1 || m > 12 || y < 1900 || y > 2200) return false;
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

std::string Period::range_text() const {
  if (first == last) return format_month(first);
  return format_month(first) + ".." + format_month(last);
}

Period parse_period(std::string_view text) {
  Period p;
  p.label = std::string(text);
  if (const auto dots = text.find(".."); dots != std::string_view::npos) {
    if (!parse_month(text.substr(0, dots), p.first) ||
        !parse_month(text.substr(dots + 2), p.last))
      fail(text);
    if (p.last < p.first)
      throw usage_error("period", fmt::format("period '{}' ends before it starts", text));
    return p;
  }
  if (text.size() == 6 && (text[0] == 'F' || text[0] == 'f') && (text[1] == 'Y' || text[1] == 'y')) {
    int y = 0;
    if (!parse_int(text.substr(2), y) || y < 1900 || y > 2200) fail(text);
    p.first = make_month(y, 4);
    p.last = make_month(y + 1, 3);
    return p;
  }
  if (text.size() == 7 && (text[5] == 'Q' || text[5] == 'q') && text[4] == '-') {
    int y = 0, q = 0;
    if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(6, 1), q) || q < 1 || q > 4)
      fail(text);
    p.first = make_month(y, 3 * (q - 1) + 1);
    p.last = p.first + 2;
    return p;
  }
  if (!parse_month(text, p.first)) fail(text);
  p.last = p.first;
  return p;
}

}  // namespace hotspot
