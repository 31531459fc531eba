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
#include <functional>
#include <map>
#include <set>

#include "app/support/attacker.hpp"
#include "app/disclosure/output_registry.hpp"
#include "app/support/lp_attacker.hpp"
#include "app/support/raster_attack.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

using attack::Row;
using attack::read_csv;
using attack::is_number;
using attack::is_withheld;

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

// The sample's wards with their envelopes, read with GDAL (not the engine).
std::vector<WardShape> sample_wards(const fs::path& sample) {
  std::vector<WardShape> wards;
  GDALDatasetUniquePtr ds(GDALDataset::Open((sample / "wards.geojson").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  for (auto& f : *ds->GetLayer(0)) {
    WardShape w{f->GetFieldAsString("ward_code"), std::unique_ptr<OGRGeometry>(f->GetGeometryRef()->clone()), {}};
    w.geom->getEnvelope(&w.box);
    wards.push_back(std::move(w));
  }
  return wards;
}

const Truth& truth() {
  static Truth t;
  static bool done = false;
  if (done) return t;
  const fs::path sample = test::source_dir() / "data/sample";
  const std::vector<WardShape> wards = sample_wards(sample);
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

// `overrides` is TOML appended to the themes of the committed sample config;
// `replace` swaps whole lines of it (a line starting with the first text).
Pack run_pack(const std::string& name, const std::string& extra, std::map<std::string, int> min_count,
              const std::vector<std::pair<std::string, std::string>>& replace = {}) {
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
  for (const auto& [from, to] : replace) {
    const std::size_t at = cfg.find("\n" + from);
    REQUIRE(at != std::string::npos);
    cfg.replace(at + 1, cfg.find('\n', at + 1) - at - 1, to);
  }
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
        if (is_withheld(r.at(name))) CHECK(f->IsFieldNull(f->GetFieldIndex(name.c_str())));
      }
      // The report's ward row shows the same count text.
      const std::size_t at = report.find("data-ward=\"" + code + "\"");
      REQUIRE(at != std::string::npos);
      const std::string line = report.substr(at, report.find("</tr>", at) - at);
      const std::string shown = r.at(theme + "_count") == "[c]" ? "[c]" : fmt::format("&lt;{}", m);
      if (is_withheld(r.at(theme + "_count"))) CHECK(line.find(fmt::format(">{}<", shown)) != std::string::npos);
    }
    const std::string count = all_row(p, theme + "_count");
    const std::string label = theme == "vawg" ? "VAWG" : "Hate crime";
    // Console: "  VAWG   177  vs baseline  +6.3%  amber".
    const std::size_t at = p.console.find("  " + label + " ");
    REQUIRE(at != std::string::npos);
    const std::string line = p.console.substr(at, p.console.find('\n', at) - at);
    INFO(line);
    CHECK(line.find(" " + count + " ") != std::string::npos);
    if (is_withheld(count)) CHECK(line.find('%') == std::string::npos);
    // Manifest area total, and counts only in the disclosure block.
    const std::string json = test::read_text(p.dir / "manifest.json");
    if (is_withheld(count)) CHECK(json.find("\"count\": " + std::to_string(truth().wards.at(theme).at("ALL")[0])) == std::string::npos);
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
      if (is_withheld(count)) CHECK(f->IsFieldNull(f->GetFieldIndex("hit_rate_in_period")));
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

// hot_streets.csv names a street or place with each count: a count under the
// theme's minimum must leave its row out (none is printed as "<m", so no share
// sits beside one), the shares must be of published counts only, and the
// manifest counts the rows left out. Returns the rows left out over the themes.
long attack_hot_streets(const Pack& p, const CPLJSONObject& disclosure) {
  std::map<std::string, long> cumulative;
  for (const Row& r : read_csv(p.dir / "hot_streets.csv")) {
    const std::string& theme = r.at("theme");
    INFO(theme << " " << r.at("place") << ": " << r.at("incidents"));
    REQUIRE_FALSE(is_withheld(r.at("incidents")));
    const long n = std::stol(r.at("incidents"));
    if (const auto m = p.min_count.find(theme); m != p.min_count.end()) CHECK(n >= m->second);
    // The cumulative share is the published rows' own sum: no withheld count inside it.
    cumulative[theme] += n;
    const double share = std::stod(r.at("share_of_incidents")), cum = std::stod(r.at("cumulative_share_of_incidents"));
    if (share > 0) CHECK(cum == Approx(share * static_cast<double>(cumulative[theme]) / static_cast<double>(n)).epsilon(0.01));
  }
  long left_out = 0;
  for (const auto& [theme, m] : p.min_count) {
    const CPLJSONObject ledger = disclosure.GetObj(fmt::format("per_theme/{}/hot_streets.csv", theme));
    if (ledger.IsValid()) left_out += ledger.GetLong("primary");
  }
  return left_out;
}

// ---- theme sums, consecutive packs and venue mixes, by linear programming --------

// The sample's themes, as ward_summary.csv orders them.
const std::vector<std::string> kThemes = {"asb", "violence", "vawg", "hate", "violence_nte", "asb_after_school"};

struct SampleIncident {
  int month;  // year * 12 + month - 1
  std::string ward;
  double x, y;
  std::uint32_t signature;  // bit i: kThemes[i]
};

long civil_days(int y, int m, int d) {  // days since 1970-01-01 (proleptic Gregorian)
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// Every accepted incident of the sample, its themes from the force-extract
// rules and the two default time windows (night-time economy Fri, Sat
// 22:30-03:30 for violence; after school Mon-Fri 15:00-19:00 for ASB; a time
// of 00:00 is unknown and in no window).
const std::vector<SampleIncident>& sample_incidents() {
  static std::vector<SampleIncident> out;
  if (!out.empty()) return out;
  const fs::path sample = test::source_dir() / "data/sample";
  const std::vector<WardShape> wards = sample_wards(sample);
  auto flag = [](const std::string& v) {
    const std::string l = lower(v);
    return !(l.empty() || l == "n" || l == "no" || l == "false" || l == "f" || l == "0");
  };
  std::set<std::string> ids;
  for (int m = 2023 * 12 + 11; m <= 2025 * 12 + 11; ++m) {
    const std::string month = fmt::format("{:04}-{:02}", m / 12, m % 12 + 1);
    for (const Row& r : read_csv(sample / "incidents" / (month + ".csv"))) {
      const std::string& when = r.count("occurred_at") ? r.at("occurred_at") : "";
      if (r.size() < 9 || when.size() != 16 || when.substr(0, 7) != month) continue;
      const int day = std::atoi(when.substr(8, 2).c_str()), hour = std::atoi(when.substr(11, 2).c_str());
      const int minute = hour * 60 + std::atoi(when.substr(14, 2).c_str());
      if (day < 1 || day > 31 || hour > 23 || !is_number(r.at("easting")) || !is_number(r.at("northing"))) continue;
      const std::string id = r.count("incident_ref") ? r.at("incident_ref") : r.at("\xEF\xBB\xBFincident_ref");  // a BOM
      if (!ids.insert(id).second) continue;
      const double x = std::stod(r.at("easting")), y = std::stod(r.at("northing"));
      std::string ward;
      OGRPoint p(x, y);
      for (const WardShape& w : wards)
        if (x >= w.box.MinX && x <= w.box.MaxX && y >= w.box.MinY && y <= w.box.MaxY && w.geom->Intersects(&p)) {
          ward = w.code;
          break;
        }
      if (ward.empty()) continue;
      const std::string group = lower(r.at("offence_group")), offence = lower(r.at("offence"));
      std::uint32_t s = 0;
      const bool asb = group == "anti-social behaviour";
      const bool violence = group == "violence against the person" || group == "robbery" || group == "possession of weapons";
      if (asb) s |= 1u << 0;
      if (violence) s |= 1u << 1;
      if (flag(r.at("da_flag")) || group == "sexual offences" || offence.rfind("stalking", 0) == 0 ||
          offence.rfind("harassment", 0) == 0)
        s |= 1u << 2;
      if (flag(r.at("hate_flag")) || offence.rfind("racially or religiously aggravated", 0) == 0) s |= 1u << 3;
      if (minute > 0) {  // 00:00 is an unknown time
        const int dow = static_cast<int>(((civil_days(m / 12, m % 12 + 1, day) % 7) + 7 + 3) % 7);  // 0 = Monday
        const auto on = [](int d, std::initializer_list<int> days) {
          for (int wd : days)
            if ((d + 7) % 7 == wd) return true;
          return false;
        };
        if (violence && ((on(dow, {4, 5}) && minute >= 22 * 60 + 30) || (on(dow - 1, {4, 5}) && minute < 3 * 60 + 30)))
          s |= 1u << 4;
        if (asb && on(dow, {0, 1, 2, 3, 4}) && minute >= 15 * 60 && minute < 19 * 60) s |= 1u << 5;
      }
      if (s) out.push_back({m, ward, x, y, s});
    }
  }
  return out;
}

attack::Algebra sample_algebra() {
  attack::Algebra a{kThemes, {}};
  std::set<std::uint32_t> seen;
  for (const SampleIncident& i : sample_incidents()) seen.insert(i.signature);
  a.signatures.assign(seen.begin(), seen.end());
  return a;
}

attack::AtomTruth sample_atoms() {
  attack::AtomTruth t;
  for (const SampleIncident& i : sample_incidents()) ++t[{i.signature, i.ward, i.month}];
  return t;
}

std::set<int> sample_months() {
  std::set<int> months;
  for (const SampleIncident& i : sample_incidents()) months.insert(i.month);
  return months;
}

int month_index(const std::string& period) { return std::stoi(period.substr(0, 4)) * 12 + std::stoi(period.substr(5, 2)) - 1; }

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
  // The force-extract rules let every theme hold VAWG incidents (a domestic-abuse
  // flag may sit on any row: theme_protection), so no event quotes a count.
  CHECK(attack_forward_plan(p) == 0);
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
  CHECK(is_withheld(all_row(p, "hate_count")));  // the area total itself is under 40
  const CPLJSONDocument manifest = [&] { CPLJSONDocument d; REQUIRE(d.Load((p.dir / "manifest.json").string())); return d; }();
  const CPLJSONObject d = manifest.GetRoot().GetObj("disclosure");
  attack_repeat_locations(p, d);
  // Hate's streets hold at most a dozen incidents over 12 months, all under 40: left out, and counted.
  CHECK(attack_hot_streets(p, d) >= 1);
  CHECK(d.GetObj("per_theme/hate/hot_streets.csv").GetLong("primary") >= 1);
  for (const Row& r : read_csv(p.dir / "hot_streets.csv")) CHECK(r.at("theme") != "hate");
  // Hate's months are under 40: the trend chart withholds them, through the same ledger.
  CHECK(d.GetObj("per_theme/hate/report.html trend charts").GetLong("primary") >= 1);
}

TEST_CASE("disclosure attack: theme sums over three consecutive sample packs give nothing back", "[e2e][disclosure]") {
  // The committed rule (VAWG 5), for 2025-10, 2025-11 and 2025-12: every ward table cell of the three,
  // themes that add up (the windows inside their themes, VAWG inside violence and ASB), by LP.
  std::vector<attack::MonthlyPack> packs;
  for (const std::string period : {"2025-10", "2025-11", "2025-12"}) {
    const Pack p = run_pack("months-" + period, "", {{"vawg", 5}}, {{"period =", "period = \"" + period + "\""}});
    packs.push_back({p.dir, month_index(period)});
  }
  const attack::Outcome o =
      attack::attack_ward_tables(packs, sample_algebra(), {{"vawg", 5}}, sample_atoms(), sample_months());
  INFO(o.summary());
  CHECK(o.unsound.empty());
  CHECK(o.withheld >= 10);
  CHECK(o.recovered == 0);
}

TEST_CASE("disclosure attack: the strict sample pack gives nothing back to the LP attacker", "[e2e][disclosure]") {
  const Pack& p = strict_pack();
  const attack::Outcome o = attack::attack_ward_tables({{p.dir, month_index("2025-12")}}, sample_algebra(),
                                                       p.min_count, sample_atoms(), sample_months());
  INFO(o.summary());
  CHECK(o.unsound.empty());
  CHECK(o.withheld > 20);
  CHECK(o.recovered == 0);
}

TEST_CASE("disclosure attack: a venue mix with VAWG, less the other plans, gives no VAWG reach back",
          "[e2e][disclosure]") {
  const Pack p = run_pack("mix-vawg", "", {{"vawg", 5}}, {{"mix =", "mix = { asb = 1.0, vawg = 1.0 }"}});
  // The truth: each signature's incidents within 400 m of each venue over the 3 look-back months.
  std::map<std::string, std::map<std::uint32_t, long>> truth;
  for (const Row& r : read_csv(test::source_dir() / "data/sample/venues.csv")) {
    if (!is_number(r.at("easting")) || !is_number(r.at("northing"))) continue;
    const double vx = std::stod(r.at("easting")), vy = std::stod(r.at("northing"));
    for (const SampleIncident& i : sample_incidents())
      if (i.month >= month_index("2025-10") && std::hypot(i.x - vx, i.y - vy) <= 400) ++truth[r.at("venue_id")][i.signature];
  }
  const std::map<std::string, std::map<std::string, double>> plans = {
      {"asb", {{"asb", 1}}}, {"violence", {{"violence", 1}}}, {"vawg", {{"vawg", 1}}}, {"mix", {{"asb", 1}, {"vawg", 1}}}};
  const attack::Outcome o = attack::attack_venue_plans(p.dir, sample_algebra(), plans, p.min_count, truth);
  INFO(o.summary());
  CHECK(o.unsound.empty());
  CHECK(o.withheld >= 10);
  CHECK(o.recovered == 0);
}

// ---- every registered output, attacked ------------------------------------------

namespace {

// Points of a theme in one month, from the raw files.
std::vector<std::pair<double, double>> points_of(const std::string& theme, int month) {
  const int bit = static_cast<int>(std::find(kThemes.begin(), kThemes.end(), theme) - kThemes.begin());
  std::vector<std::pair<double, double>> out;
  for (const SampleIncident& i : sample_incidents())
    if (i.month == month && (i.signature & (1u << bit))) out.emplace_back(i.x, i.y);
  return out;
}

// time_of_day.csv: a withheld hour never stands alone beside its published day
// total, a withheld day total never alone beside the published theme total.
void attack_time_table(const Pack& p) {
  const std::vector<Row> hours = read_csv(p.dir / "time_of_day.csv");
  for (const auto& [theme, m] : p.min_count) {
    int withheld_totals = 0;
    bool any = false;
    for (const Row& r : hours) {
      if (r.at("theme") != theme) continue;
      any = true;
      if (r.at("day") == "time unknown") {
        withheld_totals += is_withheld(r.at("total"));
        continue;
      }
      int hidden = 0;
      for (int h = 0; h < 24; ++h) hidden += is_withheld(r.at(fmt::format("h{:02}", h)));
      INFO(theme << " " << r.at("day"));
      if (!is_withheld(r.at("total"))) CHECK(hidden != 1);
      withheld_totals += is_withheld(r.at("total"));
    }
    if (!any) continue;
    INFO(theme);
    if (!is_withheld(all_row(p, theme + "_count"))) CHECK(withheld_totals != 1);
  }
}

// Every polygon of a protected theme holds at least its minimum of the
// incidents it stands for: the period's, and for a forecast hotspot those of
// the forecast's 24-month look-back (2024-01..2025-12), which it is judged on.
void attack_polygons(const Pack& p) {
  for (const auto& [theme, m] : p.min_count) {
    const auto period = points_of(theme, month_index("2025-12"));
    std::vector<std::pair<double, double>> lookback;
    for (int month = month_index("2024-01"); month <= month_index("2025-12"); ++month) {
      const auto pts = points_of(theme, month);
      lookback.insert(lookback.end(), pts.begin(), pts.end());
    }
    for (const std::string prefix : {"clusters_", "gistar_", "hotspots_"}) {
      const fs::path file = p.dir / (prefix + theme + ".geojson");
      if (!fs::exists(file)) continue;
      const auto& pts = prefix == "hotspots_" ? lookback : period;
      for (const attack::Polygon& poly : attack::read_bng(file)) {
        long n = 0;
        for (const auto& [x, y] : pts) {
          const OGRPoint pt(x, y);
          n += poly.bng->Contains(&pt);
        }
        INFO(prefix << theme << " holds " << n);
        CHECK(n >= m);
      }
    }
  }
}

// Every raster of a protected theme: moment fitting (app/support/raster_attack)
// places none of its incidents and recovers no count under its minimum; the
// metadata repeats the ALL row as published.
void attack_rasters(const Pack& p) {
  for (const auto& [theme, m] : p.min_count) {
    const fs::path file = p.dir / ("kde_" + theme + ".tif");
    GDALDatasetUniquePtr tif(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER));
    REQUIRE(tif);
    CHECK(std::string(tif->GetMetadataItem("HOTSPOT_INCIDENTS")) == all_row(p, theme + "_count"));
    const attack::MomentFindings f = attack::moment_attack(attack::read_raster(file), points_of(theme, month_index("2025-12")), m);
    INFO(theme << ": " << f.fits << " quartic fits, " << f.candidates << " positions claimed");
    CHECK(f.located == 0);
    CHECK(f.counts_recovered == 0);
  }
}

// The attacks of every registered output (app/disclosure/output_registry.hpp), by its attack id.
void attack_every_output(const Pack& p) {
  const CPLJSONDocument manifest = [&] { CPLJSONDocument d; REQUIRE(d.Load((p.dir / "manifest.json").string())); return d; }();
  const std::map<std::string, std::function<void()>> attacks = {
      {"ward_table", [&] {
         attack::attack_ward_table(p.dir, truth().wards, p.min_count, 12);
         attack::attack_derived_values(p.dir, p.min_count);
         const attack::Outcome o = attack::attack_ward_tables({{p.dir, month_index("2025-12")}}, sample_algebra(),
                                                              p.min_count, sample_atoms(), sample_months());
         INFO(o.summary());
         CHECK(o.recovered == 0);
       }},
      {"time_table", [&] { attack_time_table(p); }},
      {"repeat_locations", [&] { attack_repeat_locations(p, manifest.GetRoot().GetObj("disclosure")); }},
      {"hot_streets", [&] { attack_hot_streets(p, manifest.GetRoot().GetObj("disclosure")); }},
      {"rasters", [&] { attack_rasters(p); }},
      {"polygons", [&] { attack_polygons(p); }},
      {"venues", [&] { attack_venues(p); }},
      {"forward_plan", [&] { attack_forward_plan(p); }},
      {"same_as_geojson", [&] {  // a GeoPackage layer is its .geojson file's table: attacked there
         GDALDatasetUniquePtr gpkg(GDALDataset::Open((p.dir / "tasking.gpkg").c_str(), GDAL_OF_VECTOR));
         REQUIRE(gpkg);
         for (int i = 0; i < gpkg->GetLayerCount(); ++i) {
           OGRLayer* l = gpkg->GetLayer(i);
           GDALDatasetUniquePtr json(GDALDataset::Open((p.dir / (std::string(l->GetName()) + ".geojson")).c_str(), GDAL_OF_VECTOR));
           REQUIRE(json);
           CHECK(l->GetFeatureCount() == json->GetLayer(0)->GetFeatureCount());
         }
       }},
      {"report", [&] { attack_other_outputs(p); }},
      {"manifest", [&] { attack_other_outputs(p); }},
  };
  std::set<std::string> played;
  for (const auto& e : fs::directory_iterator(p.dir)) {
    const std::string name = e.path().filename().string();
    const RegisteredOutput* o = registered_output(name);
    INFO(name << " is in the pack but not in app/disclosure/output_registry.cpp");
    REQUIRE(o != nullptr);
    CHECK(o->counts != OutputCounts::AnalystOnly);  // never in a partner pack
    if (o->counts != OutputCounts::Protected) continue;
    const std::string attack(o->attack);
    INFO(name << " prints counts but its attack '" << attack << "' is not played here");
    REQUIRE(attacks.count(attack) == 1);
    if (played.insert(attack).second) attacks.at(attack)();
  }
  CHECK(played.size() == attacks.size() - !fs::exists(p.dir / "tasking.gpkg"));  // every attack played
}

}  // namespace

TEST_CASE("disclosure attack: every file of the committed pack is registered, and its counts attacked",
          "[e2e][disclosure]") {
  attack_every_output(committed_pack());
}

TEST_CASE("disclosure attack: every file of the strict pack is registered, and its counts attacked",
          "[e2e][disclosure]") {
  attack_every_output(strict_pack());
}
