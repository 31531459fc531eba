// Emerging hot spots on real data: the Mann-Kendall statistic on real monthly
// series against a direct computation here (the textbook sums, no engine
// code), and the classes of a Havering run against the rules they claim.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/mann_kendall.hpp"
#include "app/police_uk_truth.hpp"
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
