#pragma once
// Attack 3 (issue 23): a published quartic KDE surface inverted by moment
// fitting.
//
// In units of the bandwidth h, a cell at c gets sum_i (1 - |c - p_i|^2)^2 from
// the incidents p_i within h of it (times 3 / (pi h^2) * 1e6 for density
// output). Wherever a window of cells sees one fixed set of incidents, the
// surface there is a polynomial in c whose coefficients are that set's
// moments. With q = |c|^2 (c relative to the window's centre):
//
//   value = n (1 - q)^2 + 4 (1 - q) c.S - 2 (Mxx + Myy) + 6 x^2 Mxx + 8 x y Mxy
//           + 6 y^2 Myy + 2 (x^2 Myy + y^2 Mxx) - 4 c.T + U
//
// n = the count, S = sum p, M = sum p p^T, T = sum |p|^2 p, U = sum |p|^4: nine
// unknowns, linear. A least-squares fit over a k x k window of published
// cells that leaves no residual (beyond float32 rounding) gives n as an
// integer and the set's centroid S / n and spread M / n - (S / n)^2 exactly.
//
// Claims the attacker makes, without the truth:
//  - a set whose spread is zero: n incidents at one point (police.uk puts many
//    on one map point; exact coordinates give n = 1);
//  - a set whose spread is rank one: its incidents lie on a line; with the
//    third moment along it (from T), two points and how many at each
//    (a points at +alpha, n - a at -beta: alpha^2 = (n-a) l / a, and
//    sum t^3 = l^1.5 ((n-a)^2 - a^2) / sqrt(a (n-a)) picks a);
//  - two sets A and B near each other whose difference B - A is one point or
//    two (as above): those incidents, when they lie within h of B's window and
//    not of A's (so A is inside B).
// Peeling: the located incidents' kernels are subtracted from the published
// cells and the fit runs again, so sets that an located incident crossed
// become clean. Each claim is checked by the attacker only against the raster
// (support geometry); the test then scores it against the truth.
#include <filesystem>
#include <string>
#include <vector>

namespace hotspot::attack {

struct Raster {
  int nx = 0, ny = 0;
  double origin_x = 0, origin_y = 0, cell = 0;  // top-left corner, square cells
  std::vector<double> value;                    // row-major, top row first
  std::vector<bool> shown;                      // false for nodata
  double bandwidth = 0;
  std::string kernel, output, grid, theme, incidents;
  double cx(int c) const { return origin_x + (c + 0.5) * cell; }
  double cy(int r) const { return origin_y - (r + 0.5) * cell; }
};

Raster read_raster(const std::filesystem::path& tif);

// Moments of a set of incidents about an origin (metres): count, sum p,
// sum p p^T, sum |p|^2 p.
struct Moments {
  double n = 0, sx = 0, sy = 0, mxx = 0, mxy = 0, myy = 0, tx = 0, ty = 0;
};

struct MomentSet {       // one set of contributing incidents, as fitted
  int n = 0;
  double x = 0, y = 0;   // centroid (m)
  double sxx = 0, sxy = 0, syy = 0;  // spread: covariance of the set (m^2)
  double wx = 0, wy = 0; // centre of one window that sees exactly this set
  double hx = 0, hy = 0; // that window's half extents (m, centre to the outer cell centres)
  double fit[9] = {};    // the window's fitted n, S, M, T, U (units of h, about its centre)
  int windows = 0;       // windows agreeing on it
  int round = 0;         // peeling round that found it
  Moments about(double ox, double oy, double h) const;
};

struct Located {         // the attacker's claim: `count` incidents at (x, y)
  double x = 0, y = 0;
  int count = 0;
  std::string how;       // "set", "set mixture", "difference", "difference mixture"
};

struct MomentAttackOptions {
  // k x l windows of published cells (at least 16 cells: 9 unknowns and a residual to check).
  std::vector<std::pair<int, int>> windows = {{4, 4}, {5, 5}, {4, 6}, {6, 4}, {3, 6}, {6, 3}, {7, 7}};
  double integer_tolerance = 0.02;            // |n - round(n)| for a clean fit
  double residual_tolerance = 2e-6;           // residual rms / largest value in the window
  double point_spread = 3.0;                  // metres: a set (or difference) this tight is one point
  double same_set = 0.5;                      // metres: centroids this close are one set
  int min_windows = 2;                        // windows that must agree on a set
  int peel_rounds = 4;                        // subtract located incidents, fit again
};

struct MomentAttack {
  std::vector<MomentSet> sets;
  std::vector<Located> located;
  long windows_tried = 0, windows_clean = 0;
  int rounds = 0;
  std::string error;  // why the raster was not attacked (another kernel, ...)
};

MomentAttack attack_raster(const Raster& r, const MomentAttackOptions& options = {});

// kde.grid = "qgis": the origin is the westmost incident minus the support,
// the top the northmost plus it. The easting and northing it gives (NaN when
// the grid is aligned to the cell).
struct GridOriginLeak {
  double west_x = 0, north_y = 0;
  bool leaks = false;
};
GridOriginLeak qgis_origin_leak(const Raster& r);

// Scoring against the truth (test side).
struct Point {
  double x, y;
};
struct LocatedScore {
  int claims = 0;
  int within_100m = 0;       // a true incident within 100 m of the claimed point
  int exact = 0;             // a true incident within `exact_m`, and the claimed count there
  int wrong_count = 0;       // a true incident within `exact_m`, another count there
  int below_min_count = 0;   // exact, and the count is below min_count
  int false_claims = 0;      // nothing true within 100 m
  double worst_exact_m = 0;  // the largest distance among exact claims
  std::vector<std::string> examples;
};
LocatedScore score_located(const std::vector<Located>& claims, const std::vector<Point>& truth, int min_count,
                           double exact_m = 5.0);

}  // namespace hotspot::attack
