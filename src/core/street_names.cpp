#include "core/street_names.hpp"

#include <array>
#include <cctype>

#include "core/ascii_case.hpp"

namespace hotspot {
namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view street_name(std::string_view raw) {
  std::string_view s = trimmed(raw);
  for (const std::string_view prefix : {std::string_view("on or near"), std::string_view("near")})
    if (starts_with_ci(s, prefix) &&
        (s.size() == prefix.size() || std::isspace(static_cast<unsigned char>(s[prefix.size()])))) {
      s = trimmed(s.substr(prefix.size()));
      break;
    }
  if (ascii_lower(s) == "no location") return {};
  return s;
}

bool generic_place(std::string_view name) {
  // police.uk's map points that are not on a named street carry the kind of place.
  static const std::array<std::string_view, 20> kGeneric{
      "supermarket", "shopping area", "parking area", "petrol station", "sports/recreation area",
      "pedestrian subway", "nightclub", "further/higher educational building", "hospital", "bus/coach station",
      "police station", "park/open space", "conference/exhibition centre", "theatre/concert hall", "ferry terminal",
      "airport/airfield", "theme/adventure park", "prison", "sports/recreation centre", "shopping centre"};
  const std::string f = ascii_lower(trimmed(name));
  for (const std::string_view g : kGeneric)
    if (f == g) return true;
  return false;
}

std::uint32_t StreetNames::intern(std::string_view name) {
  if (const auto spelled = spelled_.find(name); spelled != spelled_.end()) return spelled->second;
  std::string key = ascii_lower(name);
  std::uint32_t id = 0;
  if (const auto it = index_.find(key); it != index_.end()) {
    id = it->second;
  } else {
    id = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(name);
    index_.emplace(key, id);
    keys_.push_back(std::move(key));
  }
  spelled_.emplace(std::string(name), id);
  return id;
}

}  // namespace hotspot
