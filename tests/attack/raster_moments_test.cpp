// Attack 3 (issue 23): KDE rasters inverted by moment fitting
// (raster_moments.hpp), on every raster of a strict pack and on the default
// configuration, where VAWG is masked below 5 but violence (which holds every
// VAWG incident on police.uk, and the DA-flagged violence on the sample) is
// not. Success for the attacker: an incident of a protected theme placed
// within 100 m, or a count below min_count recovered. Target: none.
#include <catch2/catch.hpp>

#include <cmath>

#include "attack/raster_moments.hpp"
#include "attack/runs.hpp"
#include "attack/truth.hpp"

using namespace hotspot::attack;
namespace fs = std::filesystem;

namespace {

std::vector<Point> points_of(const std::vector<TruthIncident>& truth, const std::string& theme, MonthRange months) {
  std::vector<Point> out;
  for (const TruthIncident& t : truth)
    if (months.contains(t.month) && std::find(t.themes.begin(), t.themes.end(), theme) != t.themes.end())
      out.push_back({t.x, t.y});
  return out;
}

// Every raster of the pack against its own theme's truth; the themes with min_count > 1 must give nothing.
void attack_every_raster(const std::string& what, const fs::path& pack, const std::vector<TruthIncident>& truth) {
  const Manifest m = read_manifest(pack);
  for (const ThemeInfo& t : m.themes) {
    const fs::path tif = pack / ("kde_" + t.id + ".tif");
    if (!fs::exists(tif)) continue;
    const Raster r = read_raster(tif);
    const MomentAttack a = attack_raster(r);
    const LocatedScore s = score_located(a.located, points_of(truth, t.id, m.period), t.min_count);
    std::string ex;
    for (const std::string& e : s.examples) ex += "\n  " + e;
    WARN(what << " kde_" << t.id << ".tif (min_count " << t.min_count << ", h " << r.bandwidth << " m): "
              << a.windows_clean << " of " << a.windows_tried << " windows fit exactly, " << a.sets.size()
              << " incident sets, " << s.claims << " places claimed: " << s.exact << " exact (worst "
              << s.worst_exact_m << " m), " << s.below_min_count << " with a count below min_count, " << s.within_100m
              << " within 100 m, " << s.wrong_count << " wrong counts, " << s.false_claims << " false" << ex);
    INFO(what << " kde_" << t.id << ".tif");
    CHECK(a.error.empty());
    if (t.min_count <= 1) continue;
    CHECK(s.within_100m == 0);
    CHECK(s.below_min_count == 0);
  }
}

// The raster of a theme that holds every incident of a protected theme (violence
// holds VAWG): its located places scored against the protected theme's truth.
void attack_container(const std::string& what, const fs::path& pack, const std::string& container,
                      const std::string& protected_theme, const std::vector<TruthIncident>& truth) {
  const Manifest m = read_manifest(pack);
  const int mc = m.theme(protected_theme)->min_count;
  const fs::path tif = pack / ("kde_" + container + ".tif");
  if (!fs::exists(tif)) {
    WARN(what << ": no kde_" << container << ".tif published");
    return;
  }
  const Raster r = read_raster(tif);
  const MomentAttack a = attack_raster(r);
  const std::vector<Point> prot = points_of(truth, protected_theme, m.period);
  const LocatedScore s = score_located(a.located, prot, mc);
  // Isolated: an exactly placed protected incident with fewer than min_count of its theme within the bandwidth
  // (the protected theme's own raster masks it).
  int isolated = 0, singles = 0;
  for (const Located& l : a.located) {
    int here = 0, near = 0;
    for (const Point& p : prot) {
      const double d = std::hypot(p.x - l.x, p.y - l.y);
      here += d <= 5.0;
      near += d < r.bandwidth;
    }
    if (here == 0) continue;
    singles += l.count == 1 && here == 1;
    isolated += near < mc;
  }
  const GridOriginLeak g = qgis_origin_leak(r);
  int origin_hits = 0;
  if (g.leaks)
    for (const Point& p : prot) origin_hits += std::fabs(p.x - g.west_x) < 1.0 || std::fabs(p.y - g.north_y) < 1.0;
  WARN(what << " kde_" << container << ".tif against " << protected_theme << ": " << a.sets.size() << " incident sets, "
            << s.claims << " places claimed, " << s.within_100m << " within 100 m of a " << protected_theme
            << " incident, " << s.exact << " exactly with the count of " << protected_theme << " there, " << singles
            << " single " << protected_theme << " incidents, " << isolated << " isolated (under " << mc << " within "
            << r.bandwidth << " m); grid origin " << (g.leaks ? "gives" : "does not give") << " a coordinate ("
            << origin_hits << " of a " << protected_theme << " incident)");
  INFO(what << " kde_" << container << ".tif against " << protected_theme);
  CHECK(s.within_100m == 0);
  CHECK(isolated == 0);
  CHECK(origin_hits == 0);
}

}  // namespace

TEST_CASE("attack rasters: every raster of the strict sample pack", "[attack][sample][rasters]") {
  const auto pack = run_pack(sample_config({{"asb", "min_count = 20\n"},
                                            {"violence", "min_count = 20\n"},
                                            {"vawg", "min_count = 10\n"},
                                            {"hate", "min_count = 10\n"}}),
                             work_dir("sample-strict"), "2025-12");
  attack_every_raster("sample strict", pack, sample_truth(source_dir() / "data/sample"));
}

TEST_CASE("attack rasters: the default sample pack, VAWG and the violence raster", "[attack][sample][rasters]") {
  const auto pack = run_pack(sample_config(), work_dir("sample-default"), "2025-12");
  const auto truth = sample_truth(source_dir() / "data/sample");
  attack_every_raster("sample default", pack, truth);
  attack_container("sample default", pack, "violence", "vawg", truth);
}

namespace {

std::vector<TruthIncident> borough_truth(const std::string& borough, const std::string& folder) {
  return police_uk_truth(shared_data() / "police-uk" / folder, borough, police_uk_taxonomy());
}

void borough_rasters(const std::string& borough, const std::string& folder, const std::string& period) {
  const auto truth = borough_truth(borough, folder);
  // The default configuration, with the QGIS grid asked for.
  const auto def = run_pack(borough_config(borough, folder, {}, "[kde]\ngrid = \"qgis\"\n"), work_dir(folder + "-default"), period);
  attack_every_raster(borough + " " + period + " default", def, truth);
  attack_container(borough + " " + period + " default", def, "violence", "vawg", truth);
  // Strict minimums everywhere.
  ThemeTables strict;
  for (const char* t : {"asb", "violence", "acquisitive"}) strict[t] = "min_count = 20\n";
  strict["vawg"] = "min_count = 15\n";
  const auto pack = run_pack(borough_config(borough, folder, strict), work_dir(folder + "-strict"), period);
  attack_every_raster(borough + " " + period + " strict", pack, truth);
}

}  // namespace

TEST_CASE("attack rasters: Havering 2017-06", "[attack][real][rasters]") { borough_rasters("Havering", "havering", "2017-06"); }

TEST_CASE("attack rasters: Harrow 2017-11", "[attack][real][rasters]") { borough_rasters("Harrow", "harrow", "2017-11"); }
