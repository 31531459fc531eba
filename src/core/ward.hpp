#pragma once
// A ward: attributes plus its polygon as WKB in the analysis CRS. Geometry
// operations live in src/geo; this is only the value.
#include <optional>
#include <string>
#include <vector>

namespace hotspot {

struct Ward {
  std::string code;
  std::string name;
  std::optional<double> population;
  // With populations from small areas: of `population`, the residents of small
  // areas split between this ward and others (apportioned by area, not exact).
  std::optional<double> population_split;
  std::string population_note;  // why a rate is not shown, when it is not (too few residents)
  double area_m2 = 0;
  std::vector<unsigned char> wkb;  // (Multi)Polygon, valid, analysis CRS
};

}  // namespace hotspot
