#include "attack/deducible.hpp"

#include <cctype>

namespace hotspot::attack {

std::vector<std::string> deducible_warnings(const Manifest& m) {
  std::vector<std::string> out;
  for (const std::string& w : m.warnings) {
    std::string l = w;
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l.find("deduc") != std::string::npos || l.find("worked out") != std::string::npos ||
        l.find("worked back") != std::string::npos)
      out.push_back(w);
  }
  return out;
}

}  // namespace hotspot::attack
