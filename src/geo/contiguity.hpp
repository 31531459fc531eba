#pragma once
// Queen contiguity between wards: neighbours share an edge or a vertex.
#include <vector>

#include "analysis/local_stats.hpp"
#include "core/ward.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

// Binary weights (1 per neighbour), neighbours in ward order. Uses GEOS
// prepared `intersects` after an envelope test, so O(W log W)-ish in practice.
SpatialWeights queen_contiguity(const GeosContext& ctx, const std::vector<Ward>& wards);

}  // namespace hotspot
