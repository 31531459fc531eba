#pragma once
// Streets and places by name: the street, block or address column of a force
// extract, or police.uk's `Location` ("On or near Market Place"), read to a
// name ("Market Place") and interned, so an incident carries a 4-byte id
// (Incident::street), never a string.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hotspot {

constexpr std::uint32_t kNoStreet = 0xffffffffu;

// The name in a street column: surrounding spaces trimmed, and a leading "On
// or near " (police.uk) or "Near " dropped, in any case. Empty when nothing is
// left, or for police.uk's "No Location" (then the incident has no street).
std::string_view street_name(std::string_view raw);

// police.uk's generic map-point names ("Supermarket", "Parking Area",
// "Petrol Station", ...; any case): one name shared by unrelated places, so a
// place of that name is each map point, not the name.
bool generic_place(std::string_view name);

// Interned names. Two spellings that differ only in ASCII case are one name,
// written as first met ("Sports/recreation Area" and "Sports/Recreation Area").
class StreetNames {
 public:
  std::uint32_t intern(std::string_view name);
  const std::string& name(std::uint32_t id) const { return names_[id]; }
  std::size_t size() const { return names_.size(); }
  // The same name's key in any case: what orders names when nothing else does.
  const std::string& key(std::uint32_t id) const { return keys_[id]; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_, keys_;
  std::unordered_map<std::string, std::uint32_t> index_;  // by key
  // By exact spelling, looked up without a copy: most rows repeat a spelling already met.
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> spelled_;
};

}  // namespace hotspot
