// Emerging hot spots on real data: the Mann-Kendall statistic on real monthly
// series against a direct computation here (the textbook sums, no engine
// code), and the classes of a Havering run against the rules they claim.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <memory>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "analysis/mann_kendall.hpp"
#include "app/support/police_uk_truth.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

struct DirectMk {
  double s = 0, variance = 0, z = 0, p = 1;
};

// Mann (1945), Kendall (1975): S over all pairs, the variance with ties, the
// continuity-corrected z and its two-sided normal p.
DirectMk direct_mann_kendall(const std::vector<double>& x) {
  DirectMk r;
  const double n = static_cast<double>(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    for (std::size_t j = i + 1; j < x.size(); ++j) r.s += (x[j] > x[i]) - (x[j] < x[i]);
  std::map<double, int> ties;
  for (double v : x) ++ties[v];
  double tie_term = 0;
  for (const auto& [v, t] : ties) tie_term += t * (t - 1.0) * (2.0 * t + 5.0);
  r.variance = (n * (n - 1) * (2 * n + 5) - tie_term) / 18.0;
  if (r.s > 0) r.z = (r.s - 1) / std::sqrt(r.variance);
  if (r.s < 0) r.z = (r.s + 1) / std::sqrt(r.variance);
  r.p = std::erfc(std::fabs(r.z) / std::sqrt(2.0));
  return r;
}

std::string month_name(int year, int month) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

}  // namespace

TEST_CASE("Mann-Kendall on Havering's monthly ward series equals a direct computation", "[real][emerging]") {
  const auto wards = test::borough_wards("Havering");
  std::map<std::string, std::map<std::string, std::vector<double>>> series;  // theme -> ward -> 24 months
  for (int k = 0; k < 24; ++k) {
    const std::string month = month_name(2016 + k / 12, k % 12 + 1);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(test::shared_data_dir() / "police-uk/havering"))
      if (e.path().filename().string().rfind(month, 0) == 0) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    const test::Counts c = test::independent_count(files, wards);
    for (const std::string theme : {"asb", "violence", "acquisitive"})
      for (const auto& w : wards) {
        const auto& by = c.by_ward.count(theme) ? c.by_ward.at(theme) : std::map<std::string, long>{};
        series[theme][w.code].push_back(by.count(w.code) ? static_cast<double>(by.at(w.code)) : 0.0);
      }
  }
  int compared = 0, trending = 0;
  for (const auto& [theme, by_ward] : series)
    for (const auto& [code, x] : by_ward) {
      INFO(theme << " " << code);
      REQUIRE(x.size() == 24);
      const DirectMk want = direct_mann_kendall(x);
      const MannKendall got = mann_kendall(x);
      CHECK(got.s == want.s);
      CHECK(got.variance == Approx(want.variance).epsilon(1e-12));
      CHECK(got.z == Approx(want.z).margin(1e-12));
      CHECK(got.p == Approx(want.p).margin(1e-12));
      ++compared;
      trending += want.p <= 0.05;
    }
  WARN(compared << " real series compared, " << trending << " with a significant trend");
  CHECK(compared == 54);
  CHECK(trending >= 1);  // the check covers significant trends, not only flat series
}

TEST_CASE("Havering 2017-12: every emerging area's months_hot fits its class", "[real][emerging]") {
  test::TempDir dir("havering-emerging");
  test::write_text(dir / "run.toml", test::borough_config("Havering", "2017-12", "havering/*.csv"));
  const int rc = test::run_hotspot("run '" + (dir / "run.toml").string() + "'", dir / "log");
  INFO(test::read_text(dir / "log"));
  REQUIRE(rc == 0);
  int areas = 0;
  for (const std::string theme : {"asb", "violence", "vawg", "acquisitive"}) {
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "out" / ("emerging_" + theme + ".geojson")).c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    for (auto& f : *ds->GetLayer(0)) {
      ++areas;
      const std::string cls = f->GetFieldAsString("space_time_class"), summary = f->GetFieldAsString("summary_class");
      const int hot = f->GetFieldAsInteger("months_hot");  // the most in any of the area's cells
      INFO(theme << " " << f->GetFieldAsString("label") << ": " << cls << ", " << summary << ", " << hot);
      CHECK(std::string(f->GetFieldAsString("window")) == "2016-01..2017-12");
      if (cls == "new hot spot") CHECK(hot == 1);
      if (cls == "consecutive hot spot") CHECK((hot >= 2 && hot < 22));
      // 90% of 24 months: 21.6, so at least 22 hot months.
      if (cls == "persistent hot spot" || cls == "intensifying hot spot" || cls == "diminishing hot spot" ||
          cls == "historical hot spot")
        CHECK(hot >= 22);
      if (cls == "sporadic hot spot" || cls == "oscillating hot spot") CHECK(hot < 22);
      CHECK(f->GetFieldAsInteger("count") >= 3);
    }
  }
  CHECK(areas > 20);
}

TEST_CASE("Havering 2017-11 and 2017-12: a hotspot keeps its name from one month to the next", "[real][tracking]") {
  // period -> theme -> ref -> shape
  std::map<std::string, std::map<std::string, std::map<std::string, std::unique_ptr<OGRGeometry>>>> shapes;
  const std::vector<std::string> themes = {"asb", "violence", "vawg", "acquisitive"};
  for (const std::string period : {"2017-11", "2017-12"}) {
    test::TempDir dir("havering-track-" + period);
    test::write_text(dir / "run.toml", test::borough_config("Havering", period, "havering/*.csv"));
    REQUIRE(test::run_hotspot("run '" + (dir / "run.toml").string() + "' --quiet", dir / "log") == 0);
    for (const std::string& theme : themes) {
      GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "out" / ("hotspots_" + theme + ".geojson")).c_str(), GDAL_OF_VECTOR));
      REQUIRE(ds);
      for (auto& f : *ds->GetLayer(0)) {
        const std::string ref = f->GetFieldAsString("hotspot_ref");
        INFO(period << " " << theme << " " << ref);
        CHECK(shapes[period][theme].count(ref) == 0);  // names are unique within a theme and month
        shapes[period][theme][ref].reset(f->GetGeometryRef()->clone());
      }
    }
  }
  // A hotspot on the place of one of last month's carries one of their names. Only a merge (one
  // hotspot over several of last month's) or a split may leave a part with a new name.
  int continuing = 0, kept = 0;
  for (const std::string& theme : themes)
    for (const auto& [ref, shape] : shapes["2017-12"][theme]) {
      bool over = false, same = false;
      for (const auto& [old_ref, old_shape] : shapes["2017-11"][theme])
        if (old_shape->Intersects(shape.get())) {
          over = true;
          same = same || old_ref == ref;
        }
      continuing += over;
      kept += same;
    }
  WARN(continuing << " hotspots on last month's places, " << kept << " with one of their names");
  CHECK(continuing >= 40);
  CHECK(kept >= 0.9 * continuing);  // measured: 49 of 52
}
