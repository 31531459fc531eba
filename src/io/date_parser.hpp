#pragma once
// Dates and date-times from incident extracts. A format uses %Y %m %d %H %M %S
// and literal characters; "auto" accepts ISO forms: YYYY-MM, YYYY-MM-DD and
// YYYY-MM-DD[T ]HH:MM[:SS], optionally followed by a zone suffix (ignored).
#include <cstdint>
#include <string>
#include <string_view>

#include "core/period.hpp"

namespace hotspot {

struct ParsedDate {
  Month month = 0;
  std::int16_t day = 0;      // 0 when only the month is known
  std::int16_t minute = -1;  // -1 when the time of day is unknown
};

// Returns false when the text does not follow the format or names an
// impossible date or time (month 13, 31 April, 25:00).
bool parse_date(std::string_view text, std::string_view format, ParsedDate& out);

// Minute of day from "HH:MM" or "HH:MM:SS" (for a separate time column).
bool parse_time_of_day(std::string_view text, std::int16_t& minute);

}  // namespace hotspot
