#include "app/support/raster_attack.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>

namespace hotspot::attack {
namespace fs = std::filesystem;

namespace {

constexpr int kTerms = 15;  // u^a v^b, a + b <= 4
constexpr int kReach = 6;   // windows paired up to this many cells apart

int term(int a, int b) {  // index of u^a v^b
  int i = 0;
  for (int d = 0; d <= 4; ++d)
    for (int aa = d; aa >= 0; --aa) {
      if (aa == a && d - aa == b) return i;
      ++i;
    }
  return -1;
}

// P = (A^T A)^-1 A^T for a w x w window in coordinates scaled by its half-width.
struct Design {
  int w = 0;
  std::vector<std::array<double, kTerms>> a;  // per cell, row-major
  std::vector<std::array<double, kTerms>> p;  // per cell: its column of P
};

Design design(int w) {
  Design d;
  d.w = w;
  const double half = (w - 1) / 2.0;
  for (int r = 0; r < w; ++r)
    for (int c = 0; c < w; ++c) {
      const double u = (c - half) / half, v = (half - r) / half;
      std::array<double, kTerms> row{};
      for (int deg = 0, i = 0; deg <= 4; ++deg)
        for (int aa = deg; aa >= 0; --aa, ++i) row[i] = std::pow(u, aa) * std::pow(v, deg - aa);
      d.a.push_back(row);
    }
  // Normal matrix and its inverse (Gauss-Jordan with partial pivoting).
  std::array<std::array<double, 2 * kTerms>, kTerms> m{};
  for (const auto& row : d.a)
    for (int i = 0; i < kTerms; ++i)
      for (int j = 0; j < kTerms; ++j) m[i][j] += row[i] * row[j];
  for (int i = 0; i < kTerms; ++i) m[i][kTerms + i] = 1;
  for (int col = 0; col < kTerms; ++col) {
    int piv = col;
    for (int r = col + 1; r < kTerms; ++r)
      if (std::fabs(m[r][col]) > std::fabs(m[piv][col])) piv = r;
    std::swap(m[col], m[piv]);
    const double inv = 1 / m[col][col];
    for (double& x : m[col]) x *= inv;
    for (int r = 0; r < kTerms; ++r) {
      if (r == col) continue;
      const double f = m[r][col];
      for (int j = 0; j < 2 * kTerms; ++j) m[r][j] -= f * m[col][j];
    }
  }
  for (const auto& row : d.a) {
    std::array<double, kTerms> col{};
    for (int i = 0; i < kTerms; ++i)
      for (int j = 0; j < kTerms; ++j) col[i] += m[i][kTerms + j] * row[j];
    d.p.push_back(col);
  }
  return d;
}

struct Fit {
  bool ok = false, whole = false;
  double n = 0, x = 0, y = 0;
};

double nearest(const Points& pts, double x, double y) {
  double best = 1e300;
  for (const auto& [px, py] : pts) best = std::min(best, std::hypot(px - x, py - y));
  return best;
}

}  // namespace

Raster read_raster(const fs::path& tif) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER));
  REQUIRE(ds);
  Raster r;
  double gt[6];
  ds->GetGeoTransform(gt);
  r.x0 = gt[0], r.y0 = gt[3], r.cell = gt[1];
  r.nx = ds->GetRasterXSize(), r.ny = ds->GetRasterYSize();
  GDALRasterBand* b = ds->GetRasterBand(1);
  std::vector<float> f(static_cast<std::size_t>(r.nx) * r.ny);
  REQUIRE(b->RasterIO(GF_Read, 0, 0, r.nx, r.ny, f.data(), r.nx, r.ny, GDT_Float32, 0, 0) == CE_None);
  const float nodata = static_cast<float>(b->GetNoDataValue());
  for (float x : f) r.v.push_back(x), r.shown.push_back(x != nodata);
  r.h = std::stod(ds->GetMetadataItem("HOTSPOT_BANDWIDTH_M"));
  r.quartic = std::string(ds->GetMetadataItem("HOTSPOT_KERNEL")) == "quartic";
  r.raw = std::string(ds->GetMetadataItem("HOTSPOT_OUTPUT")) == "raw";
  return r;
}

std::vector<double> quartic_surface(const Raster& r, const Points& points) {
  std::vector<double> out(r.v.size(), 0.0);
  const double s = r.raw ? 1.0 : 3.0 / (M_PI * r.h * r.h) * 1e6;
  const int reach = static_cast<int>(std::ceil(r.h / r.cell)) + 1;
  for (const auto& [px, py] : points) {
    const int c0 = static_cast<int>(std::floor((px - r.x0) / r.cell)), r0 = static_cast<int>(std::floor((r.y0 - py) / r.cell));
    for (int rr = std::max(0, r0 - reach); rr <= std::min(r.ny - 1, r0 + reach); ++rr)
      for (int cc = std::max(0, c0 - reach); cc <= std::min(r.nx - 1, c0 + reach); ++cc) {
        const double dx = r.cx(cc) - px, dy = r.cy(rr) - py, u2 = (dx * dx + dy * dy) / (r.h * r.h);
        if (u2 < 1) out[static_cast<std::size_t>(rr) * r.nx + cc] += s * (1 - u2) * (1 - u2);
      }
  }
  return out;
}

MomentFindings moment_attack(const Raster& r, const Points& truth, int m, double precision) {
  MomentFindings f;
  REQUIRE(r.quartic);
  const double s = r.raw ? 1.0 : 3.0 / (M_PI * r.h * r.h) * 1e6;
  std::set<std::size_t> located;
  auto claim = [&](double x, double y) {
    ++f.candidates;
    for (std::size_t i = 0; i < truth.size(); ++i) {
      const double d = std::hypot(truth[i].first - x, truth[i].second - y);
      f.closest = std::min(f.closest, d);
      if (d < precision) located.insert(i);
    }
  };
  const int i40 = term(4, 0), i04 = term(0, 4), i22 = term(2, 2), i30 = term(3, 0), i03 = term(0, 3), i31 = term(3, 1),
            i13 = term(1, 3), i21 = term(2, 1), i12 = term(1, 2);
  for (int w : {5, 7, 9}) {
    const Design d = design(w);
    const double half = (w - 1) / 2.0, L = half * r.cell, lambda2 = std::pow(L * L / (r.h * r.h), 2);
    std::vector<Fit> fits(r.v.size());
    for (int r0 = 0; r0 + w <= r.ny; ++r0)
      for (int c0 = 0; c0 + w <= r.nx; ++c0) {
        double peak = 0;
        bool all = true;
        for (int i = 0; i < w && all; ++i)
          for (int j = 0; j < w && all; ++j) {
            const std::size_t k = static_cast<std::size_t>(r0 + i) * r.nx + c0 + j;
            all = r.shown[k] != 0;
            peak = std::max(peak, std::fabs(r.v[k]));
          }
        if (!all || peak == 0) continue;
        ++f.windows;
        std::array<double, kTerms> coef{};
        for (int i = 0, cell = 0; i < w; ++i)
          for (int j = 0; j < w; ++j, ++cell) {
            const double val = r.v[static_cast<std::size_t>(r0 + i) * r.nx + c0 + j];
            for (int t = 0; t < kTerms; ++t) coef[t] += d.p[cell][t] * val;
          }
        double rss = 0;
        for (int i = 0, cell = 0; i < w; ++i)
          for (int j = 0; j < w; ++j, ++cell) {
            double model = 0;
            for (int t = 0; t < kTerms; ++t) model += d.a[cell][t] * coef[t];
            const double e = r.v[static_cast<std::size_t>(r0 + i) * r.nx + c0 + j] - model;
            rss += e * e;
          }
        const double c40 = coef[i40];
        // One set of incidents reaches every cell: the quartic fits to float precision and has a kernel sum's form.
        if (std::sqrt(rss / (w * w)) > 2e-6 * peak || !(c40 > 1e-6 * peak)) continue;
        const double tol = 1e-2 * c40;
        if (std::fabs(coef[i04] - c40) > tol || std::fabs(coef[i22] - 2 * c40) > 2 * tol || std::fabs(coef[i31]) > tol ||
            std::fabs(coef[i13]) > tol || std::fabs(coef[i30] - coef[i12]) > 4 * tol || std::fabs(coef[i03] - coef[i21]) > 4 * tol)
          continue;
        ++f.fits;
        Fit& fit = fits[static_cast<std::size_t>(r0) * r.nx + c0];
        fit.ok = true;
        fit.n = c40 / (s * lambda2);
        fit.x = r.cx(c0) + L - L * coef[i30] / (4 * c40);
        fit.y = r.cy(r0) - L - L * coef[i03] / (4 * c40);
        fit.whole = fit.n > 0.5 && std::fabs(fit.n - std::round(fit.n)) < 0.01;
        if (!fit.whole) continue;
        ++f.whole;
        const long k = std::lround(fit.n);
        if (k == 1) claim(fit.x, fit.y);
        if (k >= 1 && k < m) {
          // The truth in the window's reach: incidents within h of all four corner cells.
          long in = 0;
          double sx = 0, sy = 0;
          for (const auto& [px, py] : truth) {
            bool all_corners = true;
            for (int ci : {0, w - 1})
              for (int cj : {0, w - 1})
                all_corners = all_corners && std::hypot(r.cx(c0 + cj) - px, r.cy(r0 + ci) - py) < r.h;
            if (all_corners) ++in, sx += px, sy += py;
          }
          if (in == k && std::hypot(sx / in - fit.x, sy / in - fit.y) < precision) ++f.counts_recovered;
        }
      }
    // Windows up to kReach cells apart whose whole numbers differ by one: the
    // incident one reaches and the other does not (when the larger set holds the smaller).
    for (int r0 = 0; r0 < r.ny; ++r0)
      for (int c0 = 0; c0 < r.nx; ++c0) {
        const Fit& a = fits[static_cast<std::size_t>(r0) * r.nx + c0];
        if (!a.whole) continue;
        for (int dr = 0; dr <= kReach; ++dr)
          for (int dc = -kReach; dc <= kReach; ++dc) {
          if ((dr == 0 && dc <= 0) || r0 + dr >= r.ny || c0 + dc < 0 || c0 + dc >= r.nx) continue;
          const Fit& b = fits[static_cast<std::size_t>(r0 + dr) * r.nx + c0 + dc];
          if (!b.whole) continue;
          const long ka = std::lround(a.n), kb = std::lround(b.n);
          if (std::labs(ka - kb) != 1) continue;
          claim((ka * a.x - kb * b.x) / static_cast<double>(ka - kb), (ka * a.y - kb * b.y) / static_cast<double>(ka - kb));
          }
      }
  }
  f.located = static_cast<long>(located.size());
  (void)nearest;
  return f;
}

}  // namespace hotspot::attack
