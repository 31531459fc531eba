#pragma once
// Kernel density estimation on a regular grid, exact at cell centres.
//
// For a point at distance d from a cell centre, with bandwidth h and u = d / h:
//   kernel        raw shape k(u), u < 1      density normalisation c (K = c * k / h^2)
//   uniform       1                          1 / pi
//   triangular    1 - u                      3 / pi
//   epanechnikov  1 - u^2                    2 / pi
//   quartic       (1 - u^2)^2                3 / pi          (biweight; the default)
//   triweight     (1 - u^2)^3                4 / pi
//   gaussian      exp(-u^2 / 2), u < t       1 / (2 pi (1 - exp(-t^2 / 2)))
// where for the Gaussian h is sigma and the kernel is truncated at t sigmas
// (default t = 3) and renormalised over the disc it covers. Each c makes K
// integrate to 1 over the plane, so "density" output (sum of w * K, in
// incidents per m^2, reported per km^2 by multiplying by 1e6) integrates to
// the total weight. "raw" output is the sum of w * k(u), as QGIS's Heatmap raw
// output: k = 1 at the point itself.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/grid.hpp"

namespace hotspot {

enum class Kernel { Quartic, Epanechnikov, Triangular, Uniform, Triweight, Gaussian };
enum class KdeOutput { Raw, Density };

struct WeightedPoint {
  double x = 0, y = 0;
  double w = 1;
};

struct KdeParams {
  Kernel kernel = Kernel::Quartic;
  double bandwidth = 250;          // metres; sigma for the Gaussian
  KdeOutput output = KdeOutput::Density;
  double gaussian_truncation = 3;  // in sigmas
  int threads = 2;                 // results do not depend on this
};

// Parses "quartic", "epanechnikov", ...; throws a usage Error listing the choices.
Kernel parse_kernel(std::string_view name);
std::string_view kernel_name(Kernel k);
KdeOutput parse_kde_output(std::string_view name);

// Radius beyond which the kernel is zero (h, or t * sigma for the Gaussian).
double kernel_support(const KdeParams& p);
// The kernel's contribution of one unit-weight point at distance d, in the
// units of the output (per m^2 for density before the km^2 scaling; raw shape otherwise).
double kernel_value(const KdeParams& p, double d);

// Sum of kernel contributions at every cell centre of `spec`. For density
// output the values are per km^2. Exact: each cell gets the kernel evaluated
// at its own centre for every point within the support, summed in input
// order, so the result does not depend on the number of threads.
std::vector<double> kde(const std::vector<WeightedPoint>& points, const GridSpec& spec, const KdeParams& p);

// Memory per cell of a theme's KDE surface while it is computed, masked and
// published, for the budget check (core/grid_budget.hpp): the surface (8),
// the study-area mask (1), a suppressed theme's support counts (4).
inline constexpr double kKdeBytesPerCell = 13;

// Default bandwidth for borough-scale police data: see kde.cpp for the rule.
double default_bandwidth(const std::vector<WeightedPoint>& points, double study_area_m2, double cell);

}  // namespace hotspot
