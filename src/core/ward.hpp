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
  double area_m2 = 0;
  std::vector<unsigned char> wkb;  // (Multi)Polygon, valid, analysis CRS
};

}  // namespace hotspot
