#pragma once
// Nearest Neighbour Hierarchical clustering in the manner of CrimeStat.
//
// Threshold: the lower confidence bound of the mean nearest-neighbour distance
// expected under complete spatial randomness for N points in area A:
//   mean = 0.5 * sqrt(A / N),  SE = 0.26136 * sqrt(A / N^2),
//   threshold = mean - z * SE, z the one-tailed normal quantile for `p`
// (or a fixed distance given by the user). Pairs of points closer than the
// threshold are linked; first-order clusters are the linked groups with at
// least `min_points` points. Second-order clusters repeat the procedure on
// the first-order cluster centres (mean centres), with N = number of
// first-order clusters and the same area.
//
// Linking runs on distinct locations bucketed in a grid of cells of side
// threshold/sqrt(2) (LocationGrid): memory linear in the points, no
// neighbour lists, and at most one distance found per pair of cells once
// they are linked. Results are identical to the KD-tree version it replaced
// (tests/analysis/nnh_test).
#include <cstddef>
#include <optional>
#include <vector>

#include "analysis/kde.hpp"

namespace hotspot {

struct NnhParams {
  double study_area_m2 = 0;
  double p = 0.05;                      // one-tailed probability for the threshold
  std::optional<double> fixed_distance; // metres; replaces the CSR threshold
  int min_points = 10;                  // first order
  int min_clusters = 2;                 // second order: first-order clusters per cluster
  bool second_order = false;
};

struct NnhCluster {
  int order = 1;                       // 1 = first order, 2 = second order
  std::vector<std::size_t> members;    // input point indices (first order) or first-order cluster indices (second)
  double centre_x = 0, centre_y = 0;   // mean centre
};

struct NnhResult {
  double threshold = 0;  // metres, as used
  std::vector<NnhCluster> first_order;   // ordered by size desc, then first member
  std::vector<NnhCluster> second_order;
};

// CSR threshold for n points in area a (m^2), one-tailed probability p.
double nnh_threshold(std::size_t n, double area_m2, double p);
NnhResult nnh(const std::vector<WeightedPoint>& points, const NnhParams& params);

}  // namespace hotspot
