// The sample pack attacked as a partner could: every polygon and the VAWG
// raster are read back from the files, reprojected to British National Grid,
// and compared with the raw incidents read straight from the sample's CSVs
// (not through the engine's ingest). Nothing published may locate an incident:
// vertices lie on the documented lattices, polygons hold at least min_count
// incidents, the raster shows no cell of fewer than min_count contributors and
// no peak on an isolated incident.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <set>

#include "analysis/kde.hpp"
#include "geo/crs_transform.hpp"
#include "app/support/attacker.hpp"
#include "app/support/raster_attack.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

constexpr int kMinCount = 5;           // VAWG's min_count in data/themes/force-extract.toml
constexpr double kShapeCell = 50;      // clusters.shape_cell default
constexpr double kGistarCell = 100;    // clusters.gistar_cell default
constexpr double kKdeCell = 25;        // kde.cell in the sample

struct Raw {
  double x, y;
  bool vawg;
  bool violence;         // "Violence against the person", "Robbery", "Possession of weapons"
  bool december = true;  // of the period; else of the forecast's look-back (2024-01..2025-11)
};

bool starts_with_ci(std::string s, const std::string& prefix) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s.rfind(prefix, 0) == 0;
}

// December 2025 incidents from every CSV, one per reference, with numeric
// coordinates, inside the borough; VAWG by the theme's rules, restated here.
const std::vector<Raw>& raw_incidents();
// The same over the forecast hotspots' 24-month look-back, 2024-01..2025-12.
const std::vector<Raw>& lookback_incidents();

// The study area: the union of the sample's wards (BNG).
const OGRGeometry& borough() {
  static std::unique_ptr<OGRGeometry> area = [] {
    GDALDatasetUniquePtr ds(GDALDataset::Open((test::source_dir() / "data/sample/wards.geojson").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRMultiPolygon all;
    for (auto& f : *ds->GetLayer(0)) all.addGeometry(f->GetGeometryRef());
    return std::unique_ptr<OGRGeometry>(all.UnionCascaded());
  }();
  return *area;
}

std::vector<Raw> read_raw(const std::string& first, const std::string& last) {
  std::vector<Raw> out;
  std::set<std::string> seen;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "data/sample/incidents")) {
    std::ifstream in(e.path());
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const auto f = attack::split_csv_line(line);
      if (f.size() < 8 || f[1].size() < 7) continue;
      const std::string month = f[1].substr(0, 7);
      if (month < first || month > last || !seen.insert(f[0]).second) continue;
      char* end = nullptr;
      const double x = std::strtod(f[4].c_str(), &end);
      if (f[4].empty() || *end) continue;
      const double y = std::strtod(f[5].c_str(), &end);
      if (f[5].empty() || *end) continue;
      const OGRPoint p(x, y);
      if (!borough().Contains(&p)) continue;
      const bool vawg = f[6] == "Y" || f[2] == "Sexual offences" || starts_with_ci(f[3], "stalking") ||
                        starts_with_ci(f[3], "harassment");
      const bool violence = f[2] == "Violence against the person" || f[2] == "Robbery" || f[2] == "Possession of weapons";
      out.push_back({.x = x, .y = y, .vawg = vawg, .violence = violence, .december = month == "2025-12"});
    }
  }
  return out;
}

const std::vector<Raw>& raw_incidents() {
  static const std::vector<Raw> all = read_raw("2025-12", "2025-12");
  return all;
}

const std::vector<Raw>& lookback_incidents() {
  static const std::vector<Raw> all = read_raw("2024-01", "2025-12");
  return all;
}

std::vector<Raw> vawg() {
  std::vector<Raw> out;
  for (const Raw& r : raw_incidents())
    if (r.vawg) out.push_back(r);
  return out;
}

// The sample config with absolute paths, plus `extra` TOML appended.
fs::path run_pack(const std::string& name, const std::string& extra) {
  static std::map<std::string, std::unique_ptr<test::TempDir>> dirs;
  auto& dir = dirs[name];
  if (dir) return dir->path() / "out";
  dir = std::make_unique<test::TempDir>("geodisc-" + name);
  const fs::path sample = test::source_dir() / "data/sample";
  std::string toml = test::read_text(sample / "hotspot.toml");
  for (const std::string rel : {"../themes/force-extract.toml", "wards.geojson", "population.csv", "incidents/*.csv",
                                "venues.csv"}) {
    const std::string quoted = "\"" + rel + "\"";
    const auto at = toml.find(quoted);
    REQUIRE(at != std::string::npos);
    toml.replace(at, quoted.size(), "\"" + (sample / rel).string() + "\"");
  }
  // Options of [themes.vawg] go into the sample's own table (TOML allows one).
  const std::string vawg_table = "[themes.vawg]\n";
  if (extra.rfind(vawg_table, 0) == 0) {
    const auto at = toml.find(vawg_table);
    REQUIRE(at != std::string::npos);
    toml.insert(at + vawg_table.size(), extra.substr(vawg_table.size()));
    test::write_text(*dir / "run.toml", toml);
  } else {
    test::write_text(*dir / "run.toml", toml + "\n" + extra);
  }
  const int rc = test::run_hotspot("run '" + (*dir / "run.toml").string() + "' --quiet --out '" + (*dir / "out").string() +
                                   "'", *dir / "log");
  INFO(test::read_text(*dir / "log"));
  REQUIRE(rc == 0);
  return dir->path() / "out";
}

using attack::on_lattice;
using attack::off_lattice;
using attack::read_bng;
using attack::vertices;
using attack::Polygon;
using attack::kTolerance;

// A vertex made by clipping to the study area lies on its (public) boundary.
bool on_boundary(const OGRPoint& p) {
  static std::unique_ptr<OGRGeometry> edge(borough().Boundary());
  return edge->Distance(&p) < kTolerance;
}

long inside(const OGRGeometry& g, const std::vector<Raw>& pts) {
  long n = 0;
  for (const Raw& r : pts) {
    const OGRPoint p(r.x, r.y);
    n += g.Contains(&p);
  }
  return n;
}

// The centre of a 72-vertex ellipse: the mean of its distinct vertices.
OGRPoint centre(const OGRGeometry& ellipse, double& radius_spread) {
  const auto v = vertices(ellipse);
  double cx = 0, cy = 0;
  for (std::size_t i = 0; i + 1 < v.size(); ++i) cx += v[i].getX(), cy += v[i].getY();
  cx /= static_cast<double>(v.size() - 1);
  cy /= static_cast<double>(v.size() - 1);
  double lo = HUGE_VAL, hi = 0;
  for (const OGRPoint& p : v) {
    const double d = std::hypot(p.getX() - cx, p.getY() - cy);
    lo = std::min(lo, d);
    hi = std::max(hi, d);
  }
  radius_spread = hi - lo;
  return OGRPoint(cx, cy);
}

struct PackFindings {
  int polygons = 0, hull_vertices = 0, off_lattice = 0, ellipses = 0, ellipse_off_centre = 0, vawg_polygons = 0,
      vawg_too_few = 0, circles = 0, circles_on_incident = 0;
  long fewest_vawg_inside = -1;
};

PackFindings attack_polygons(const fs::path& pack) {
  PackFindings f;
  const std::vector<Raw> v = vawg();
  std::vector<Raw> v_lookback;
  for (const Raw& r : lookback_incidents())
    if (r.vawg) v_lookback.push_back(r);
  for (const std::string theme : {"asb", "violence", "vawg", "hate"}) {
    for (const auto& [prefix, cell] : std::vector<std::pair<std::string, double>>{
             {"clusters_", kShapeCell}, {"gistar_", kGistarCell}, {"hotspots_", kKdeCell}, {"emerging_", kGistarCell}}) {
      for (const Polygon& p : read_bng(pack / (prefix + theme + ".geojson"))) {
        ++f.polygons;
        INFO(prefix << theme << " " << p.props.at(prefix == "hotspots_" ? "hotspot_id" : "id"));
        if (prefix == "clusters_" && p.props.at("shape") == "ellipse") {
          ++f.ellipses;
          double spread = 0;
          const OGRPoint c = centre(*p.bng, spread);
          const bool cell_centre = off_lattice(c.getX(), cell, cell / 2) < kTolerance &&
                                   off_lattice(c.getY(), cell, cell / 2) < kTolerance;
          f.ellipse_off_centre += !cell_centre;
          if (spread < kTolerance) {
            ++f.circles;
            for (const Raw& r : raw_incidents())
              if (std::hypot(r.x - c.getX(), r.y - c.getY()) < 0.5) {
                ++f.circles_on_incident;
                break;
              }
          }
        } else {
          for (const OGRPoint& q : vertices(*p.bng)) {
            ++f.hull_vertices;
            // Cluster outlines are never clipped; Gi* and hotspot regions are, to the borough.
            const bool ok = on_lattice(q, cell) || (prefix != "clusters_" && on_boundary(q));
            if (!ok) UNSCOPED_INFO("off-lattice vertex " << std::fixed << q.getX() << " " << q.getY());
            f.off_lattice += !ok;
          }
        }
        // Emerging hot spots aggregate 24 months, which the engine counts (polygon_withheld on the
        // window's incidents); December's incidents alone do not say whether one may be published.
        // Forecast hotspots rest on their 24-month look-back, and are judged on its incidents.
        if (theme == "vawg" && prefix != "emerging_") {
          ++f.vawg_polygons;
          const long n = inside(*p.bng, prefix == "hotspots_" ? v_lookback : v);
          f.vawg_too_few += n < kMinCount;
          f.fewest_vawg_inside = f.fewest_vawg_inside < 0 ? n : std::min(f.fewest_vawg_inside, n);
        }
      }
    }
  }
  return f;
}

struct Surface {
  GridSpec spec;
  std::vector<float> v;
  double bandwidth = 0;
  std::string incidents;
  bool masked(std::size_t i) const { return v[i] == -9999.0f; }
};

Surface read_surface(const fs::path& tif) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER));
  REQUIRE(ds);
  Surface s;
  double gt[6];
  ds->GetGeoTransform(gt);
  s.spec.origin_x = gt[0];
  s.spec.origin_y = gt[3];
  s.spec.cell = gt[1];
  s.spec.nx = ds->GetRasterXSize();
  s.spec.ny = ds->GetRasterYSize();
  s.v.resize(s.spec.size());
  REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, s.spec.nx, s.spec.ny, s.v.data(), s.spec.nx, s.spec.ny,
                                         GDT_Float32, 0, 0) == CE_None);
  s.bandwidth = std::stod(ds->GetMetadataItem("HOTSPOT_BANDWIDTH_M"));
  s.incidents = ds->GetMetadataItem("HOTSPOT_INCIDENTS");
  return s;
}

}  // namespace

TEST_CASE("geometry disclosure: the attacker's incidents match the engine's VAWG count", "[geometry_disclosure]") {
  const Surface s = read_surface(run_pack("default", "") / "kde_vawg.tif");
  // Read independently from the CSVs, the December VAWG incidents in the borough are the engine's.
  CHECK(std::to_string(vawg().size()) == s.incidents);
  CHECK(vawg().size() == 177);
}

TEST_CASE("geometry disclosure: every polygon vertex is on its lattice, every VAWG polygon holds min_count",
          "[geometry_disclosure]") {
  const PackFindings f = attack_polygons(run_pack("default", ""));
  WARN("polygons " << f.polygons << ", vertices " << f.hull_vertices << ", ellipses " << f.ellipses
                   << ", VAWG polygons " << f.vawg_polygons << " (fewest incidents inside " << f.fewest_vawg_inside << ")");
  CHECK(f.polygons > 20);
  CHECK(f.hull_vertices > 500);
  CHECK(f.off_lattice == 0);
  CHECK(f.ellipses > 5);
  CHECK(f.ellipse_off_centre == 0);
  CHECK(f.vawg_polygons >= 2);  // the NNH cluster's outlines and the Gi* hot spot
  CHECK(f.vawg_too_few == 0);
  CHECK(f.fewest_vawg_inside >= kMinCount);
}

TEST_CASE("geometry disclosure: with dbscan_min_points = 1 no circle is centred on an incident",
          "[geometry_disclosure]") {
  const PackFindings f = attack_polygons(run_pack("min1", "[clusters]\ndbscan_min_points = 1\nmax_drawn = 0  # every single-cell cluster, the attacker's best case\n"));
  WARN("polygons " << f.polygons << ", circles " << f.circles << ", VAWG polygons " << f.vawg_polygons);
  CHECK(f.circles > 50);  // a single-cell cluster's ellipse is a half-cell circle on the cell centre
  CHECK(f.circles_on_incident == 0);
  CHECK(f.off_lattice == 0);
  CHECK(f.ellipse_off_centre == 0);
  CHECK(f.vawg_too_few == 0);
  CHECK(f.vawg_polygons >= 2);
}

namespace {

attack::Points points_where(bool (*keep)(const Raw&)) {
  attack::Points out;
  for (const Raw& r : raw_incidents())
    if (keep(r)) out.emplace_back(r.x, r.y);
  return out;
}

// The moment-fitting attack on one raster; `minus`: points whose exact surface
// the attacker subtracts first (themes published beside it).
attack::MomentFindings fit_attack(const fs::path& tif, const attack::Points& truth, const attack::Points& minus = {}) {
  attack::Raster r = attack::read_raster(tif);
  if (!minus.empty()) {
    const std::vector<double> known = attack::quartic_surface(r, minus);
    for (std::size_t i = 0; i < r.v.size(); ++i) r.v[i] -= known[i];
  }
  return attack::moment_attack(r, truth, kMinCount);
}

void report(const std::string& what, const attack::MomentFindings& f) {
  WARN(what << ": " << f.windows << " windows, " << f.fits << " quartic fits, " << f.whole << " whole counts, "
            << f.candidates << " positions claimed, " << f.located << " incidents located within 1 m (closest "
            << f.closest << " m), " << f.counts_recovered << " counts under " << kMinCount << " recovered");
}

}  // namespace

TEST_CASE("geometry disclosure: moment fitting on every raster locates no VAWG incident and recovers no count",
          "[geometry_disclosure][raster_attack]") {
  for (const std::string& extra : {std::string(""), std::string("[themes.vawg]\nmin_count = 10\n")}) {
    const fs::path pack = run_pack(extra.empty() ? "default" : "vawg10", extra);
    const attack::Points v = points_where([](const Raw& r) { return r.vawg; });
    for (const std::string theme : {"asb", "violence", "vawg", "hate"}) {
      const attack::MomentFindings f = fit_attack(pack / ("kde_" + theme + ".tif"), v);
      report(theme + (extra.empty() ? "" : " (VAWG min 10)"), f);
      CHECK(f.located == 0);
      CHECK(f.counts_recovered == 0);
    }
    // Violence minus its other parts, as if they were published exactly (a robbery or knife-crime theme).
    const attack::Points rest = points_where([](const Raw& r) { return r.violence && !r.vawg; });
    const attack::MomentFindings f = fit_attack(pack / "kde_violence.tif", v, rest);
    report("violence minus its non-VAWG incidents", f);
    CHECK(f.located == 0);
    CHECK(f.counts_recovered == 0);
  }
}

TEST_CASE("geometry disclosure: the attack has teeth on an exact surface", "[geometry_disclosure][raster_attack]") {
  // With no minimum anywhere the rasters are exact, and the same attack finds the incidents.
  const fs::path pack = run_pack("open", "[themes.vawg]\nmin_count = 0\n");
  const attack::Points v = points_where([](const Raw& r) { return r.vawg; });
  const attack::MomentFindings f = fit_attack(pack / "kde_vawg.tif", v);
  report("exact VAWG", f);
  CHECK(f.located >= 20);
  CHECK(f.counts_recovered >= 20);
  CHECK(f.closest < 0.1);
  const attack::MomentFindings g =
      fit_attack(pack / "kde_violence.tif", v, points_where([](const Raw& r) { return r.violence && !r.vawg; }));
  report("exact violence minus its non-VAWG incidents", g);
  CHECK(g.located >= 20);
}

TEST_CASE("geometry disclosure: VAWG incidents moved within their 100 m squares leave every raster unchanged",
          "[geometry_disclosure][raster_attack]") {
  // The guarantee itself, whatever the attack: a protected incident's position
  // within its square is not in the rasters. The sample's December VAWG rows are
  // moved within their squares (and nothing else), and every raster must be equal.
  test::TempDir dir("geodisc-moved");
  const fs::path sample = test::source_dir() / "data/sample";
  fs::create_directories(dir / "incidents");
  std::uint64_t state = 23;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  long moved = 0;
  for (const auto& e : fs::directory_iterator(sample / "incidents")) {
    std::ifstream in(e.path());
    std::ofstream out(dir / "incidents" / e.path().filename());
    std::string line;
    std::getline(in, line);
    out << line << "\n";
    while (std::getline(in, line)) {
      auto f = attack::split_csv_line(line);
      const std::string sub = f.size() > 3 ? f[3] : "";
      const bool vawg = f.size() >= 8 && f[1].rfind("2025-12", 0) == 0 && !f[4].empty() &&
                        (f[6] == "Y" || f[2] == "Sexual offences" || starts_with_ci(sub, "stalking") ||
                         starts_with_ci(sub, "harassment"));
      if (vawg) {
        const double x = std::stod(f[4]), y = std::stod(f[5]);
        const double nx = std::floor(x / 100) * 100 + 1 + 98 * next(), ny = std::floor(y / 100) * 100 + 1 + 98 * next();
        const OGRPoint p(nx, ny);
        if (borough().Contains(&p)) {  // stays in the borough (and so in a ward)
          f[4] = fmt::format("{:.1f}", nx), f[5] = fmt::format("{:.1f}", ny);
          ++moved;
        }
      }
      std::string joined;
      for (std::size_t i = 0; i < f.size(); ++i) {
        const bool quote = f[i].find(',') != std::string::npos || f[i].find('"') != std::string::npos;
        // Step by step: GCC 12 -Wrestrict misfires on "..." + string&&.
        if (i) joined += ',';
        if (quote) joined += '"';
        joined += f[i];
        if (quote) joined += '"';
      }
      out << joined << "\n";
    }
  }
  CHECK(moved > 150);
  const fs::path original = run_pack("default", "");
  std::string toml = test::read_text(original.parent_path() / "run.toml");
  const auto at = toml.find((sample / "incidents/*.csv").string());
  REQUIRE(at != std::string::npos);
  toml.replace(at, (sample / "incidents/*.csv").string().size(), (dir / "incidents/*.csv").string());
  test::write_text(dir / "run.toml", toml);
  REQUIRE(test::run_hotspot("run '" + (dir / "run.toml").string() + "' --quiet --out '" + (dir / "out").string() + "'",
                            dir / "log") == 0);
  for (const std::string theme : {"asb", "violence", "vawg", "hate"}) {
    INFO(theme);
    const attack::Raster a = attack::read_raster(original / ("kde_" + theme + ".tif"));
    const attack::Raster b = attack::read_raster(dir / "out" / ("kde_" + theme + ".tif"));
    CHECK(a.v == b.v);
  }
}

// For the record, not run by default: the same attack on a pack made elsewhere
// (HOTSPOT_ATTACK_PACK, e.g. the sample pack of a build before the change).
TEST_CASE("geometry disclosure: moment fitting on another build's sample pack", "[.before]") {
  const char* dir = std::getenv("HOTSPOT_ATTACK_PACK");
  REQUIRE(dir);
  const attack::Points v = points_where([](const Raw& r) { return r.vawg; });
  report("given pack, VAWG", fit_attack(fs::path(dir) / "kde_vawg.tif", v));
  report("given pack, violence", fit_attack(fs::path(dir) / "kde_violence.tif", v));
  report("given pack, violence minus its non-VAWG incidents",
         fit_attack(fs::path(dir) / "kde_violence.tif", v, points_where([](const Raw& r) { return r.violence && !r.vawg; })));
}
