#pragma once
// DBSCAN on points in metres, with scikit-learn's definitions: a point is core
// when at least `min_points` points (itself included) lie within distance
// <= eps; clusters are the connected core points; non-core points within eps
// of a core point are border points; the rest are noise (label -1).
//
// Border rule (deterministic, documented): a border point joins the cluster of
// the first core point, in input order, that reaches it. Clusters are numbered
// 0, 1, ... in the order of their first core point in the input.
//
// Coincident points (police.uk snaps hundreds of incidents onto one map point)
// are merged first and counted with their multiplicity, so ties cost nothing.
//
// Method (memory linear in the points, no neighbourhood is ever stored): the
// distinct locations are bucketed into cells of side eps/sqrt(2) (see
// LocationGrid), whose locations are all mutual neighbours. A cell holding
// min_points points is all core without a distance test; other locations
// count their neighbours in the 5 x 5 surrounding cells, stopping at
// min_points. Core locations are joined with union-find: a cell's cores at
// once, two cells' cores by the first core pair found within eps. Border
// points scan only cells whose earliest core point precedes the best so far.
// Distances are compared as dx*dx + dy*dy <= eps*eps, as the KD-tree version
// this replaced did; results are identical to it (tests/analysis/dbscan_test).
#include <cstddef>
#include <vector>

#include "analysis/kde.hpp"

namespace hotspot {

class LocationGrid;

struct DbscanResult {
  std::vector<int> label;   // per input point: cluster id, or -1 for noise
  std::vector<bool> core;   // per input point
  int clusters = 0;
};

// eps must be positive and the coordinates finite (std::invalid_argument);
// min_points below 1 acts as 1.
DbscanResult dbscan(const std::vector<WeightedPoint>& points, double eps, int min_points);
// The same on prepared cells (LocationGrid built inclusive, radius eps):
// lets the tests choose the cell size.
DbscanResult dbscan(const LocationGrid& grid, int min_points);

}  // namespace hotspot
