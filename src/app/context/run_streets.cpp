#include "app/context/run_streets.hpp"

#include <map>

#include "geo/grid_reference.hpp"

namespace hotspot {

RunStreets run_streets(const std::vector<Incident>& incidents, const StreetNames& names, bool has_column,
                       const std::vector<Ward>& wards, const std::string& crs) {
  RunStreets out;
  out.has_column = has_column;
  out.places = street_places(incidents, names);
  out.labels.reserve(out.places.places.size());
  std::map<std::string, int> uses;
  for (const StreetPlace& p : out.places.places) {
    std::string label = names.name(p.street);
    if (p.shared_name && p.ward < wards.size()) label += " (" + wards[p.ward].name + ")";
    ++uses[label];
    out.labels.push_back(std::move(label));
  }
  for (std::size_t i = 0; i < out.labels.size(); ++i) {
    if (uses[out.labels[i]] < 2) continue;
    const StreetPlace& p = out.places.places[i];
    const std::string square = grid_reference_100m(p.x, p.y, crs);
    std::string& label = out.labels[i];
    label = label.back() == ')' ? label.substr(0, label.size() - 1) + ", " + square + ")" : label + " (" + square + ")";
  }
  return out;
}

}  // namespace hotspot
