#include "analysis/local_stats.hpp"

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <numeric>
#include <random>

namespace hotspot {

SpatialWeights SpatialWeights::row_standardised() const {
  SpatialWeights out = *this;
  for (auto& row : out.neighbours) {
    double sum = 0;
    for (const auto& [j, w] : row) sum += w;
    if (sum > 0)
      for (auto& [j, w] : row) w /= sum;
  }
  return out;
}

LocalG local_g(const std::vector<double>& x, const SpatialWeights& binary, bool star, bool row_standardised) {
  const std::size_t n = x.size();
  LocalG out;
  out.g.assign(n, 0);
  out.z.assign(n, 0);
  out.p.assign(n, 1);
  const double total = std::accumulate(x.begin(), x.end(), 0.0);
  double total2 = 0;
  for (double v : x) total2 += v * v;
  const double remove_self = star ? 0.0 : 1.0;
  const double N = static_cast<double>(n) - remove_self;
  const boost::math::normal normal;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& row = binary.neighbours[i];
    const double k = static_cast<double>(row.size()) + (star ? 1.0 : 0.0);
    if (k == 0) continue;  // an island has no neighbourhood to test
    const double each = row_standardised ? 1.0 / k : 1.0;
    double lag = star ? each * x[i] : 0.0;
    for (const auto& [j, w] : row) lag += each * w * x[static_cast<std::size_t>(j)];
    const double denom = total - remove_self * x[i];
    out.g[i] = denom != 0 ? lag / denom : 0.0;
    const double mean = denom / N;
    const double var = (total2 - remove_self * x[i] * x[i]) / N - mean * mean;
    const double card = row_standardised ? 1.0 : k;  // sum of the row's weights
    const double expected = card / N;
    const double variance = card * (N - card) / (N - 1) / (N * N) * var / (mean * mean);
    if (!(variance > 0)) continue;
    out.z[i] = (out.g[i] - expected) / std::sqrt(variance);
    out.p[i] = 2.0 * boost::math::cdf(boost::math::complement(normal, std::fabs(out.z[i])));
  }
  return out;
}

LocalMoran local_moran(const std::vector<double>& x, const SpatialWeights& w, int permutations, std::uint64_t seed,
                       double alpha) {
  const std::size_t n = x.size();
  LocalMoran out;
  out.i.assign(n, 0);
  out.p_sim.assign(n, 1);
  out.quadrant.assign(n, LisaQuadrant::NotSignificant);
  if (n < 3) return out;
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(n);
  double ss = 0;
  for (double v : x) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / static_cast<double>(n));
  if (!(sd > 0)) return out;
  std::vector<double> z(n);
  for (std::size_t k = 0; k < n; ++k) z[k] = (x[k] - mean) / sd;
  double den = 0;
  for (double v : z) den += v * v;
  const double scale = static_cast<double>(n - 1) / den;  // as esda's Moran_Local

  std::mt19937_64 rng(seed);
  std::vector<std::size_t> others(n - 1);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& row = w.neighbours[i];
    double lag = 0;
    for (const auto& [j, wij] : row) lag += wij * z[static_cast<std::size_t>(j)];
    out.i[i] = scale * z[i] * lag;
    if (row.empty()) continue;
    // Conditional randomisation: z_i stays, its neighbours are drawn from the others.
    for (std::size_t k = 0, m = 0; k < n; ++k)
      if (k != i) others[m++] = k;
    int larger = 0;
    for (int p = 0; p < permutations; ++p) {
      double perm_lag = 0;
      for (std::size_t d = 0; d < row.size(); ++d) {  // partial Fisher-Yates: distinct draws
        std::uniform_int_distribution<std::size_t> pick(d, n - 2);
        std::swap(others[d], others[pick(rng)]);
        perm_lag += row[d].second * z[others[d]];
      }
      larger += scale * z[i] * perm_lag >= out.i[i];
    }
    if (permutations - larger < larger) larger = permutations - larger;  // folded: the more extreme side
    out.p_sim[i] = static_cast<double>(larger + 1) / static_cast<double>(permutations + 1);
    if (out.p_sim[i] < alpha) {
      out.quadrant[i] = z[i] > 0 ? (lag > 0 ? LisaQuadrant::HighHigh : LisaQuadrant::HighLow)
                                 : (lag > 0 ? LisaQuadrant::LowHigh : LisaQuadrant::LowLow);
    }
  }
  return out;
}

}  // namespace hotspot
