#include "io/icalendar_writer.hpp"

namespace hotspot {

std::string ical_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (c != '\r') out += c;
  }
  return out;
}

std::string ical_fold(const std::string& line) {
  // At most 75 octets a line; a continuation starts with one space (which counts).
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = 1;  // the UTF-8 character starting at i
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    len = std::min(len, line.size() - i);
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line, i, len);
    width += len;
    i += len;
  }
  return out + "\r\n";
}

std::string to_icalendar(const std::vector<CalendarEvent>& events, const std::string& prodid,
                         const std::string& dtstamp_utc) {
  std::string out = ical_fold("BEGIN:VCALENDAR") + ical_fold("VERSION:2.0") + ical_fold("PRODID:" + prodid) +
                    ical_fold("CALSCALE:GREGORIAN");
  for (const CalendarEvent& e : events) {
    out += ical_fold("BEGIN:VEVENT");
    out += ical_fold("UID:" + e.uid);
    out += ical_fold("DTSTAMP:" + dtstamp_utc);
    out += ical_fold("DTSTART:" + e.start);
    out += ical_fold("DTEND:" + e.end);
    out += ical_fold("SUMMARY:" + ical_escape(e.summary));
    if (!e.location.empty()) out += ical_fold("LOCATION:" + ical_escape(e.location));
    if (!e.description.empty()) out += ical_fold("DESCRIPTION:" + ical_escape(e.description));
    out += ical_fold("END:VEVENT");
  }
  return out + ical_fold("END:VCALENDAR");
}

}  // namespace hotspot
