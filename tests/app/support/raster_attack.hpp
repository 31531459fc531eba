#pragma once
// The moment-fitting attack on a published KDE raster (issue 23, item 3).
//
// Inside the kernel's reach a quartic surface is a polynomial in x and y:
// with u = (x - xc) / h, v = (y - yc) / h in a window centred on (xc, yc), and
// (a_i, b_i) the incidents' scaled offsets,
//   s * sum_i (1 - (u - a_i)^2 - (v - b_i)^2)^2
// whose u^4 coefficient is s n, and whose u^3 and v^3 coefficients are
// -4 s sum a_i and -4 s sum b_i (s: 3 / (pi h^2) x 1e6 for density, 1 raw).
// So a least-squares fit of the 15 coefficients of a bivariate quartic on a
// window of published cells, wherever the same incidents reach every cell of
// it, gives their number and centroid; where that number is one, the
// centroid is the incident, and two nearby windows whose numbers differ
// by one give the position of the incident that one reaches and the other
// does not. The attacker reads the kernel, bandwidth and output from the
// GeoTIFF's metadata. Nothing here uses the engine's code.
#include <filesystem>
#include <utility>
#include <vector>

namespace hotspot::attack {

struct Raster {
  double x0 = 0, y0 = 0, cell = 0;  // west and north edges
  int nx = 0, ny = 0;
  std::vector<double> v;            // row-major from the north-west
  std::vector<char> shown;          // not nodata
  double h = 0;                     // bandwidth
  bool quartic = true, raw = false;
  double cx(int c) const { return x0 + (c + 0.5) * cell; }
  double cy(int r) const { return y0 - (r + 0.5) * cell; }
};

Raster read_raster(const std::filesystem::path& tif);

using Points = std::vector<std::pair<double, double>>;

// The exact quartic KDE of `points` at `r`'s cell centres, in its units, as a
// partner could compute it from another published layer (e.g. a robbery
// theme's points) to subtract it.
std::vector<double> quartic_surface(const Raster& r, const Points& points);

struct MomentFindings {
  long windows = 0;          // windows fully published and not flat zero
  long fits = 0;             // windows where one quartic holds (one set of incidents reaches every cell)
  long whole = 0;            // of them, fits giving a whole number of incidents
  long candidates = 0;       // positions claimed: single-incident windows and nearby pairs differing by one
  long located = 0;          // protected incidents (distinct) within `precision` of a claimed position
  long counts_recovered = 0; // windows whose whole number 1..m-1 and centroid are the truth in their reach
  double closest = 1e300;    // closest claimed position to a protected incident, metres
};

// Fits windows of 5 x 5, 7 x 7 and 9 x 9 cells at every position; `truth`:
// the protected incidents (BNG), counted from the raw files by the caller.
MomentFindings moment_attack(const Raster& r, const Points& truth, int m, double precision = 1.0);

}  // namespace hotspot::attack
