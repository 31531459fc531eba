// The analysis stages on the committed sample: the planted structure is found
// by KDE, clusters, Gi* and the venue planner, and the outputs add up.
#include <catch2/catch.hpp>

#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "analysis/venue_programme.hpp"
#include "app/config/config.hpp"
#include "app/context/ingest.hpp"
#include "geo/crs_transform.hpp"
#include "geo/ward_index.hpp"
#include "geo/ward_set.hpp"
#include "io/venue_reader.hpp"
#include "io/ward_reader.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

const fs::path& pack() { return test::sample_pack(); }

CPLJSONObject truth() {
  CPLJSONDocument doc;
  REQUIRE(doc.Load((test::source_dir() / "data/sample/truth.json").string()));
  return doc.GetRoot();
}

// A planted point (BNG in truth.json) as lon/lat, for tests against RFC 7946 layers.
OGRPoint planted(const std::string& key) {
  const CPLJSONObject t = truth();
  double x = t.GetDouble(key + "/easting"), y = t.GetDouble(key + "/northing");
  const CrsTransform to_wgs84("EPSG:27700", "EPSG:4326");
  to_wgs84.apply(x, y);
  return OGRPoint(x, y);
}

struct Feature {
  std::map<std::string, std::string> props;
  std::unique_ptr<OGRGeometry> geom;
};

std::vector<Feature> features(const fs::path& file) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  std::vector<Feature> out;
  for (auto& f : *ds->GetLayer(0)) {
    Feature ft;
    for (int i = 0; i < f->GetFieldCount(); ++i)
      ft.props[f->GetFieldDefnRef(i)->GetNameRef()] = f->IsFieldNull(i) ? "null" : f->GetFieldAsString(i);
    if (f->GetGeometryRef()) ft.geom.reset(f->GetGeometryRef()->clone());
    out.push_back(std::move(ft));
  }
  return out;
}

}  // namespace

TEST_CASE("sample: the town-centre ASB hotspot is rank 1", "[sample_analysis]") {
  const auto hotspots = features(pack() / "hotspots_asb.geojson");
  REQUIRE_FALSE(hotspots.empty());
  const OGRPoint centre = planted("town_centre");
  bool found = false;
  for (const auto& h : hotspots) {
    if (h.props.at("class_level") != "1" || h.props.at("rank") != "1") continue;
    found = true;
    CHECK(h.geom->Contains(&centre));
    CHECK(h.props.at("ward_codes").find(truth().GetString("town_centre/ward_code")) != std::string::npos);
    CHECK(h.props.at("label").rfind("Hotspot 1 ", 0) == 0);
  }
  CHECK(found);
}

TEST_CASE("sample: hotspot statistics add up and classes nest", "[sample_analysis]") {
  for (const char* theme : {"asb", "violence", "vawg"}) {
    INFO(theme);
    const auto hotspots = features(pack() / (std::string("hotspots_") + theme + ".geojson"));
    std::map<int, double> hit_by_class;
    std::map<int, std::vector<const Feature*>> by_class;
    double area = 0, hit_all = 0;
    for (const auto& h : hotspots) {
      // Withheld period counts (a protected theme's small ones) are null, and what derives from them.
      const auto prop = [&h](const char* key) { return h.props.count(key) ? h.props.at(key) : std::string(); };
      const std::string hit_text = prop("hit_rate_in_period"), pai_text = prop("pai_in_period");
      const double hit = hit_text.empty() || hit_text == "null" ? 0 : std::stod(hit_text);
      const double pai = pai_text.empty() || pai_text == "null" ? 0 : std::stod(pai_text);
      area += std::stod(h.props.at("area_m2"));
      // The default: the top 3% of a 24-month forecast, with its record over the last 12 target months.
      CHECK(h.props.at("forecast_method") == "cells_l24_t12");
      CHECK(h.props.at("backtest_months") == "12");
      CHECK(std::stod(h.props.at("backtest_pai")) > 1.0);
      // Nothing is dropped: a hotspot is there for what it forecasts, whatever this period held.
      CHECK(std::stod(h.props.at("forecast_monthly")) > 0);
      const int level = std::stoi(h.props.at("class_level"));
      CHECK(hit >= 0);
      CHECK(hit <= 1.0);
      CHECK(pai >= 0);
      if (h.props.at("rank") == "1") CHECK(pai > 1.0);  // the top hotspot holds more than its share of incidents
      CHECK(std::stod(h.props.at("peak_density")) >= std::stod(h.props.at("mean_density")));
      hit_by_class[level] += hit;
      hit_all += hit;
      by_class[level].push_back(&h);
    }
    for (const auto& [level, hit] : hit_by_class) CHECK(hit <= 1.0 + 1e-9);
    // Published hotspots cover the coverage (a little more when cells tie at the cut: all tied cells are
    // kept; less only when disclosure withholds some: VAWG's own minimum, and violence's protection of
    // the VAWG incidents it holds), the share the layer says (its squares, less what the study area
    // clips off edge squares), and together hold far more than their share.
    const double borough = truth().GetDouble("borough_area_m2");
    const double drawn = std::stod(hotspots.front().props.at("area_share"));
    CHECK(area > 0);
    CHECK(area <= (drawn + 0.00005) * borough * 1.001);  // area_share is printed to 4 decimals
    CHECK(area >= 0.9 * (drawn - 0.00005) * borough);
    if (std::string(theme) == "asb") CHECK(drawn >= 0.0299);  // nothing to withhold: the whole coverage
    if (std::string(theme) != "vawg") CHECK(hit_all / (area / borough) > 3);
    // Every narrower-class polygon lies inside a wider-class one.
    for (const auto& [level, list] : by_class) {
      if (level == 1) continue;
      for (const Feature* inner : list) {
        bool inside = false;
        for (const Feature* outer : by_class[level - 1]) {
          std::unique_ptr<OGRGeometry> grown(outer->geom->Buffer(1e-7));
          inside = inside || grown->Contains(inner->geom.get());
        }
        CHECK(inside);
      }
    }
  }
}

TEST_CASE("sample: the KDE surface is a Float32 GeoTIFF with nodata and parameters", "[sample_analysis]") {
  GDALDatasetUniquePtr ds(GDALDataset::Open((pack() / "kde_asb.tif").c_str(), GDAL_OF_RASTER));
  REQUIRE(ds);
  GDALRasterBand* band = ds->GetRasterBand(1);
  CHECK(band->GetRasterDataType() == GDT_Float32);
  int has_nodata = 0;
  CHECK(band->GetNoDataValue(&has_nodata) == -9999.0);
  CHECK(has_nodata);
  double gt[6];
  ds->GetGeoTransform(gt);
  CHECK(gt[1] == 25.0);
  CHECK(std::fmod(gt[0], 25.0) == 0.0);  // edges on multiples of the cell size
  CHECK(std::fmod(gt[3], 25.0) == 0.0);
  CHECK(std::string(ds->GetMetadataItem("HOTSPOT_KERNEL")) == "quartic");
  // Cells outside the study area are nodata; inside, the surface holds the incidents' mass.
  std::vector<float> v(static_cast<std::size_t>(ds->GetRasterXSize()) * ds->GetRasterYSize());
  REQUIRE(band->RasterIO(GF_Read, 0, 0, ds->GetRasterXSize(), ds->GetRasterYSize(), v.data(), ds->GetRasterXSize(),
                         ds->GetRasterYSize(), GDT_Float32, 0, 0) == CE_None);
  CHECK(v.front() == -9999.0f);  // the grid's corner lies outside the borough
  double mass = 0;
  std::size_t nodata = 0;
  for (float c : v) {
    if (c == -9999.0f) ++nodata;
    else mass += c * 25.0 * 25.0 / 1e6;
  }
  CHECK(nodata > 0);
  const double asb = std::stod(ds->GetMetadataItem("HOTSPOT_INCIDENTS"));
  CHECK(mass <= asb * 1.0001);
  CHECK(mass > asb * 0.93);  // a little mass falls outside the borough edge
  CHECK(std::stod(ds->GetMetadataItem("HOTSPOT_BANDWIDTH_M")) >= 100);
}

TEST_CASE("sample: clusters and Gi* find the town centre", "[sample_analysis]") {
  const OGRPoint centre = planted("town_centre");
  bool dbscan = false, nnh = false;
  for (const auto& c : features(pack() / "clusters_asb.geojson")) {
    std::unique_ptr<OGRGeometry> near(c.geom->Buffer(0.002));
    if (c.props.at("shape") == "convex_hull" && near->Contains(&centre)) {
      dbscan = dbscan || c.props.at("method") == "dbscan";
      nnh = nnh || c.props.at("method") == "nnh1";
    }
  }
  CHECK(dbscan);
  CHECK(nnh);
  bool hot = false;
  for (const auto& g : features(pack() / "gistar_asb.geojson"))
    hot = hot || (g.props.at("gi_bin") == "3" && g.geom->Contains(&centre));
  CHECK(hot);
}

TEST_CASE("sample: ward Gi* equals the textbook formula on queen contiguity", "[sample_analysis]") {
  // Recomputed here from the layer itself: rates from wards.geojson, neighbours
  // by OGR Intersects (shared edge or vertex), Gi* with binary weights, self included.
  const auto wards = features(pack() / "wards.geojson");
  const std::size_t n = wards.size();
  std::vector<double> x;
  for (const auto& w : wards) x.push_back(std::stod(w.props.at("asb_rate_per_1000")));
  double mean = 0, m2 = 0;
  for (double v : x) mean += v / static_cast<double>(n);
  for (double v : x) m2 += v * v / static_cast<double>(n);
  const double S = std::sqrt(m2 - mean * mean);
  for (std::size_t i = 0; i < n; ++i) {
    double local = 0, wi = 0;
    for (std::size_t j = 0; j < n; ++j)
      if (i == j || wards[i].geom->Intersects(wards[j].geom.get())) {
        local += x[j];
        wi += 1;
      }
    const double nn = static_cast<double>(n);
    const double z = (local - mean * wi) / (S * std::sqrt((nn * wi - wi * wi) / (nn - 1)));
    INFO(wards[i].props.at("ward_name"));
    // Rates in the file are rounded to 2 decimals and z to 3, so allow 0.01.
    CHECK(std::stod(wards[i].props.at("asb_gi_z")) == Approx(z).margin(0.01));
  }
}

TEST_CASE("sample: the town-centre venue ranks first for ASB, and the programme honours spacing", "[sample_analysis]") {
  const auto venues = features(pack() / "venues_asb.geojson");
  REQUIRE(venues.size() >= 20);
  std::vector<const Feature*> chosen;
  for (const auto& v : venues) {
    CHECK_FALSE(v.props.at("reason").empty());
    if (v.props.at("name") == "Kingsmere Town Centre Library") {
      CHECK(v.props.at("rank") == "1");
      CHECK(v.props.at("selection_order") == "1");
      CHECK(v.props.at("reason").rfind("Selected 1st: reaches ", 0) == 0);
    }
    if (v.props.at("selected") == "1") chosen.push_back(&v);
  }
  CHECK(chosen.size() == 5);
  const CrsTransform to_bng("EPSG:4326", "EPSG:27700");
  for (std::size_t i = 0; i < chosen.size(); ++i)
    for (std::size_t j = i + 1; j < chosen.size(); ++j) {
      double x1 = chosen[i]->geom->toPoint()->getX(), y1 = chosen[i]->geom->toPoint()->getY();
      double x2 = chosen[j]->geom->toPoint()->getX(), y2 = chosen[j]->geom->toPoint()->getY();
      to_bng.apply(x1, y1);
      to_bng.apply(x2, y2);
      CHECK(std::hypot(x1 - x2, y1 - y2) >= 1000.0);
    }
  CHECK(features(pack() / "venue_catchments_asb.geojson").size() == 5);
  const std::string csv = test::read_text(pack() / "venues_asb.csv");
  CHECK(csv.find("Kingsmere Town Centre Library") != std::string::npos);
}

TEST_CASE("sample: --gpkg puts every vector layer and its style in one GeoPackage", "[sample_analysis]") {
  test::TempDir dir("sample-gpkg");
  const fs::path cfg = test::source_dir() / "data/sample/hotspot.toml";
  const fs::path out = dir / "out";
  REQUIRE(test::run_hotspot("run '" + cfg.string() + "' --quiet --gpkg --out '" + out.string() + "'", dir / "log") == 0);
  GDALDatasetUniquePtr ds(GDALDataset::Open((out / "tasking.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  int qml_files = 0;
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().extension() == ".qml" && fs::exists(fs::path(e.path()).replace_extension(".geojson"))) ++qml_files;
  OGRLayer* styles = ds->GetLayerByName("layer_styles");
  REQUIRE(styles);
  CHECK(styles->GetFeatureCount() == qml_files);
  CHECK(ds->GetLayerCount() == qml_files + 1);
  OGRLayer* wards = ds->GetLayerByName("wards");
  REQUIRE(wards);
  CHECK(wards->GetFeatureCount() == 18);
  for (auto& f : *styles) CHECK(std::string(f->GetFieldAsString("styleQML")).find("<renderer-v2") != std::string::npos);
}

TEST_CASE("sample: the greedy venue programme against exhaustive search", "[sample_analysis]") {
  // The sample's ASB incidents of the last 3 months and its 25 venues, through the library.
  const RunConfig cfg = load_config(test::source_dir() / "data/sample/hotspot.toml", {});
  GeosContext geos;
  Diagnostics diag;
  const WardReadResult wards = read_wards(geos, cfg.wards, cfg.crs, diag);
  const WardSet set(geos, wards.wards);
  const WardIndex& index = set.index();
  Progress quiet(std::cout, true);
  const IngestResult in = ingest(cfg, index, quiet, cfg.period.needed_window());
  const ThemeMask asb = ThemeMask{1} << cfg.taxonomy.theme_index("asb");
  std::vector<MassPoint> mass;
  for (const Incident& inc : in.incidents)
    if ((inc.themes & asb) && inc.month > cfg.period.last - 3) mass.push_back({inc.x, inc.y, 1, false});
  auto source = open_csv_source(cfg.venues[0].paths[0]);
  const VenueReadResult venues = read_venue_rows(*source, cfg.venues[0].paths[0], 0, cfg.venues[0]);
  std::vector<VenueCandidate> cand;
  for (const RawVenue& v : venues.venues) {
    const std::uint32_t ward = index.locate(v.x, v.y);
    if (ward != kNoWard) cand.push_back({v.x, v.y, ward, false});
  }
  REQUIRE(cand.size() <= 30);
  REQUIRE(cand.size() >= 20);
  const auto catchment = catchments(mass, cand, 400);
  for (int k = 1; k <= 5; ++k) {
    const ProgrammeParams params{k, 1000, false};
    const Programme greedy = greedy_programme(mass, cand, catchment, params);
    const Programme best = exhaustive_programme(mass, cand, catchment, params);
    const bool optimal = std::fabs(greedy.covered - best.covered) < 1e-9;
    WARN("k = " << k << ": greedy covers " << greedy.covered << ", the best programme " << best.covered
                << (optimal ? " (greedy is optimal)" : " (greedy is not optimal)"));
    CHECK(greedy.covered <= best.covered + 1e-9);
    CHECK(greedy.covered >= (1 - 1 / M_E) * best.covered);
  }
}

TEST_CASE("sample: hotspot evaluate backtests every month, and the default forecast beats last month's counts",
          "[sample_analysis][evaluate]") {
  test::TempDir dir("evaluate");
  const fs::path cfg = test::source_dir() / "data/sample/hotspot.toml";
  REQUIRE(test::run_hotspot("evaluate '" + cfg.string() + "' --quiet --out '" + (dir / "out").string() + "'",
                            dir / "log") == 0);
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "out/evaluation_summary.csv").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  std::map<std::string, std::map<std::string, double>> pai;  // theme -> method -> mean PAI at 3%
  std::map<std::string, int> months;
  for (auto& f : *ds->GetLayer(0)) {
    pai[f->GetFieldAsString("theme")][f->GetFieldAsString("method")] = f->GetFieldAsDouble("mean_pai");
    months[f->GetFieldAsString("theme")] = f->GetFieldAsInteger("target_months");
  }
  // 25 months of data, 12 of history: 13 target months (2024-12..2025-12).
  CHECK(months["asb"] == 13);
  for (const char* theme : {"asb", "violence"}) {
    INFO(theme);
    CHECK(pai[theme]["cells_l24_t12"] > pai[theme]["cells_l1"]);
    CHECK(pai[theme]["cells_l24_t12"] > pai[theme]["wards_l1"]);
    CHECK(pai[theme]["uniform"] < 1.0);  // cells on the edge count whole, so chance is a little under 1
    CHECK(pai[theme]["uniform"] > 0.9);
  }
  const std::string html = test::read_text(dir / "out/evaluation.html");
  CHECK(html.find("<svg") != std::string::npos);
  // Offline: the only address is the SVG namespace.
  std::size_t links = 0, namespaces = 0;
  for (std::size_t p = 0; (p = html.find("http", p)) != std::string::npos; ++p) ++links;
  for (std::size_t p = 0; (p = html.find("http://www.w3.org/2000/svg", p)) != std::string::npos; ++p) ++namespaces;
  CHECK(links == namespaces);
}

TEST_CASE("sample: hotspot evaluate split by --targets gives the whole backtest's rows", "[sample_analysis][evaluate]") {
  // Each target month reads only the months before it, so month ranges are
  // independent partitions of one backtest (docs/scale.md).
  test::TempDir dir("evaluate-split");
  const fs::path cfg = test::source_dir() / "data/sample/hotspot.toml";
  const auto rows = [&](const std::string& name, const std::string& period) {
    const fs::path out = dir / name;
    const std::string args = period.empty() ? "" : " --targets " + period;
    REQUIRE(test::run_hotspot("evaluate '" + cfg.string() + "' --quiet" + args + " --out '" + out.string() + "'",
                              dir / (name + ".log")) == 0);
    std::istringstream csv(test::read_text(out / "evaluation.csv"));
    std::vector<std::string> lines;
    for (std::string line; std::getline(csv, line);) lines.push_back(line);
    REQUIRE(lines.size() > 1);
    return std::vector<std::string>(lines.begin() + 1, lines.end());  // without the header
  };
  const std::vector<std::string> whole = rows("whole", "");
  std::vector<std::string> parts = rows("first", "2024-12..2025-05");
  const std::vector<std::string> second = rows("second", "2025-06..2025-12");
  REQUIRE(parts.size() * 13 == whole.size() * 6);  // 6 of the 13 target months
  parts.insert(parts.end(), second.begin(), second.end());
  std::vector<std::string> sorted_whole = whole;
  std::sort(parts.begin(), parts.end());
  std::sort(sorted_whole.begin(), sorted_whole.end());
  CHECK(parts == sorted_whole);
}

// The sample's ASB clusters (convex hulls): counts by method, with small clusters allowed so there are many.
std::map<std::string, std::vector<long>> asb_clusters(const test::TempDir& dir, int max_drawn) {
  const fs::path cfg = test::sample_config_copy(
      dir, fmt::format("\n[clusters]\ndbscan_min_points = 4\nnnh_min_points = 4\nmax_drawn = {}\n", max_drawn));
  const fs::path out = dir / fmt::format("out{}", max_drawn);
  REQUIRE(test::run_hotspot("clusters '" + cfg.string() + "' --quiet --out '" + out.string() + "'", dir / "log") == 0);
  std::map<std::string, std::vector<long>> counts;
  for (const auto& c : features(out / "clusters_asb.geojson")) {
    if (max_drawn > 0) CHECK(std::stoi(c.props.at("rank")) <= max_drawn);
    if (c.props.at("shape") == "convex_hull") counts[c.props.at("method")].push_back(std::stol(c.props.at("count")));
  }
  return counts;
}

TEST_CASE("sample: clusters.max_drawn draws each method's largest and counts the rest", "[sample_analysis]") {
  test::TempDir dir("sample-max-drawn");
  const auto all = asb_clusters(dir, 0);
  REQUIRE(all.at("dbscan").size() > 1);
  REQUIRE(all.at("nnh1").size() > 1);
  const auto one = asb_clusters(dir, 1);
  long not_drawn = 0;
  for (const auto& [method, counts] : all) {
    REQUIRE(one.at(method).size() == 1);
    CHECK(one.at(method)[0] == *std::max_element(counts.begin(), counts.end()));  // the largest
    not_drawn += static_cast<long>(counts.size()) - 1;
  }
  CPLJSONDocument doc;
  REQUIRE(doc.Load((dir / "out1" / "manifest.json").string()));
  CHECK(doc.GetRoot().GetObj("stages/clusters/themes").ToArray()[0].GetLong("not_drawn_beyond_max_drawn") == not_drawn);
}
