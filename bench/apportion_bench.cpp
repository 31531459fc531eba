// Apportioning London's 4,835 LSOAs (ONS mid-2019 residents) to its 649
// wards (../shared/data): geo/apportion against the baseline a GIS user
// would write, GEOS intersection of every LSOA with every ward with no index,
// measured in the same run; the two must give the same residents per ward
// (the table says so).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "bench_timing.hpp"
#include "core/diagnostics.hpp"
#include "geo/apportion.hpp"
#include "geo/ward_set.hpp"
#include "io/population_reader.hpp"
#include "io/ward_reader.hpp"
#include "london_wards.hpp"

using namespace hotspot;

namespace {

constexpr int kRepeats = 3;


// Every small area against every ward, no index, no covers shortcut: the
// shares of its area in each ward, with the same nesting rule.
std::vector<double> pairwise(const GeosContext& ctx, const std::vector<Ward>& wards, const std::vector<SmallArea>& areas) {
  std::vector<GeomPtr> w;
  for (const Ward& x : wards) w.push_back(geom_from_wkb(ctx, x.wkb));
  std::vector<double> out(wards.size(), 0);
  for (const SmallArea& sa : areas) {
    const GeomPtr g = geom_from_wkb(ctx, sa.wkb);
    double total = 0;
    GEOSArea_r(ctx.get(), g.get(), &total);
    std::vector<double> share(wards.size(), 0);
    double in = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      const GeomPtr part = own(ctx, GEOSIntersection_r(ctx.get(), w[i].get(), g.get()), "intersection");
      double a = 0;
      GEOSArea_r(ctx.get(), part.get(), &a);
      share[i] = a / total;
      in += share[i];
    }
    if (in <= kDefaultNestTolerance) continue;
    const std::size_t best = static_cast<std::size_t>(std::max_element(share.begin(), share.end()) - share.begin());
    if (share[best] >= 1 - kDefaultNestTolerance) {
      out[best] += sa.count;
      continue;
    }
    for (std::size_t i = 0; i < w.size(); ++i) out[i] += sa.count * share[i];
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const auto london = bench::load_london_small_areas(argc, argv);
  if (!london) return 0;
  const GeosContext& geos = london->geos;
  const std::vector<Ward>& wards = london->wards;
  const std::vector<SmallArea>& areas = london->lsoas;

  const WardSet set(geos, wards);
  Apportionment fast;
  const double t_fast = bench::median_seconds(kRepeats, [&] { fast = apportion(geos, set, areas); });
  std::vector<double> slow;
  const double t_slow = bench::median_seconds(kRepeats, [&] { slow = pairwise(geos, wards, areas); });
  double worst = 0;
  for (std::size_t i = 0; i < wards.size(); ++i) worst = std::max(worst, std::abs(fast.count[i] - slow[i]));
  fmt::print("Apportioning {} LSOAs to {} London wards; median of {} runs\n", areas.size(), wards.size(), kRepeats);
  fmt::print("| step | hotspot | baseline | baseline time | ratio (baseline / hotspot) | same result |\n");
  fmt::print("|---|---|---|---|---|---|\n");
  fmt::print("| apportion by area ({} nested, {} split) | {:.3f} s (R-tree + prepared covers) | GEOS intersection of every "
             "pair, no index | {:.3f} s | {:.0f}x | {} (largest ward difference {:.2g} residents) |\n",
             fast.nested, fast.split_areas, t_fast, t_slow, t_slow / t_fast, worst < 1e-6 ? "yes" : "NO", worst);
  return worst < 1e-6 ? 0 : 1;
}
