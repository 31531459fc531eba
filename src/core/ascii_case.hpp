#pragma once
// Case folding for keys read from inputs and the config (column names, street
// names, weekdays): ASCII only, byte by byte, so a UTF-8 name is left as it is
// and no locale changes what a key matches.
#include <cctype>
#include <string>
#include <string_view>

namespace hotspot {

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace hotspot
