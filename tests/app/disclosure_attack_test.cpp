// The attacker's view of a pack: run the sample (as committed, and with
// minimums high enough to bite everywhere), count the truth straight from the
// raw incident files, and try to get any withheld count back exactly from what
// the pack folder and the console show: subtraction from totals (with the
// published rule's ranges), derived values beside withheld inputs, venue
// reach, console lines, report.html, manifest.json and raster metadata.
#include <catch2/catch.hpp>

#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kOpen = INT64_MAX / 4;

// ---- reading ----------------------------------------------------------------

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
      else if (ch == '"') quoted = false;
      else out.back() += ch;
    } else if (ch == '"') quoted = true;
    else if (ch == ',') out.emplace_back();
    else if (ch != '\r') out.back() += ch;
  }
  return out;
}

using Row = std::map<std::string, std::string>;

std::vector<Row> read_csv(const fs::path& p) {
  std::istringstream in(test::read_text(p));
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> head = split_csv_line(line);
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    if (line.empty() || line == "\r") continue;
    const std::vector<std::string> f = split_csv_line(line);
    Row r;
    for (std::size_t i = 0; i < head.size() && i < f.size(); ++i) r[head[i]] = f[i];
    rows.push_back(std::move(r));
  }
  return rows;
}

bool is_number(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return *end == '\0';
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ---- the truth, from the raw incident files ---------------------------------

struct Truth {
  // [theme][ward code][column]: count, previous, year_earlier, baseline total
  std::map<std::string, std::map<std::string, std::array<std::int64_t, 4>>> wards;
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
    cfg.replace(at, from.size(), "\"" + (sample / rel).lexically_normal().string() + "\"");
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
  const int rc = test::run_hotspot("run '" + config.string() + "' --quiet --out '" + p.dir.string() + "'",
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

struct Bound {
  std::int64_t lo, hi;
};

// What the published rule says a cell shown as `text` can be.
Bound prior(const std::string& text, int m) {
  if (text == "<" + std::to_string(m)) return {1, m - 1};
  if (text == "[c]") return {m, kOpen};  // an unsuppressed nonzero count: at least m
  const std::int64_t v = std::llround(std::stod(text));
  return {v, v};
}

// Subtraction: total = sum(parts), each cell known up to its bound; the range of part i.
Bound deduce(const std::vector<Bound>& parts, const Bound& total, std::size_t i) {
  std::int64_t lo = 0, hi = 0;
  for (std::size_t j = 0; j < parts.size(); ++j) {
    if (j == i) continue;
    lo = std::min(lo + parts[j].lo, kOpen);
    hi = std::min(hi + parts[j].hi, kOpen);
  }
  Bound b = parts[i];
  if (hi < kOpen) b.lo = std::max(b.lo, total.lo - hi);
  if (total.hi < kOpen) b.hi = std::min(b.hi, total.hi - lo);
  return b;
}

bool withheld(const std::string& text) { return !text.empty() && (text[0] == '<' || text == "[c]"); }

const char* kColumns[4] = {"count", "previous", "year_earlier", "baseline_mean"};

// Every withheld count of the ward table, attacked by subtraction from the ALL row.
int attack_ward_table(const Pack& p) {
  const std::vector<Row> rows = read_csv(p.dir / "ward_summary.csv");
  REQUIRE(rows.size() == 19);
  REQUIRE(rows.back().at("ward_code") == "ALL");
  int attacked = 0;
  for (const auto& [theme, m] : p.min_count) {
    for (int col = 0; col < 4; ++col) {
      const std::string field = theme + "_" + kColumns[col];
      std::vector<Bound> parts;
      for (std::size_t r = 0; r + 1 < rows.size(); ++r) {
        const std::string& text = rows[r].at(field);
        if (col == 3 && !withheld(text)) {  // a baseline mean: the 12-month total to within rounding
          const double total = std::stod(text) * 12;
          parts.push_back({static_cast<std::int64_t>(std::ceil(total - 0.6)), static_cast<std::int64_t>(std::floor(total + 0.6))});
        } else if (col == 3) {
          parts.push_back({1, kOpen});  // a withheld baseline shows [c] either way: primary or secondary
        } else {
          parts.push_back(prior(text, m));
        }
      }
      const std::string all_text = rows.back().at(field);
      Bound total = prior(all_text, m);
      if (col == 3 && !withheld(all_text))
        total = {static_cast<std::int64_t>(std::ceil(std::stod(all_text) * 12 - 0.6)),
                 static_cast<std::int64_t>(std::floor(std::stod(all_text) * 12 + 0.6))};
      for (std::size_t r = 0; r < parts.size(); ++r) {
        const std::string& code = rows[r].at("ward_code");
        const std::int64_t real = truth().wards.at(theme).count(code) ? truth().wards.at(theme).at(code)[col] : 0;
        INFO(theme << " " << kColumns[col] << " " << code << " shows " << rows[r].at(field) << ", truly " << real);
        if (!withheld(rows[r].at(field))) {
          if (col < 3) CHECK(std::stoll(rows[r].at(field)) == real);  // the published numbers are the truth
          continue;
        }
        ++attacked;
        const Bound b = deduce(parts, total, r);
        CHECK(b.lo <= real);
        CHECK(real <= b.hi);
        CHECK(b.lo < b.hi);  // not recovered exactly
      }
      if (withheld(all_text)) {
        ++attacked;
        std::int64_t lo = 0, hi = 0;
        for (const Bound& b : parts) lo += b.lo, hi = std::min(hi + b.hi, kOpen);
        INFO(theme << " " << kColumns[col] << " ALL");
        CHECK(std::max(lo, prior(all_text, m).lo) < std::min(hi, prior(all_text, m).hi));
      }
    }
  }
  return attacked;
}

// Derived values published beside a withheld input would invert to it (rate x
// population / 1000, previous x (1 + change), ...): none may be a number.
void attack_derived_values(const Pack& p) {
  const std::vector<Row> rows = read_csv(p.dir / "ward_summary.csv");
  const std::map<std::string, std::vector<std::string>> follows = {
      {"count", {"rate_per_1000", "change_previous_pct", "change_year_pct", "change_baseline_pct", "rank", "p_value",
                 "direction", "significant", "rag", "gi_z", "gi_p", "lisa_p"}},
      {"previous", {"change_previous_pct"}},
      {"year_earlier", {"change_year_pct"}},
      {"baseline_mean", {"baseline_sd", "change_baseline_pct", "p_value", "rag"}}};
  for (const auto& [theme, m] : p.min_count) {
    bool any_current = false;
    for (const Row& r : rows) {
      for (const auto& [input, derived] : follows) {
        if (!withheld(r.at(theme + "_" + input))) continue;
        any_current = any_current || input == "count";
        for (const std::string& d : derived) {
          const auto it = r.find(theme + "_" + d);
          if (it == r.end()) continue;
          INFO(r.at("ward_code") << " " << theme << "_" << d << " = " << it->second << " beside a withheld " << input);
          CHECK((it->second.empty() || withheld(it->second)));
        }
      }
    }
    // Gi* z and LISA p read every ward's value: with any ward withheld none is published.
    if (any_current && rows.front().count(theme + "_gi_z"))
      for (const Row& r : rows) {
        INFO(r.at("ward_code") << " " << theme);
        CHECK_FALSE(is_number(r.at(theme + "_gi_z")));
        CHECK_FALSE(is_number(r.at(theme + "_lisa_p")));
      }
  }
}

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
      if (withheld(r.at(theme + "_count"))) CHECK(line.find(">" + std::string(r.at(theme + "_count") == "[c]" ? "[c]" : "&lt;" + std::to_string(m)) + "<") != std::string::npos);
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
    CHECK(reason.find(" " + std::to_string(real) + " incidents") == std::string::npos);
  }
  return attacked;
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
  CHECK(attack_ward_table(p) >= 2);
  attack_derived_values(p);
  attack_other_outputs(p);
  attack_venues(p);
  const CPLJSONDocument manifest = [&] { CPLJSONDocument d; REQUIRE(d.Load((p.dir / "manifest.json").string())); return d; }();
  const CPLJSONObject d = manifest.GetRoot().GetObj("disclosure");
  CHECK(d.GetLong("primary") >= 1);
  CHECK(d.GetLong("secondary") >= 1);
}

TEST_CASE("disclosure attack: a strict pack (VAWG 10, hate 40) gives nothing back", "[e2e][disclosure]") {
  const Pack& p = strict_pack();
  CHECK(attack_ward_table(p) > 20);
  attack_derived_values(p);
  attack_other_outputs(p);
  CHECK(attack_venues(p) >= 1);
  CHECK(withheld(all_row(p, "hate_count")));  // the area total itself is under 40
}
