#include "analysis/risk_surface.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace hotspot {

RiskSurface relative_risk(const Grid& incident, const std::vector<double>& resident, const RiskParams& p) {
  if (resident.size() != incident.values.size()) throw std::invalid_argument("relative_risk: grids differ in size");
  RiskSurface r;
  r.ratio.spec = incident.spec;
  r.ratio.in_area = incident.in_area;
  r.ratio.values.assign(incident.values.size(), std::numeric_limits<double>::quiet_NaN());
  if (!(p.incidents > 0) || !(p.residents > 0)) {
    for (std::size_t i = 0; i < resident.size(); ++i) r.masked += incident.inside(i);
    return r;
  }
  const double area_rate = p.incidents / p.residents;
  for (std::size_t i = 0; i < resident.size(); ++i) {
    if (!incident.inside(i)) continue;
    if (!(resident[i] >= p.min_residents_km2) || std::isnan(incident.values[i])) {
      ++r.masked;
      continue;
    }
    r.ratio.values[i] = incident.values[i] / resident[i] / area_rate;
    ++r.cells;
  }
  return r;
}

}  // namespace hotspot
