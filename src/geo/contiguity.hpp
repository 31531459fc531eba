#pragma once
// Queen contiguity between wards: neighbours share an edge or a vertex.
#include "analysis/local_stats.hpp"
#include "geo/ward_set.hpp"

namespace hotspot {

// Binary weights (1 per neighbour), neighbours in ward order. Candidate pairs
// come from the WardSet's R-tree over envelopes, each confirmed with GEOS
// prepared `intersects`: O(W log W + candidate pairs) instead of testing every
// pair's envelopes. Uses the set's prepared geometries, so it runs on the
// thread that built the set.
SpatialWeights queen_contiguity(const WardSet& wards);

}  // namespace hotspot
