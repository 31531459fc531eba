// The attacker's view of a pack: run the sample (as committed, and with
// minimums high enough to bite everywhere), count the truth straight from the
// raw incident files, and try to get any withheld count back exactly from what
// the pack folder and the console show: subtraction from totals (with the
// published rule's ranges), derived values beside withheld inputs, venue
// reach, console lines, report.html, manifest.json and raster metadata.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "app/support/attacker.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

using attack::Row;
using attack::read_csv;
using attack::is_number;
using attack::withheld;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ---- the truth, from the raw incident files ---------------------------------

struct Truth {
  attack::WardTruth wards;
  std::map<std::string, std::int64_t> asb_current;                  // to check this counting itself
  std::map<std::string, std::vector<std::pair<double, double>>> lookback;  // [theme]: points, last 3 months
};

struct WardShape {
  std::string code;
  std::unique_ptr<OGRGeometry> geom;
  OGREnvelope box;
};

const Truth& truth() {
  static Truth t;
  static bool done = false;
  if (done) return t;
  const fs::path sample = test::source_dir() / "data/sample";
  std::vector<WardShape> wards;
  GDALDatasetUniquePtr ds(GDALDataset::Open((sample / "wards.geojson").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  for (auto& f : *ds->GetLayer(0)) {
    WardShape w{f->GetFieldAsString("ward_code"), std::unique_ptr<OGRGeometry>(f->GetGeometryRef()->clone()), {}};
    w.geom->getEnvelope(&w.box);
    wards.push_back(std::move(w));
  }
  auto ward_of = [&](double x, double y) -> std::string {
    OGRPoint p(x, y);
    for (const WardShape& w : wards)
      if (x >= w.box.MinX && x <= w.box.MaxX && y >= w.box.MinY && y <= w.box.MaxY && w.geom->Intersects(&p))
        return w.code;
    return "";
  };
  auto flag = [](const std::string& v) {
    const std::string l = lower(v);
    return !(l.empty() || l == "n" || l == "no" || l == "false" || l == "f" || l == "0");
  };
  std::set<std::string> ids;
  for (const std::string month : {"2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06",
                                  "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"}) {
    for (const Row& r : read_csv(sample / "incidents" / (month + ".csv"))) {
      const std::string& when = r.count("occurred_at") ? r.at("occurred_at") : "";
      if (r.size() < 9 || when.size() != 16 || when.substr(0, 7) != month) continue;
      const int day = std::atoi(when.substr(8, 2).c_str()), hour = std::atoi(when.substr(11, 2).c_str());
      if (day < 1 || day > 31 || hour > 23 || !is_number(r.at("easting")) || !is_number(r.at("northing"))) continue;
      if (!ids.insert(r.at("incident_ref")).second) continue;  // a duplicate: the first is kept
      const double x = std::stod(r.at("easting")), y = std::stod(r.at("northing"));
      const std::string ward = ward_of(x, y);
      if (ward.empty()) continue;
      const std::string group = lower(r.at("offence_group")), offence = lower(r.at("offence"));
      std::vector<std::string> themes;
      if (flag(r.at("da_flag")) || group == "sexual offences" || offence.rfind("stalking", 0) == 0 ||
          offence.rfind("harassment", 0) == 0)
        themes.push_back("vawg");
      if (flag(r.at("hate_flag")) || offence.rfind("racially or religiously aggravated", 0) == 0)
        themes.push_back("hate");
      if (group == "anti-social behaviour" && month == "2025-12") ++t.asb_current[ward];
      for (const std::string& theme : themes) {
        auto& c = t.wards[theme][ward];
        auto& all = t.wards[theme]["ALL"];
        if (month == "2025-12") ++c[0], ++all[0];
        if (month == "2025-11") ++c[1], ++all[1];
        if (month == "2024-12") ++c[2], ++all[2];
        if (month != "2025-12") ++c[3], ++all[3];  // baseline: the 12 months before
        if (month >= "2025-10") t.lookback[theme].emplace_back(x, y);
      }
    }
  }
  done = true;
  return t;
}

// ---- running the pack --------------------------------------------------------

struct Pack {
  fs::path dir;
  std::string console;
  std::map<std::string, int> min_count;  // theme -> minimum used
};

// `overrides` is TOML appended to the themes of the committed sample config.
Pack run_pack(const std::string& name, const std::string& extra, std::map<std::string, int> min_count) {
  static test::TempDir tmp("disclosure-attack");
  const fs::path sample = test::source_dir() / "data/sample";
  std::string cfg = test::read_text(sample / "hotspot.toml");
  auto absolute = [&](const std::string& from, const std::string& rel) {
    const std::size_t at = cfg.find(from);
    REQUIRE(at != std::string::npos);
    cfg.replace(at, from.size(), fmt::format("\"{}\"", (sample / rel).lexically_normal().string()));
  };
  absolute("\"../themes/force-extract.toml\"", "../themes/force-extract.toml");
  absolute("\"wards.geojson\"", "wards.geojson");
  absolute("\"population.csv\"", "population.csv");
  absolute("\"incidents/*.csv\"", "incidents/*.csv");
  absolute("\"venues.csv\"", "venues.csv");
  const std::size_t vawg = cfg.find("[themes.vawg]\ntarget = -0.05\n");
  REQUIRE(vawg != std::string::npos);
  cfg.insert(vawg + std::string("[themes.vawg]\ntarget = -0.05\n").size(), extra);
  const fs::path config = tmp / (name + ".toml");
  test::write_text(config, cfg);
  Pack p{tmp / name, "", std::move(min_count)};
  const int rc = test::run_hotspot("run '" + config.string() + "' --out '" + p.dir.string() + "'",
                                   tmp / (name + ".log"));
  p.console = test::read_text(tmp / (name + ".log"));
  INFO(p.console);
  REQUIRE(rc == 0);
  return p;
}

const Pack& committed_pack() {
  static const Pack p = run_pack("committed", "", {{"vawg", 5}});
  return p;
}

// VAWG at 10 withholds most wards; hate crime at 40 withholds even the area total.
const Pack& strict_pack() {
  static const Pack p = run_pack("strict", "min_count = 10\n[themes.hate]\nmin_count = 40\n", {{"vawg", 10}, {"hate", 40}});
  return p;
}

// ---- the attacker --------------------------------------------------------------

std::string all_row(const Pack& p, const std::string& field) { return read_csv(p.dir / "ward_summary.csv").back().at(field); }

// The layer, the console, the report, the manifest and the rasters repeat the table.
void attack_other_outputs(const Pack& p) {
  const std::vector<Row> rows = read_csv(p.dir / "ward_summary.csv");
  GDALDatasetUniquePtr wards(GDALDataset::Open((p.dir / "wards.geojson").c_str(), GDAL_OF_VECTOR));
  REQUIRE(wards);
  const std::string report = test::read_text(p.dir / "report.html");
  const CPLJSONDocument manifest = [&] { CPLJSONDocument d; REQUIRE(d.Load((p.dir / "manifest.json").string())); return d; }();
  for (const auto& [theme, m] : p.min_count) {
    for (auto& f : *wards->GetLayer(0)) {
      const std::string code = f->GetFieldAsString("ward_code");
      const Row& r = *std::find_if(rows.begin(), rows.end(), [&](const Row& row) { return row.at("ward_code") == code; });
      for (const char* field : {"count", "previous", "year_earlier", "rate_per_1000", "change_previous_pct"}) {
        const std::string name = theme + "_" + field;
        INFO(code << " " << name);
        if (withheld(r.at(name))) CHECK(f->IsFieldNull(f->GetFieldIndex(name.c_str())));
      }
      // The report's ward row shows the same count text.
      const std::size_t at = report.find("data-ward=\"" + code + "\"");
      REQUIRE(at != std::string::npos);
      const std::string line = report.substr(at, report.find("</tr>", at) - at);
      const std::string shown = r.at(theme + "_count") == "[c]" ? "[c]" : fmt::format("&lt;{}", m);
      if (withheld(r.at(theme + "_count"))) CHECK(line.find(fmt::format(">{}<", shown)) != std::string::npos);
    }
    const std::string count = all_row(p, theme + "_count");
    const std::string label = theme == "vawg" ? "VAWG" : "Hate crime";
    // Console: "  VAWG   177  vs baseline  +6.3%  amber".
    const std::size_t at = p.console.find("  " + label + " ");
    REQUIRE(at != std::string::npos);
    const std::string line = p.console.substr(at, p.console.find('\n', at) - at);
    INFO(line);
    CHECK(line.find(" " + count + " ") != std::string::npos);
    if (withheld(count)) CHECK(line.find('%') == std::string::npos);
    // Manifest area total, and counts only in the disclosure block.
    const std::string json = test::read_text(p.dir / "manifest.json");
    if (withheld(count)) CHECK(json.find("\"count\": " + std::to_string(truth().wards.at(theme).at("ALL")[0])) == std::string::npos);
    CHECK(manifest.GetRoot().GetObj("disclosure").GetString("rule").find("withheld") != std::string::npos);
    // Raster metadata.
    GDALDatasetUniquePtr tif(GDALDataset::Open((p.dir / ("kde_" + theme + ".tif")).c_str(), GDAL_OF_RASTER));
    REQUIRE(tif);
    CHECK(std::string(tif->GetMetadataItem("HOTSPOT_INCIDENTS")) == count);
    // Hotspots: no change beside a withheld previous count; no hit rate beside a withheld area count.
    GDALDatasetUniquePtr hot(GDALDataset::Open((p.dir / ("hotspots_" + theme + ".geojson")).c_str(), GDAL_OF_VECTOR));
    REQUIRE(hot);
    for (auto& f : *hot->GetLayer(0)) {
      if (f->IsFieldNull(f->GetFieldIndex("previous_incidents")))
        CHECK(f->IsFieldNull(f->GetFieldIndex("change_previous_pct")));
      if (withheld(count)) CHECK(f->IsFieldNull(f->GetFieldIndex("hit_rate_in_period")));
    }
  }
}

// The forward plan's reasons quote how many incidents an event reaches: never fewer than the theme's minimum.
int attack_forward_plan(const Pack& p) {
  int quoted = 0;
  for (const Row& r : read_csv(p.dir / "forward_plan.csv")) {
    const auto m = p.min_count.find(r.at("theme"));
    const std::string& reason = r.at("reason");
    const std::size_t at = reason.find(" reaches ");
    REQUIRE(at != std::string::npos);
    const std::string after = reason.substr(at + 9);
    if (after.empty() || !std::isdigit(static_cast<unsigned char>(after[0]))) continue;  // no count quoted
    ++quoted;
    INFO(reason);
    if (m != p.min_count.end()) CHECK(std::stol(after) >= m->second);
  }
  return quoted;
}

// Venue reach: with unit weights reach is the count, share x total is the count,
// and the reason text repeats it. Truth: VAWG incidents of the last 3 months within 400 m.
int attack_venues(const Pack& p) {
  const int m = p.min_count.at("vawg");
  GDALDatasetUniquePtr ds(GDALDataset::Open((p.dir / "venues_vawg.geojson").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  std::map<std::string, std::pair<double, double>> where;
  for (const Row& r : read_csv(test::source_dir() / "data/sample/venues.csv"))
    if (is_number(r.at("easting")) && is_number(r.at("northing")))
      where[r.at("venue_id")] = {std::stod(r.at("easting")), std::stod(r.at("northing"))};
  int attacked = 0;
  for (auto& f : *ds->GetLayer(0)) {
    const std::string id = f->GetFieldAsString("venue_id");
    std::int64_t real = 0;
    for (const auto& [x, y] : truth().lookback.at("vawg"))
      real += std::hypot(x - where.at(id).first, y - where.at(id).second) <= 400;
    const bool hidden = f->IsFieldNull(f->GetFieldIndex("reach_incidents"));
    const std::string reason = f->GetFieldAsString("reason");
    INFO(id << " truly " << real << ": " << reason);
    if (!hidden) {
      CHECK(f->GetFieldAsInteger64("reach_incidents") == real);
      continue;
    }
    ++attacked;
    CHECK((real >= 1 && real < m));
    for (const char* field : {"reach", "reach_share", "hotspot_reach_share", "marginal_gain"})
      CHECK(f->IsFieldNull(f->GetFieldIndex(field)));
    CHECK(reason.find('%') == std::string::npos);
    CHECK(reason.find(fmt::format(" {} incidents", real)) == std::string::npos);
  }
  return attacked;
}

// repeat_locations.csv places each count in a 100 m square: a withheld count
// must leave its row out, and the manifest counts the rows left out.
void attack_repeat_locations(const Pack& p, const CPLJSONObject& disclosure) {
  for (const Row& r : read_csv(p.dir / "repeat_locations.csv")) {
    const auto m = p.min_count.find(r.at("theme"));
    if (m == p.min_count.end()) continue;
    INFO(r.at("theme") << " " << r.at("square_100m"));
    CHECK(std::stol(r.at("incidents")) >= m->second);
  }
  for (const auto& [theme, m] : p.min_count) {
    const CPLJSONObject ledger = disclosure.GetObj(fmt::format("per_theme/{}/repeat_locations.csv", theme));
    if (ledger.IsValid()) CHECK(ledger.GetLong("primary") >= 1);
  }
}

}  // namespace

TEST_CASE("disclosure attack: the truth is counted right from the raw files", "[e2e][disclosure]") {
  CPLJSONDocument doc;
  REQUIRE(doc.Load((test::source_dir() / "data/sample/truth.json").string()));
  const CPLJSONObject clean = doc.GetRoot().GetObj("incident_files/2025-12/asb_by_ward_clean");
  for (const auto& child : clean.GetChildren()) {
    INFO(child.GetName());
    CHECK(truth().asb_current.at(child.GetName()) == child.ToLong());
  }
}

TEST_CASE("disclosure attack: the committed sample pack gives nothing back", "[e2e][disclosure]") {
  const Pack& p = committed_pack();
  // The sample's VAWG previous period has one ward under 5 (168 - 164 = 4 before this rule).
  CHECK(attack::attack_ward_table(p.dir, truth().wards, p.min_count, 12) >= 2);
  attack::attack_derived_values(p.dir, p.min_count);
  attack_other_outputs(p);
  attack_venues(p);
  CHECK(attack_forward_plan(p) >= 1);
  const CPLJSONDocument manifest = [&] { CPLJSONDocument d; REQUIRE(d.Load((p.dir / "manifest.json").string())); return d; }();
  const CPLJSONObject d = manifest.GetRoot().GetObj("disclosure");
  CHECK(d.GetLong("primary") >= 1);
  CHECK(d.GetLong("secondary") >= 1);
  attack_repeat_locations(p, d);
  // The sample's busiest VAWG places have fewer than 5 incidents: withheld, and counted.
  CHECK(d.GetObj("per_theme/vawg/repeat_locations.csv").GetLong("primary") >= 1);
}

TEST_CASE("disclosure attack: a strict pack (VAWG 10, hate 40) gives nothing back", "[e2e][disclosure]") {
  const Pack& p = strict_pack();
  CHECK(attack::attack_ward_table(p.dir, truth().wards, p.min_count, 12) > 20);
  attack::attack_derived_values(p.dir, p.min_count);
  attack_other_outputs(p);
  CHECK(attack_venues(p) >= 1);
  attack_forward_plan(p);
  CHECK(withheld(all_row(p, "hate_count")));  // the area total itself is under 40
  const CPLJSONDocument manifest = [&] { CPLJSONDocument d; REQUIRE(d.Load((p.dir / "manifest.json").string())); return d; }();
  const CPLJSONObject d = manifest.GetRoot().GetObj("disclosure");
  attack_repeat_locations(p, d);
  // Hate's months are under 40: the trend chart withholds them, through the same ledger.
  CHECK(d.GetObj("per_theme/hate/report.html trend charts").GetLong("primary") >= 1);
}
