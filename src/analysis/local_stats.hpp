#pragma once
// Local spatial statistics over a general weights structure: Getis-Ord G/G*
// (value and analytical z-score) and Local Moran's I with conditional
// permutation p-values. Used on wards (queen contiguity) and on fixtures.
#include <cstdint>
#include <vector>

namespace hotspot {

// Neighbours of each observation, excluding itself, with weights (binary = 1).
struct SpatialWeights {
  std::vector<std::vector<std::pair<int, double>>> neighbours;
  std::size_t size() const { return neighbours.size(); }
  // Row-standardised copy: each row's weights sum to 1 (rows with no neighbours stay empty).
  SpatialWeights row_standardised() const;
};

struct LocalG {
  std::vector<double> g;  // the statistic
  std::vector<double> z;  // analytical z-score
  std::vector<double> p;  // two-sided normal p-value of z
};

// Getis-Ord local G (star = false: self excluded) or G* (star = true: self
// included with weight 1, or 1/(k+1) under row standardisation as GeoDa does),
// from binary neighbour lists. With row_standardised, each row (self included
// for G*) sums to 1. Statistic, analytical moments and z follow Getis & Ord
// (1992, 1995) as PySAL esda's G_Local computes them; p is two-sided.
LocalG local_g(const std::vector<double>& x, const SpatialWeights& binary, bool star, bool row_standardised);

enum class LisaQuadrant { NotSignificant = 0, HighHigh = 1, LowLow = 2, LowHigh = 3, HighLow = 4 };

struct LocalMoran {
  std::vector<double> i;       // local I
  std::vector<double> p_sim;   // pseudo p-value: (count of permuted |I| >= observed, same side, + 1) / (perms + 1)
  std::vector<LisaQuadrant> quadrant;  // at p_sim < alpha, else NotSignificant
};

// Local Moran's I with conditional randomisation: `permutations` draws,
// random generator seeded with `seed` (recorded by the caller) so results repeat.
LocalMoran local_moran(const std::vector<double>& x, const SpatialWeights& w, int permutations,
                       std::uint64_t seed, double alpha);

}  // namespace hotspot
