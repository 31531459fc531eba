// Apportioning London's 4,835 LSOAs (ONS mid-2019 residents) to its 649
// wards (../shared/data): geo/apportion against the baseline a GIS user
// would write, GEOS intersection of every LSOA with every ward with no index,
// measured in the same run; the two must give the same residents per ward
// (the table says so).
#include <fmt/format.h>
#include <gdal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <vector>

#include "core/diagnostics.hpp"
#include "geo/apportion.hpp"
#include "geo/ward_set.hpp"
#include "io/population_reader.hpp"
#include "io/ward_reader.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

constexpr int kRepeats = 3;

double median_seconds(const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < kRepeats; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

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
  GDALAllRegister();
  const fs::path data = argc > 1 ? fs::path(argv[1]) : fs::path(HOTSPOT_SOURCE_DIR).parent_path() / "shared/data";
  const fs::path lsoa = data / "population/lsoa-2011-boundaries/LSOA_2011_London_gen_MHW.shp";
  const fs::path csv = data / "population/london-lsoa-mid2019-population.csv";
  if (!fs::exists(lsoa)) {
    fmt::print("skipped: {} is absent\n", lsoa.string());
    return 0;
  }
  GeosContext geos;
  Diagnostics diag;
  WardSource ws;
  ws.path = (data / "boundaries/london-wards-2014/London_Ward.shp").string();
  ws.code_field = "GSS_CODE";
  ws.name_field = "NAME";
  const std::vector<Ward> wards = read_wards(geos, ws, "EPSG:27700", diag).wards;
  WardSource as;
  as.path = lsoa.string();
  as.code_field = "LSOA11CD";
  as.name_field = "";
  const std::vector<Ward> polygons = read_wards(geos, as, "EPSG:27700", diag).wards;
  PopulationColumns cols;
  cols.code_column = "LSOA11CD";
  cols.value_column = "Persons_All-Ages";
  const PopulationTable pop = read_population_csv(csv.string(), cols);
  std::vector<SmallArea> areas;
  for (const Ward& p : polygons) areas.push_back({p.wkb, pop.by_code.at(p.code)});

  const WardSet set(geos, wards);
  Apportionment fast;
  const double t_fast = median_seconds([&] { fast = apportion(geos, set, areas); });
  std::vector<double> slow;
  const double t_slow = median_seconds([&] { slow = pairwise(geos, wards, areas); });
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
