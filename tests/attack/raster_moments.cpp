#include "attack/raster_moments.hpp"

#include <gdal_priv.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <stdexcept>

namespace hotspot::attack {
namespace fs = std::filesystem;

Raster read_raster(const fs::path& tif) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!ds) throw std::runtime_error("cannot open " + tif.string());
  Raster r;
  double gt[6];
  ds->GetGeoTransform(gt);
  r.origin_x = gt[0];
  r.origin_y = gt[3];
  r.cell = gt[1];
  r.nx = ds->GetRasterXSize();
  r.ny = ds->GetRasterYSize();
  auto meta = [&](const char* key) {
    const char* v = ds->GetMetadataItem(key);
    return std::string(v ? v : "");
  };
  r.bandwidth = std::stod(meta("HOTSPOT_BANDWIDTH_M"));
  r.kernel = meta("HOTSPOT_KERNEL");
  r.output = meta("HOTSPOT_OUTPUT");
  r.grid = meta("HOTSPOT_GRID");
  r.theme = meta("HOTSPOT_THEME");
  r.incidents = meta("HOTSPOT_INCIDENTS");
  GDALRasterBand* band = ds->GetRasterBand(1);
  std::vector<float> v(static_cast<std::size_t>(r.nx) * static_cast<std::size_t>(r.ny));
  if (band->RasterIO(GF_Read, 0, 0, r.nx, r.ny, v.data(), r.nx, r.ny, GDT_Float32, 0, 0) != CE_None)
    throw std::runtime_error("cannot read " + tif.string());
  int has_nodata = 0;
  const double nodata = band->GetNoDataValue(&has_nodata);
  r.value.resize(v.size());
  r.shown.resize(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    r.shown[i] = !(has_nodata && v[i] == static_cast<float>(nodata)) && std::isfinite(v[i]);
    r.value[i] = v[i];
  }
  return r;
}

GridOriginLeak qgis_origin_leak(const Raster& r) {
  GridOriginLeak g;
  const double off_x = std::remainder(r.origin_x, r.cell), off_y = std::remainder(r.origin_y, r.cell);
  g.leaks = r.grid == "qgis" || std::fabs(off_x) > 1e-6 || std::fabs(off_y) > 1e-6;
  g.west_x = r.origin_x + r.bandwidth;
  g.north_y = r.origin_y - r.bandwidth;
  return g;
}

namespace {

constexpr int kUnknowns = 9;  // n, Sx, Sy, Mxx, Mxy, Myy, Tx, Ty, U

// The fit's pseudo-inverse for a kx x ky window: coef = P v (least squares by
// modified Gram-Schmidt QR, re-orthogonalised), and the design matrix for residuals.
struct WindowFit {
  int kx = 0, ky = 0;
  std::vector<std::array<double, kUnknowns>> a;  // design rows
  std::vector<std::array<double, kUnknowns>> p;  // pseudo-inverse, transposed (one row per cell)
};

WindowFit make_fit(int kx, int ky, double cell_over_h) {
  WindowFit f;
  f.kx = kx, f.ky = ky;
  const std::size_t n = static_cast<std::size_t>(kx * ky);
  for (int r = 0; r < ky; ++r)
    for (int c = 0; c < kx; ++c) {
      const double x = (c - (kx - 1) / 2.0) * cell_over_h, y = -(r - (ky - 1) / 2.0) * cell_over_h, q = x * x + y * y;
      f.a.push_back({(1 - q) * (1 - q), 4 * x * (1 - q), 4 * y * (1 - q), -2 + 6 * x * x + 2 * y * y, 8 * x * y,
                     -2 + 2 * x * x + 6 * y * y, -4 * x, -4 * y, 1.0});
    }
  std::vector<std::vector<double>> q(kUnknowns, std::vector<double>(n));
  std::array<std::array<double, kUnknowns>, kUnknowns> R{};
  for (std::size_t j = 0; j < kUnknowns; ++j)
    for (std::size_t i = 0; i < n; ++i) q[j][i] = f.a[i][j];
  for (std::size_t j = 0; j < kUnknowns; ++j) {
    for (int pass = 0; pass < 2; ++pass)
      for (std::size_t i = 0; i < j; ++i) {
        double d = 0;
        for (std::size_t t = 0; t < n; ++t) d += q[i][t] * q[j][t];
        R[i][j] += d;
        for (std::size_t t = 0; t < n; ++t) q[j][t] -= d * q[i][t];
      }
    double norm = 0;
    for (double v : q[j]) norm += v * v;
    norm = std::sqrt(norm);
    R[j][j] = norm;
    for (double& v : q[j]) v /= norm;
  }
  f.p.resize(n);
  for (std::size_t t = 0; t < n; ++t) {
    std::array<double, kUnknowns> b{};
    for (std::size_t j = 0; j < kUnknowns; ++j) b[j] = q[j][t];
    for (int j = kUnknowns - 1; j >= 0; --j) {
      const auto J = static_cast<std::size_t>(j);
      double sum = b[J];
      for (std::size_t i = J + 1; i < kUnknowns; ++i) sum -= R[J][i] * b[i];
      b[J] = sum / R[J][J];
    }
    f.p[t] = b;
  }
  return f;
}

double dist(double ax, double ay, double bx, double by) { return std::hypot(ax - bx, ay - by); }

// 1: (x, y) is within the support of every cell centre of the window, 0: of
// none, -1: of some (then it cannot belong to a set the window sees whole).
int support_of_window(double x, double y, double wx, double wy, double hx, double hy, double h) {
  double farthest = 0;
  for (double sx : {-1.0, 1.0})
    for (double sy : {-1.0, 1.0}) farthest = std::max(farthest, dist(x, y, wx + sx * hx, wy + sy * hy));
  const double nx = std::clamp(x, wx - hx, wx + hx), ny = std::clamp(y, wy - hy, wy + hy);
  if (farthest < h) return 1;
  if (dist(x, y, nx, ny) > h) return 0;
  return -1;
}

struct Eigen2 {
  double l1, l2, ex, ey;  // l1 >= l2, (ex, ey) the unit eigenvector of l1
};

Eigen2 eigen(double a, double b, double c) {
  Eigen2 e{};
  const double tr = a + c, det = a * c - b * b, disc = std::sqrt(std::max(0.0, tr * tr / 4 - det));
  e.l1 = tr / 2 + disc;
  e.l2 = tr / 2 - disc;
  if (std::fabs(b) > 1e-12 * (std::fabs(a) + std::fabs(c) + 1e-300)) e.ex = e.l1 - c, e.ey = b;
  else if (a >= c) e.ex = 1, e.ey = 0;
  else e.ex = 0, e.ey = 1;
  const double nrm = std::hypot(e.ex, e.ey);
  e.ex /= nrm, e.ey /= nrm;
  return e;
}

struct Candidate {
  double x, y;
  int count;
};

// The incidents of a set of moments (about origin o) when it is one point or
// two (rank one, split by the third moment); empty otherwise.
std::vector<Candidate> points_of(const Moments& m, double ox, double oy, double tight, double h) {
  const int n = static_cast<int>(std::lround(m.n));
  if (n < 1 || std::fabs(m.n - n) > 1e-6) return {};
  const double mx = m.sx / n, my = m.sy / n;
  const double a = m.mxx / n - mx * mx, b = m.mxy / n - mx * my, c = m.myy / n - my * my;
  if (std::fabs(a + c) < tight) {
    // One point: the third moment must agree too (sum |p|^2 p = n |mu|^2 mu).
    const double mu2 = mx * mx + my * my, r = std::max(std::sqrt(mu2), h);
    if (std::hypot(m.tx - n * mu2 * mx, m.ty - n * mu2 * my) > 1e-3 * n * r * r * r) return {};
    return {{ox + mx, oy + my, n}};
  }
  if (n < 2) return {};
  const Eigen2 e = eigen(a, b, c);
  if (std::fabs(e.l2) > tight || e.l1 <= tight) return {};
  // Central third moment along e, with every point on the line mu + t e.
  const double nl = n * e.l1, mu2 = mx * mx + my * my, mue = mx * e.ex + my * e.ey;
  const double t3 = e.ex * (m.tx - n * mu2 * mx - 2 * mue * e.ex * nl - mx * nl) +
                    e.ey * (m.ty - n * mu2 * my - 2 * mue * e.ey * nl - my * nl);
  const double scale = std::pow(e.l1, 1.5);
  int best = -1;
  double best_err = HUGE_VAL, second = HUGE_VAL;
  for (int k = 1; k < n; ++k) {  // k points at +alpha, n - k at -beta
    const double pred = scale * (static_cast<double>((n - k) * (n - k)) - k * k) / std::sqrt(static_cast<double>(k) * (n - k));
    const double err = std::fabs(pred - t3);
    if (err < best_err) second = best_err, best_err = err, best = k;
    else second = std::min(second, err);
  }
  if (best < 0 || best_err > 0.02 * scale * n || second < 5 * best_err) return {};
  const double alpha = std::sqrt(e.l1 * (n - best) / best), beta = std::sqrt(e.l1 * best / (n - best));
  return {{ox + mx + alpha * e.ex, oy + my + alpha * e.ey, best}, {ox + mx - beta * e.ex, oy + my - beta * e.ey, n - best}};
}

// Sum of (1 - d^2/h^2)^2 over d < h, in the raster's units.
double kernel_units(const Raster& r) { return r.output.rfind("density", 0) == 0 ? 3.0 / (M_PI * r.bandwidth * r.bandwidth) * 1e6 : 1.0; }

// Clean windows of `value` (published cells of `r`), as sets.
std::vector<MomentSet> fit_sets(const Raster& r, const std::vector<double>& value, const MomentAttackOptions& opt,
                                MomentAttack& out) {
  const double h = r.bandwidth, scale = 1.0 / kernel_units(r);
  std::vector<MomentSet> raw;
  for (const auto& [kx, ky] : opt.windows) {
    const WindowFit fit = make_fit(kx, ky, r.cell / h);
    const std::size_t n = static_cast<std::size_t>(kx * ky);
    std::vector<double> v(n);
    for (int r0 = 0; r0 + ky <= r.ny; ++r0)
      for (int c0 = 0; c0 + kx <= r.nx; ++c0) {
        bool all = true;
        double vmax = 0;
        for (int i = 0; i < ky && all; ++i)
          for (int j = 0; j < kx && all; ++j) {
            const std::size_t at = static_cast<std::size_t>(r0 + i) * static_cast<std::size_t>(r.nx) + static_cast<std::size_t>(c0 + j);
            all = r.shown[at] && r.value[at] > 0;
            v[static_cast<std::size_t>(i * kx + j)] = value[at] * scale;
            vmax = std::max(vmax, r.value[at] * scale);  // the published value sets the rounding
          }
        if (!all) continue;
        ++out.windows_tried;
        std::array<double, kUnknowns> coef{};
        for (std::size_t t = 0; t < n; ++t)
          for (std::size_t j = 0; j < kUnknowns; ++j) coef[j] += fit.p[t][j] * v[t];
        const double cnt = coef[0];
        if (!(cnt > 0.5) || std::fabs(cnt - std::round(cnt)) > opt.integer_tolerance) continue;
        double ss = 0;
        for (std::size_t t = 0; t < n; ++t) {
          double fitted = 0;
          for (std::size_t j = 0; j < kUnknowns; ++j) fitted += fit.a[t][j] * coef[j];
          ss += (fitted - v[t]) * (fitted - v[t]);
        }
        if (std::sqrt(ss / static_cast<double>(n)) > opt.residual_tolerance * vmax) continue;
        ++out.windows_clean;
        MomentSet s;
        s.n = static_cast<int>(std::lround(cnt));
        s.wx = r.origin_x + (c0 + kx / 2.0) * r.cell;
        s.wy = r.origin_y - (r0 + ky / 2.0) * r.cell;
        s.hx = (kx - 1) / 2.0 * r.cell;
        s.hy = (ky - 1) / 2.0 * r.cell;
        std::copy(coef.begin(), coef.end(), s.fit);
        s.fit[0] = s.n;
        const double mx = coef[1] / s.n, my = coef[2] / s.n;
        s.x = s.wx + h * mx;
        s.y = s.wy + h * my;
        s.sxx = h * h * (coef[3] / s.n - mx * mx);
        s.sxy = h * h * (coef[4] / s.n - mx * my);
        s.syy = h * h * (coef[5] / s.n - my * my);
        s.windows = 1;
        raw.push_back(s);
      }
  }
  // One entry per set: same count, centroid and spread; the largest window kept.
  std::sort(raw.begin(), raw.end(), [](const MomentSet& a, const MomentSet& b) { return a.x < b.x; });
  std::vector<bool> used(raw.size(), false);
  std::vector<MomentSet> sets;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (used[i]) continue;
    MomentSet acc = raw[i];
    int m = 1;
    for (std::size_t j = i + 1; j < raw.size() && raw[j].x - raw[i].x <= opt.same_set; ++j) {
      if (used[j] || raw[j].n != raw[i].n || dist(raw[i].x, raw[i].y, raw[j].x, raw[j].y) > opt.same_set) continue;
      if (std::fabs(raw[i].sxx + raw[i].syy - raw[j].sxx - raw[j].syy) >
          opt.point_spread * opt.point_spread + 0.01 * (raw[i].sxx + raw[i].syy))
        continue;
      used[j] = true;
      ++m;
      if (raw[j].hx * raw[j].hy > acc.hx * acc.hy) {
        const int windows = acc.windows;
        acc = raw[j];
        acc.windows = windows;
      }
    }
    acc.windows = m;
    if (m >= opt.min_windows) sets.push_back(acc);
  }
  return sets;
}

}  // namespace

Moments MomentSet::about(double ox, double oy, double h) const {
  // p = d + h q, q the fitted points about the window centre in units of h, d = window centre - origin.
  const double dx = wx - ox, dy = wy - oy;
  const double n_ = fit[0], Sx = fit[1], Sy = fit[2], Mxx = fit[3], Mxy = fit[4], Myy = fit[5], Tx = fit[6], Ty = fit[7];
  Moments m;
  m.n = n_;
  m.sx = n_ * dx + h * Sx;
  m.sy = n_ * dy + h * Sy;
  m.mxx = n_ * dx * dx + 2 * h * dx * Sx + h * h * Mxx;
  m.mxy = n_ * dx * dy + h * (dx * Sy + dy * Sx) + h * h * Mxy;
  m.myy = n_ * dy * dy + 2 * h * dy * Sy + h * h * Myy;
  // sum |p|^2 p = |d|^2 (n d + h S) + 2 h d (d.S) + 2 h^2 M d + h^2 tr(M) d + h^3 T
  const double d2 = dx * dx + dy * dy, dS = dx * Sx + dy * Sy, trM = Mxx + Myy;
  m.tx = d2 * (n_ * dx + h * Sx) + 2 * h * dx * dS + 2 * h * h * (Mxx * dx + Mxy * dy) + h * h * trM * dx + h * h * h * Tx;
  m.ty = d2 * (n_ * dy + h * Sy) + 2 * h * dy * dS + 2 * h * h * (Mxy * dx + Myy * dy) + h * h * trM * dy + h * h * h * Ty;
  return m;
}

MomentAttack attack_raster(const Raster& r, const MomentAttackOptions& opt) {
  MomentAttack out;
  if (r.kernel != "quartic") {
    out.error = "kernel " + r.kernel + " (the moment fit here is for the quartic kernel)";
    return out;
  }
  const double h = r.bandwidth, tight = opt.point_spread * opt.point_spread, units = kernel_units(r);
  std::vector<double> value = r.value;  // the published surface, minus the kernels of incidents located so far
  std::vector<Located> claims;
  auto claim = [&](const std::vector<Candidate>& pts, const std::string& how, const MomentSet* inside, const MomentSet* outside) {
    if (pts.empty()) return 0;
    for (const Candidate& p : pts) {
      if (inside && support_of_window(p.x, p.y, inside->wx, inside->wy, inside->hx, inside->hy, h) != 1) return 0;
      if (outside && support_of_window(p.x, p.y, outside->wx, outside->wy, outside->hx, outside->hy, h) != 0) return 0;
    }
    int added = 0;
    for (const Candidate& p : pts) {
      bool seen = false;
      for (const Located& l : claims) seen = seen || (dist(l.x, l.y, p.x, p.y) < 1.0 && l.count == p.count);
      if (seen) continue;
      claims.push_back({p.x, p.y, p.count, how + (pts.size() > 1 ? " mixture" : "")});
      ++added;
    }
    return added;
  };
  std::size_t peeled = 0;
  for (int round = 0; round <= opt.peel_rounds; ++round) {
    out.rounds = round + 1;
    std::vector<MomentSet> sets = fit_sets(r, value, opt, out);
    for (MomentSet& s : sets) s.round = round;
    int added = 0;
    for (const MomentSet& s : sets) added += claim(points_of(s.about(s.wx, s.wy, h), s.wx, s.wy, tight, h), "set", &s, nullptr);
    // Differences B - A of sets seen near each other, about A's window centre.
    for (const MomentSet& A : sets)
      for (const MomentSet& B : sets) {
        if (B.n <= A.n || dist(A.wx, A.wy, B.wx, B.wy) > 2 * h) continue;
        const Moments a = A.about(A.wx, A.wy, h), b = B.about(A.wx, A.wy, h);
        const Moments d{b.n - a.n, b.sx - a.sx, b.sy - a.sy, b.mxx - a.mxx, b.mxy - a.mxy, b.myy - a.myy, b.tx - a.tx, b.ty - a.ty};
        added += claim(points_of(d, A.wx, A.wy, tight, h), "difference", &B, &A);
      }
    out.sets.insert(out.sets.end(), sets.begin(), sets.end());
    if (added == 0 || round == opt.peel_rounds) break;
    // Peel: subtract the newly located incidents' kernels from the published cells.
    const int reach = static_cast<int>(std::ceil(h / r.cell)) + 1;
    for (; peeled < claims.size(); ++peeled) {
      const Located& l = claims[peeled];
      const int cc = static_cast<int>(std::floor((l.x - r.origin_x) / r.cell)), rr = static_cast<int>(std::floor((r.origin_y - l.y) / r.cell));
      for (int i = std::max(0, rr - reach); i <= std::min(r.ny - 1, rr + reach); ++i)
        for (int j = std::max(0, cc - reach); j <= std::min(r.nx - 1, cc + reach); ++j) {
          const double u2 = (std::pow(r.cx(j) - l.x, 2) + std::pow(r.cy(i) - l.y, 2)) / (h * h);
          if (u2 < 1) value[static_cast<std::size_t>(i) * static_cast<std::size_t>(r.nx) + static_cast<std::size_t>(j)] -= l.count * units * (1 - u2) * (1 - u2);
        }
    }
  }
  out.located = std::move(claims);
  return out;
}

LocatedScore score_located(const std::vector<Located>& claims, const std::vector<Point>& truth, int min_count, double exact_m) {
  LocatedScore s;
  for (const Located& l : claims) {
    ++s.claims;
    double d1 = HUGE_VAL;
    for (const Point& p : truth) d1 = std::min(d1, dist(p.x, p.y, l.x, l.y));
    if (d1 > 100) {
      ++s.false_claims;
      char buf[160];
      std::snprintf(buf, sizeof buf, "FALSE: %d at (%.1f, %.1f), nearest truth %.0f m (%s)", l.count, l.x, l.y, d1, l.how.c_str());
      s.examples.insert(s.examples.begin(), buf);
      continue;
    }
    ++s.within_100m;
    if (d1 > exact_m) continue;
    int there = 0;
    for (const Point& p : truth) there += dist(p.x, p.y, l.x, l.y) <= d1 + 1.0;
    if (there != l.count) {
      ++s.wrong_count;
      continue;
    }
    ++s.exact;
    s.worst_exact_m = std::max(s.worst_exact_m, d1);
    s.below_min_count += l.count < min_count;
    if (s.examples.size() < 8) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "%d at (%.1f, %.1f), %.2f m from the truth (%s)", l.count, l.x, l.y, d1, l.how.c_str());
      s.examples.push_back(buf);
    }
  }
  return s;
}

}  // namespace hotspot::attack
