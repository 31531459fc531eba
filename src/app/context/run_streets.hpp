#pragma once
// The run's streets and places (analysis/street_places.hpp) with the names
// the pack prints: the street's name, with its ward when the name is shared
// by other places or is a police.uk generic place ("Supermarket (Romford
// Town)"), and with its 100 m square when even that is shared.
#include <string>
#include <vector>

#include "analysis/street_places.hpp"
#include "core/incident.hpp"
#include "core/street_names.hpp"
#include "core/ward.hpp"

namespace hotspot {

struct RunStreets {
  StreetPlaces places;
  std::vector<std::string> labels;  // per place
  bool has_column = false;          // an input has a street column

  // The place of an incident of `incidents` (the vector it was built from), or kNoPlace.
  std::uint32_t place_of(const Incident* inc, const std::vector<Incident>& incidents) const {
    const auto i = static_cast<std::size_t>(inc - incidents.data());
    return i < places.of_incident.size() ? places.of_incident[i] : kNoPlace;
  }
};

RunStreets run_streets(const std::vector<Incident>& incidents, const StreetNames& names, bool has_column,
                       const std::vector<Ward>& wards, const std::string& crs);

}  // namespace hotspot
