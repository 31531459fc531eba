#pragma once
// Streets and places as a tasking group names them: each incident's street
// name (core/street_names.hpp) tied to where it was recorded, so that one name
// used in two parts of an area ("High Street" in two towns) is two places,
// and police.uk's generic map points ("Supermarket") are each their own place.
//
// A place is one name and the points (snapped to 10 m) carrying it that chain
// together with steps of at most `link_m` metres (single linkage); a generic
// name is a place per point. Each place is named by the ward holding most of
// its incidents, and its busiest point locates it.
//
// Deterministic: places are numbered by name id, then by their first point in
// (x, y) order.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/incident.hpp"
#include "core/street_names.hpp"

namespace hotspot {

constexpr std::uint32_t kNoPlace = 0xffffffffu;

struct StreetPlace {
  std::uint32_t street = kNoStreet;  // its name
  std::uint32_t ward = kNoWard;      // the ward holding most of its incidents (ties: the lower index)
  double x = 0, y = 0;               // its busiest point (ties: the lowest x, then y)
  bool shared_name = false;          // its name is also another place's, or generic: say where it is
};

struct StreetPlaces {
  std::vector<StreetPlace> places;
  std::vector<std::uint32_t> of_incident;  // per incident given: its place, or kNoPlace (no street)
};

StreetPlaces street_places(std::span<const Incident> incidents, const StreetNames& names, double link_m = 300);

// The busiest names among weighted incidents (e.g. a hotspot's, each weighted
// as the forecast weights its month): ranked by weight, ties by the name's
// key (any case) and then its id; listed until they hold at least `share` of
// the weight of the incidents with a name, at most `most`. Streets come
// before police.uk's generic places ("Supermarket", "Shopping Area"): those
// are used only when no incident is on a named street. Incidents without a
// name are passed as kNoStreet and only count for `named_share`.
struct BusiestNames {
  std::vector<std::uint32_t> streets;  // busiest first
  double named_share = 0;              // of the weight, the share with a name
};
BusiestNames busiest_names(std::span<const std::pair<std::uint32_t, double>> weighted, const StreetNames& names,
                           double share = 0.5, std::size_t most = 3);

// "A", "A and B", "A, B and C".
std::string name_list(const std::vector<std::string>& names);

}  // namespace hotspot
