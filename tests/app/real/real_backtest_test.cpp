// What a pack prints on its hotspots is what its published hotspots did
// (issue 25). The backtest_area_share, backtest_hit_rate, backtest_pai and
// backtest_pai_12_months_squares of period P's hotspots claim to be means,
// over the 12 target months P-11..P, of the hotspots the pack published for
// the month before each target, scored on the target month. Here each of those
// layers (`hotspot kde --period m-1`) is read back from hotspots_<theme>.geojson
// as 100 m squares, and the target month's police.uk rows are counted with
// GDAL/OGR (police_uk_truth), with no engine code, and the means compared with
// what the pack printed, to its printed precision.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/support/police_uk_truth.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

constexpr double kCell = 100;
constexpr int kSub = 4;  // a square is in the study area when one of its 4 x 4 sub-square centres is (evaluate's grid)
const std::vector<std::string> kThemes = {"asb", "violence", "vawg", "acquisitive"};

using Square = std::pair<long, long>;  // column and row on the 100 m lattice: floor(x / 100), floor(y / 100)

Square square_of(double x, double y) {
  return {static_cast<long>(std::floor(x / kCell)), static_cast<long>(std::floor(y / kCell))};
}

std::vector<OGRPoint> sub_centres(const Square& s) {
  std::vector<OGRPoint> out;
  for (int i = 0; i < kSub; ++i)
    for (int j = 0; j < kSub; ++j)
      out.emplace_back((static_cast<double>(s.first) + (i + 0.5) / kSub) * kCell,
                       (static_cast<double>(s.second) + (j + 0.5) / kSub) * kCell);
  return out;
}

// A polygon's or multipolygon's rings, for the even-odd rule: a point is
// inside when a ray from it crosses the rings an odd number of times (holes
// included). Points on an edge are measure zero here: sub-square centres sit
// 12.5 m from any square's side. Written out because OGR's GEOS predicates
// convert a ward to GEOS on every call, which made this test take minutes.
class Rings {
 public:
  explicit Rings(const OGRGeometry& g) {
    g.getEnvelope(&box_);
    const auto add = [this](const OGRPolygon& p) {
      for (const OGRLinearRing* r : p) {
        std::vector<std::pair<double, double>>& ring = rings_.emplace_back();
        for (const OGRPoint& v : *r) ring.emplace_back(v.getX(), v.getY());
      }
    };
    const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
    if (type == wkbPolygon) add(*g.toPolygon());
    else if (type == wkbMultiPolygon)
      for (const OGRPolygon* p : *g.toMultiPolygon()) add(*p);
    else FAIL("not a polygon: " << g.getGeometryName());
  }
  bool contains(double x, double y) const {
    if (x < box_.MinX || x > box_.MaxX || y < box_.MinY || y > box_.MaxY) return false;
    bool in = false;
    for (const auto& ring : rings_)
      for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto [xi, yi] = ring[i];
        const auto [xj, yj] = ring[j];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
      }
    return in;
  }

 private:
  OGREnvelope box_;
  std::vector<std::vector<std::pair<double, double>>> rings_;
};

// The study area's squares, decided as they are asked for.
class StudyArea {
 public:
  explicit StudyArea(const std::vector<test::IndependentWard>& wards) {
    for (const auto& w : wards) {
      wards_.emplace_back(*w.geom);
      area_m2_ += OGR_G_Area(OGRGeometry::ToHandle(w.geom.get()));
    }
  }
  bool holds(const Square& s) {
    const auto [it, fresh] = known_.try_emplace(s, false);
    if (fresh)
      for (const OGRPoint& p : sub_centres(s))
        for (const Rings& w : wards_) it->second = it->second || w.contains(p.getX(), p.getY());
    return it->second;
  }
  double area_m2() const { return area_m2_; }

 private:
  std::vector<Rings> wards_;
  std::map<Square, bool> known_;
  double area_m2_ = 0;
};

OGRCoordinateTransformation& to_bng() {
  static const std::unique_ptr<OGRCoordinateTransformation> ct = [] {
    OGRSpatialReference wgs84, bng;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    bng.importFromEPSG(27700);
    bng.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&wgs84, &bng));
  }();
  return *ct;
}

// A published layer's squares: those with a sub-square centre inside one of
// its polygons (each polygon is its squares clipped to the study area, so a
// drawn square keeps the centre that put it in the area, and no other square
// has one inside).
std::set<Square> drawn_squares(const fs::path& geojson) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(geojson.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  std::set<Square> out;
  for (auto& f : *ds->GetLayer(0)) {
    std::unique_ptr<OGRGeometry> g(f->GetGeometryRef()->clone());
    REQUIRE(g->transform(&to_bng()) == OGRERR_NONE);
    OGREnvelope e;
    g->getEnvelope(&e);
    const Rings rings(*g);
    const Square lo = square_of(e.MinX, e.MinY), hi = square_of(e.MaxX, e.MaxY);
    for (long c = lo.first; c <= hi.first; ++c)
      for (long r = lo.second; r <= hi.second; ++r)
        for (const OGRPoint& p : sub_centres({c, r}))
          if (rings.contains(p.getX(), p.getY())) {
            out.insert({c, r});
            break;
          }
  }
  return out;
}

// The theme's incidents per study-area square and month index (into `months`).
using MonthlySquares = std::vector<std::map<Square, double>>;

MonthlySquares monthly_squares(const test::Counts& counts, const std::string& theme,
                               const std::vector<std::size_t>& month_of_file, std::size_t months, StudyArea& area) {
  MonthlySquares out(months);
  const auto& pts = counts.points.at(theme);
  const auto& files = counts.point_file.at(theme);
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const Square s = square_of(pts[i].first, pts[i].second);
    if (area.holds(s)) out[month_of_file[files[i]]][s] += 1;  // evaluate counts only study-area squares
  }
  return out;
}

struct Scored {
  double share = 0, hit_rate = 0, pai = 0, l12_pai = 0;
};

// One target month: the drawn squares against the month's incidents, and the
// last 12 months' top squares at the same number of squares, ties at the cut
// credited by the share of them that fits (the expected random tie-break).
Scored score_month(const std::set<Square>& drawn, const MonthlySquares& by_month, std::size_t target, double area_m2) {
  const std::map<Square, double>& actual = by_month[target];
  double total = 0, hits = 0;
  for (const auto& [s, n] : actual) {
    total += n;
    if (drawn.count(s)) hits += n;
  }
  REQUIRE(total > 0);
  REQUIRE(target >= 12);
  Scored out;
  const double k = static_cast<double>(drawn.size());
  out.share = k * kCell * kCell / area_m2;
  out.hit_rate = hits / total;
  out.pai = out.hit_rate / out.share;
  std::map<Square, double> last12;
  for (std::size_t m = target - 12; m < target; ++m)
    for (const auto& [s, n] : by_month[m]) last12[s] += n;
  std::vector<double> values;
  for (const auto& [s, n] : last12) values.push_back(n);
  std::sort(values.rbegin(), values.rend());
  REQUIRE(values.size() >= drawn.size());  // the cut is above zero on these boroughs
  const double cut = values[drawn.size() - 1];
  double above = 0, tied = 0, hits_above = 0, hits_tied = 0;
  for (const auto& [s, n] : last12) {
    const auto it = actual.find(s);
    const double caught = it == actual.end() ? 0 : it->second;
    if (n > cut) above += 1, hits_above += caught;
    else if (n == cut) tied += 1, hits_tied += caught;
  }
  out.l12_pai = (hits_above + (k - above) / tied * hits_tied) / total / out.share;
  return out;
}

struct Printed {
  int months = 0;
  double share = 0, hit_rate = 0, pai = 0, l12_pai = 0;
};

// The record printed on a layer's hotspots (the same on each: it is the drawing's).
Printed printed(const fs::path& geojson) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(geojson.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  std::set<std::string> records;
  Printed p;
  for (auto& f : *ds->GetLayer(0)) {
    p = {f->GetFieldAsInteger("backtest_months"), f->GetFieldAsDouble("backtest_area_share"),
         f->GetFieldAsDouble("backtest_hit_rate"), f->GetFieldAsDouble("backtest_pai"),
         f->GetFieldAsDouble("backtest_pai_12_months_squares")};
    records.insert(fmt::format("{} {} {} {} {}", p.months, p.share, p.hit_rate, p.pai, p.l12_pai));
  }
  CHECK(records.size() == 1);
  return p;
}

std::string month_text(int index) { return fmt::format("{:04d}-{:02d}", 2016 + index / 12, index % 12 + 1); }

void check_printed_record(const std::string& borough, const std::string& folder) {
  INFO(borough);
  test::TempDir dir("backtest-" + folder);
  test::write_text(dir / "run.toml", test::borough_config(borough, "2018-06", folder + "/*.csv"));
  // Months 2016-01 (index 0) .. 2018-06 (index 29); the pack of 2018-06 backtests targets 2017-07..2018-06 (18..29).
  constexpr std::size_t kMonths = 30, kFirstTarget = 18;
  for (std::size_t m = kFirstTarget - 1; m < kMonths; ++m) {
    const std::string period = month_text(static_cast<int>(m));
    const int rc = test::run_hotspot(
        fmt::format("kde '{}' --period {} --out '{}' --quiet", (dir / "run.toml").string(), period, (dir / period).string()),
        dir / "log");
    INFO(test::read_text(dir / "log"));
    REQUIRE(rc == 0);
  }
  // Every row of the borough's files, in the order the engine reads them (a repeated Crime ID keeps its first row).
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::shared_data_dir() / "police-uk" / folder))
    if (e.path().extension() == ".csv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::size_t> month_of_file;
  for (const fs::path& f : files) {
    const std::string name = f.filename().string();
    month_of_file.push_back(static_cast<std::size_t>((std::stoi(name.substr(0, 4)) - 2016) * 12 + std::stoi(name.substr(5, 2)) - 1));
    REQUIRE(month_of_file.back() < kMonths);
  }
  const auto wards = test::borough_wards(borough);
  StudyArea area(wards);
  const test::Counts counts = test::independent_count(files, wards);

  for (const std::string& theme : kThemes) {
    INFO(theme);
    const MonthlySquares by_month = monthly_squares(counts, theme, month_of_file, kMonths, area);
    Printed mine;
    for (std::size_t target = kFirstTarget; target < kMonths; ++target) {
      const std::set<Square> drawn =
          drawn_squares(dir / month_text(static_cast<int>(target) - 1) / fmt::format("hotspots_{}.geojson", theme));
      const Scored s = score_month(drawn, by_month, target, area.area_m2());
      mine.share += s.share / 12;
      mine.hit_rate += s.hit_rate / 12;
      mine.pai += s.pai / 12;
      mine.l12_pai += s.l12_pai / 12;
    }
    const Printed pack = printed(dir / "2018-06" / fmt::format("hotspots_{}.geojson", theme));
    INFO("printed: area " << pack.share << ", hit rate " << pack.hit_rate << ", PAI " << pack.pai
                          << ", 12 months' squares PAI " << pack.l12_pai);
    INFO("counted: area " << mine.share << ", hit rate " << mine.hit_rate << ", PAI " << mine.pai
                          << ", 12 months' squares PAI " << mine.l12_pai);
    CHECK(pack.months == 12);
    // To the precision printed (4, 3, 2 and 2 decimals), with a hair for the rounding.
    CHECK(std::abs(pack.share - mine.share) <= 0.00005 + 1e-9);
    CHECK(std::abs(pack.hit_rate - mine.hit_rate) <= 0.0005 + 1e-9);
    CHECK(std::abs(pack.pai - mine.pai) <= 0.005 + 1e-9);
    CHECK(std::abs(pack.l12_pai - mine.l12_pai) <= 0.005 + 1e-9);
  }
}

}  // namespace

TEST_CASE("the accuracy printed on the hotspots is their published drawing's, counted here on the months after",
          "[real][evaluate][drawing]") {
  check_printed_record("Havering", "havering");  // the drawing rule was tuned here
  check_printed_record("Haringey", "haringey");  // and confirmed here
}
