#include "analysis/gistar_grid.hpp"

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <limits>

namespace hotspot {
namespace {

double two_sided_p(double z) {
  return 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::fabs(z)));
}

}  // namespace

GiStarGridResult gistar_grid(const Grid& g, double band, Correction correction) {
  const GridSpec& s = g.spec;
  const std::size_t n_cells = s.size();
  GiStarGridResult r;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  r.z.assign(n_cells, nan);
  r.p.assign(n_cells, 1.0);
  r.bin.assign(n_cells, 0);

  // Observations are the in-area cells only.
  double n = 0, sum = 0, sum2 = 0;
  for (std::size_t i = 0; i < n_cells; ++i)
    if (g.inside(i)) {
      n += 1;
      sum += g.values[i];
      sum2 += g.values[i] * g.values[i];
    }
  const double mean = n > 0 ? sum / n : 0;
  const double S = n > 0 ? std::sqrt(std::max(0.0, sum2 / n - mean * mean)) : 0;

  // Per-row prefix sums of values and of the in-area indicator: a window sum
  // over a row segment is two lookups, so each cell costs one lookup per row
  // of the band's disc, linear in the number of cells.
  const std::size_t w = static_cast<std::size_t>(s.nx) + 1;
  std::vector<double> vsum(static_cast<std::size_t>(s.ny) * w, 0), csum(static_cast<std::size_t>(s.ny) * w, 0);
  for (int row = 0; row < s.ny; ++row)
    for (int col = 0; col < s.nx; ++col) {
      const std::size_t i = s.index(row, col), k = static_cast<std::size_t>(row) * w + static_cast<std::size_t>(col);
      const bool in = g.inside(i);
      vsum[k + 1] = vsum[k] + (in ? g.values[i] : 0);
      csum[k + 1] = csum[k] + (in ? 1 : 0);
    }
  // The disc: for each row offset, the half-width in columns of centres within the band.
  const int reach = static_cast<int>(std::floor(band / s.cell + 1e-9));
  std::vector<int> half(static_cast<std::size_t>(2 * reach + 1), -1);
  for (int dr = -reach; dr <= reach; ++dr) {
    const double rest = band * band - (dr * s.cell) * (dr * s.cell);
    half[static_cast<std::size_t>(dr + reach)] = rest < 0 ? -1 : static_cast<int>(std::floor(std::sqrt(rest) / s.cell + 1e-9));
  }

  std::vector<double> p_in;
  std::vector<std::size_t> where;
  for (int row = 0; row < s.ny; ++row)
    for (int col = 0; col < s.nx; ++col) {
      const std::size_t i = s.index(row, col);
      if (!g.inside(i)) continue;
      double local = 0, wi = 0;
      for (int dr = -reach; dr <= reach; ++dr) {
        const int rr = row + dr, hw = half[static_cast<std::size_t>(dr + reach)];
        if (rr < 0 || rr >= s.ny || hw < 0) continue;
        const int c0 = std::max(0, col - hw), c1 = std::min(s.nx - 1, col + hw);
        const std::size_t base = static_cast<std::size_t>(rr) * w;
        local += vsum[base + static_cast<std::size_t>(c1) + 1] - vsum[base + static_cast<std::size_t>(c0)];
        wi += csum[base + static_cast<std::size_t>(c1) + 1] - csum[base + static_cast<std::size_t>(c0)];
      }
      // Getis-Ord Gi* with binary weights: sum of w^2 equals W_i.
      const double denom = S * std::sqrt((n * wi - wi * wi) / (n - 1));
      const double z = denom > 0 ? (local - mean * wi) / denom : 0.0;
      r.z[i] = z;
      r.p[i] = two_sided_p(z);
      p_in.push_back(r.p[i]);
      where.push_back(i);
    }
  const std::vector<double> adjusted = adjust_p_values(p_in, correction);
  r.p_adjusted.assign(n_cells, 1.0);
  for (std::size_t k = 0; k < where.size(); ++k) {
    const std::size_t i = where[k];
    const double p = adjusted[k];
    r.p_adjusted[i] = p;
    const int level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
    r.bin[i] = r.z[i] > 0 ? level : -level;
  }
  return r;
}

}  // namespace hotspot
