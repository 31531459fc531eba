// libFuzzer harness: the date parser (format on the first line, text after it;
// also "auto" and the time-of-day parser) and the period parser.
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "core/period.hpp"
#include "fuzz_support.hpp"
#include "io/date_parser.hpp"

namespace {

using hotspot::fuzz::fail;

void check_date(std::string_view text, std::string_view format) {
  hotspot::ParsedDate d;
  if (!hotspot::parse_date(text, format, d)) return;
  const int y = hotspot::month_year(d.month);
  if (y < 1900 || y > 2200) fail("parse_date accepted a year outside 1900..2200");
  if (d.day < 0 || d.day > 31) fail("parse_date returned an impossible day");
  if (d.minute < -1 || d.minute >= 24 * 60) fail("parse_date returned an impossible time");
}

void check_period(std::string_view text) {
  try {
    const hotspot::Period p = hotspot::parse_period(text);
    if (p.last < p.first) fail("a period ends before it starts");
    if (hotspot::month_year(p.first) < 1900 || hotspot::month_year(p.last) > 2201)
      fail("parse_period accepted a year outside 1900..2200");
    // What we print must read back as the same months (it goes into manifests).
    // FY2200 ends in 2201, past what a month may name, so it is left out.
    if (hotspot::month_year(p.last) <= 2200) {
      const hotspot::Period back = hotspot::parse_period(p.range_text());
      if (back.first != p.first || back.last != p.last) fail("range_text does not read back");
    }
    (void)p.previous().range_text();
    (void)p.needed_window().range_text();
    (void)p.baseline().range_text();
  } catch (const hotspot::Error&) {
    // Not a period: the documented usage error.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = hotspot::fuzz::as_text(data, size);
  const std::size_t nl = input.find('\n');
  if (nl != std::string_view::npos) check_date(input.substr(nl + 1), input.substr(0, nl));
  check_date(input, "auto");
  std::int16_t minute = 0;
  if (hotspot::parse_time_of_day(input, minute) && (minute < 0 || minute >= 24 * 60))
    fail("parse_time_of_day returned an impossible minute");
  check_period(input);
  return 0;
}
