#pragma once
// iCalendar (RFC 5545) text for dated events that partners import into their
// calendars. Floating local times (no time zone: the partnership's own), CRLF
// lines folded at 75 octets without splitting a UTF-8 character, TEXT values
// escaped (backslash, semicolon, comma, newline). DTSTAMP is given by the
// caller, so a rerun writes the same bytes.
#include <string>
#include <vector>

namespace hotspot {

struct CalendarEvent {
  std::string uid;          // stable: the same event keeps its UID across reruns
  std::string start, end;   // local date-time, "YYYYMMDDTHHMMSS"
  std::string summary, location, description;
};

std::string to_icalendar(const std::vector<CalendarEvent>& events, const std::string& prodid,
                         const std::string& dtstamp_utc /* "YYYYMMDDTHHMMSSZ" */);

// RFC 5545 TEXT escaping and line folding, exposed for tests.
std::string ical_escape(const std::string& text);
std::string ical_fold(const std::string& line);

}  // namespace hotspot
