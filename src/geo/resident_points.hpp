#pragma once
// Residents as weighted points, for a population density surface (the
// denominator of a risk surface): each area's residents spread evenly over the
// points of a square lattice (spacing s, on the cell centres of an aligned
// grid) that fall inside it, or placed at a point on its surface when none
// does (an area smaller than a lattice square). Residents are conserved
// exactly: the points of an area weigh its residents in all.
//
// sfhotspot's hotspot_dual_kde takes the population as points (census-block
// centroids weighted by residents); spreading each area over its own polygon
// is the same at coarse bandwidths and does not put a block's residents on
// one point at fine ones.
#include <vector>

#include "analysis/kde.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

struct ResidentArea {
  std::vector<unsigned char> wkb;  // (Multi)Polygon, analysis CRS
  double residents = 0;
};

std::vector<WeightedPoint> resident_points(const GeosContext& ctx, const std::vector<ResidentArea>& areas,
                                           double spacing);

}  // namespace hotspot
