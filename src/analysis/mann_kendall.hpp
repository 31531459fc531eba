#pragma once
// The Mann-Kendall test for a monotonic trend in a series (Mann 1945; Kendall
// 1975), as Emerging Hot Spot Analysis applies it to a location's Gi* series:
//   S = sum over i < j of sign(x_j - x_i)
//   Var(S) = [n(n-1)(2n+5) - sum over tie groups of t(t-1)(2t+5)] / 18
//   Z = (S - 1)/sqrt(Var) for S > 0, (S + 1)/sqrt(Var) for S < 0, else 0
//   p = two-sided normal probability of |Z|;  tau = S / (n(n-1)/2)
// The normal approximation with continuity correction, as in R's Kendall and
// ArcGIS; for n < 3 there is no test (p = 1).
#include <span>

namespace hotspot {

struct MannKendall {
  double s = 0, variance = 0, z = 0, p = 1, tau = 0;
};

MannKendall mann_kendall(std::span<const double> series);

}  // namespace hotspot
