#include "analysis/mann_kendall.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace hotspot {

MannKendall mann_kendall(std::span<const double> x) {
  MannKendall r;
  const std::size_t n = x.size();
  if (n < 3) return r;
  // O(n^2) pairs: the series are a few dozen months long.
  for (std::size_t i = 0; i + 1 < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) r.s += (x[j] > x[i]) - (x[j] < x[i]);
  std::vector<double> sorted(x.begin(), x.end());
  std::sort(sorted.begin(), sorted.end());
  double ties = 0;
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && sorted[j] == sorted[i]) ++j;
    const double t = static_cast<double>(j - i);
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const double dn = static_cast<double>(n);
  r.variance = (dn * (dn - 1) * (2 * dn + 5) - ties) / 18;
  if (r.variance > 0) r.z = r.s > 0 ? (r.s - 1) / std::sqrt(r.variance) : r.s < 0 ? (r.s + 1) / std::sqrt(r.variance) : 0;
  r.p = std::erfc(std::abs(r.z) / std::sqrt(2.0));
  r.tau = r.s / (dn * (dn - 1) / 2);
  return r;
}

}  // namespace hotspot
