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
#include <cstddef>
#include <vector>

#include "analysis/kde.hpp"

namespace hotspot {

struct DbscanResult {
  std::vector<int> label;   // per input point: cluster id, or -1 for noise
  std::vector<bool> core;   // per input point
  int clusters = 0;
};

// Neighbour search with nanoflann (KD-tree over the distinct locations).
DbscanResult dbscan(const std::vector<WeightedPoint>& points, double eps, int min_points);

}  // namespace hotspot
