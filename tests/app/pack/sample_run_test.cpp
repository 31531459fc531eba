// End to end on the committed sample: the planted truth is found, every row is
// accounted for, and a rerun is byte-identical.
#include <catch2/catch.hpp>

#include <cpl_json.h>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "io/sha256.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

CPLJSONObject load_json(const fs::path& p) {
  CPLJSONDocument doc;
  REQUIRE(doc.Load(p.string()));
  return doc.GetRoot();
}

const fs::path& sample_output() { return test::sample_pack(); }

// ",text," to find a whole field in a CSV line (built step by step: GCC 12 -Wrestrict misfires on "," + s + ",").
std::string csv_field(const std::string& text) {
  std::string out = ",";
  out.append(text).append(",");
  return out;
}

std::map<std::string, std::map<std::string, std::string>> ward_properties(const fs::path& geojson) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(geojson.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  std::map<std::string, std::map<std::string, std::string>> out;
  for (auto& f : *ds->GetLayer(0)) {
    auto& props = out[f->GetFieldAsString("ward_code")];
    for (int i = 0; i < f->GetFieldCount(); ++i)
      props[f->GetFieldDefnRef(i)->GetNameRef()] = f->IsFieldNull(i) ? "null" : f->GetFieldAsString(i);
  }
  return out;
}

}  // namespace

TEST_CASE("sample: the planted rising ward is flagged red for ASB", "[e2e]") {
  const CPLJSONObject truth = load_json(test::source_dir() / "data/sample/truth.json");
  const std::string rising = truth.GetString("rising_ward/ward_code");
  const auto wards = ward_properties(sample_output() / "wards.geojson");
  REQUIRE(wards.size() == 18);
  const auto& w = wards.at(rising);
  CHECK(w.at("asb_count") == std::to_string(truth.GetInteger("rising_ward/expected_asb_in_run_period")));
  CHECK(w.at("asb_rag") == "red");
  CHECK(w.at("asb_significant") == "1");
  CHECK(w.at("asb_direction") == "rise");
  CHECK(w.at("asb_rank") == "2");  // only the town centre has more ASB
  // Every other ward's ASB matches the generator's clean counts.
  const CPLJSONObject clean = truth.GetObj("incident_files/2025-12/asb_by_ward_clean");
  for (const auto& [code, props] : wards) CHECK(props.at("asb_count") == std::to_string(clean.GetInteger(code)));
  // No other ward rises significantly in ASB.
  int red = 0;
  for (const auto& [code, props] : wards) red += props.at("asb_rag") == "red";
  CHECK(red == 1);
}

TEST_CASE("sample: read = accepted + rejected per file, with the planted bad rows", "[e2e]") {
  const CPLJSONObject truth = load_json(test::source_dir() / "data/sample/truth.json");
  const CPLJSONObject manifest = load_json(sample_output() / "manifest.json");
  const CPLJSONArray inputs = manifest.GetArray("inputs");
  REQUIRE(inputs.Size() == 25);
  // The months read: the period's statistics and the hotspot forecast with its backtest.
  const std::string first = manifest.GetString("period/data_window/first");
  const std::string last = manifest.GetString("period/data_window/last");
  CHECK(last == truth.GetObj("window").GetString("end"));
  CHECK(first <= truth.GetObj("window").GetString("start"));
  for (int i = 0; i < inputs.Size(); ++i) {
    const CPLJSONObject f = inputs[i];
    const std::string path = f.GetString("path");  // incidents/YYYY-MM.csv
    const std::string month = path.substr(10, 7);
    INFO(path);
    const CPLJSONObject t = truth.GetObj("incident_files/" + month);
    const CPLJSONObject bad = t.GetObj("bad_rows");
    const long read = f.GetLong("read"), accepted = f.GetLong("accepted"), rejected = f.GetLong("rejected");
    const long outside = f.GetLong("outside_window");
    CHECK(read == t.GetLong("data_rows"));
    CHECK(read == accepted + outside + rejected);
    const CPLJSONObject r = f.GetObj("rejected_by_reason");
    long sum = 0;
    for (const auto& child : r.GetChildren()) sum += child.ToLong();
    CHECK(sum == rejected);
    // Rows with a bad date or too few columns cannot be placed in time: unparseable everywhere.
    CHECK(r.GetLong("unparseable") == bad.GetLong("bad_date") + bad.GetLong("too_few_columns"));
    if (month >= first && month <= last) {
      CHECK(r.GetLong("no_coordinates") == bad.GetLong("missing_coords"));
      CHECK(r.GetLong("impossible_coordinates") == bad.GetLong("impossible_coords"));
      CHECK(r.GetLong("likely_swapped_coordinates") == bad.GetLong("swapped_coords"));
      CHECK(r.GetLong("outside_every_ward") == bad.GetLong("outside_borough"));
      CHECK(r.GetLong("duplicate_id") == bad.GetLong("duplicate_ref"));
      CHECK(outside == 0);
      CHECK(f.GetLong("unthemed") == bad.GetLong("unknown_offence_group"));
      CHECK(accepted == t.GetLong("clean_rows"));
    } else {
      CHECK(accepted == 0);
      // Rows of months the run does not use are counted, not rejected: only unparseable ones are rejects.
      CHECK(outside == read - r.GetLong("unparseable"));
      CHECK(rejected == r.GetLong("unparseable"));
    }
  }
  CHECK(manifest.GetBool("totals/reconciles"));
  // rejects.csv, in the restricted folder beside the pack, holds one line per rejected row (records may
  // span lines, so count reasons).
  const std::string rejects = test::read_text(sample_output().string() + "-restricted/rejects.csv");
  CHECK(rejects.rfind("file,line,reason,field,detail,raw\r\n", 0) == 0);
  std::size_t n = 0;
  for (std::size_t p = 0; (p = rejects.find(",duplicate_id,", p)) != std::string::npos; ++p) ++n;
  CHECK(static_cast<long>(n) == manifest.GetLong("totals/rejected_by_reason/duplicate_id"));
}

TEST_CASE("sample: disclosure control hides small VAWG counts everywhere", "[e2e]") {
  const auto wards = ward_properties(sample_output() / "wards.geojson");
  const std::string csv = test::read_text(sample_output() / "ward_summary.csv");
  for (const auto& [code, props] : wards) {
    if (props.at("vawg_suppressed") != "1") {
      CHECK(props.at("vawg_count") != "null");
      const long n = std::stol(props.at("vawg_count"));
      CHECK((n == 0 || n >= 5));
      continue;
    }
    CHECK(props.at("vawg_count") == "null");
    CHECK(props.at("vawg_rate_per_1000") == "null");
    CHECK(props.at("vawg_rank") == "null");
    // The CSV row for this ward shows the rule, never the number.
    const std::size_t row = csv.find("\r\n" + code + ",");
    REQUIRE(row != std::string::npos);
    CHECK(csv.substr(row, csv.find("\r\n", row + 2) - row).find(",<5,") != std::string::npos);
  }
  // Secondary suppression: the one VAWG "previous" under 5 (Brampton Vale, 4) would be the ALL row (168) minus
  // the other wards (164), so the next smallest, the first 5 in ward order (Larkhill), is withheld with it.
  int previous_withheld = 0;
  for (const auto& [code, props] : wards) previous_withheld += props.at("vawg_previous") == "null";
  CHECK(previous_withheld == 2);
  for (const char* code : {"E05900013", "E05900002"}) {
    CHECK(wards.at(code).at("vawg_previous") == "null");
    CHECK(wards.at(code).at("vawg_change_previous_pct") == "null");
  }
  CHECK(csv.find("\r\nE05900002,Larkhill,") != std::string::npos);
  {
    const std::size_t row = csv.find("\r\nE05900002,");
    CHECK(csv.substr(row, csv.find("\r\n", row + 2) - row).find(",[c],") != std::string::npos);
  }
  // Violence and ASB have no minimum: nothing suppressed.
  for (const auto& [code, props] : wards) CHECK(props.at("asb_suppressed") == "0");
  // The CSV has an area total row, and the disclosure rule travels with the layer.
  CHECK(csv.find("\r\nALL,Kingsmere,") != std::string::npos);
  CHECK(test::read_text(sample_output() / "wards.geojson").find("counts from 1 to 4 are suppressed") !=
        std::string::npos);
}

TEST_CASE("sample: wards.geojson is RFC 7946 (WGS84 lon/lat, CCW exteriors)", "[e2e]") {
  GDALDatasetUniquePtr ds(GDALDataset::Open((sample_output() / "wards.geojson").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* layer = ds->GetLayer(0);
  for (auto& f : *layer) {
    const OGRGeometry* g = f->GetGeometryRef();
    REQUIRE(g);
    OGREnvelope e;
    g->getEnvelope(&e);
    CHECK(e.MinX > -1.0);  // the sample sits near London: lon ~ -0.1, lat ~ 51.5
    CHECK(e.MaxX < 1.0);
    CHECK(e.MinY > 51.0);
    CHECK(e.MaxY < 52.0);
    const OGRPolygon* p = wkbFlatten(g->getGeometryType()) == wkbMultiPolygon
                              ? g->toMultiPolygon()->getGeometryRef(0)
                              : g->toPolygon();
    CHECK_FALSE(p->getExteriorRing()->isClockwise());
  }
  const std::string text = test::read_text(sample_output() / "wards.geojson");
  CHECK(text.find("\"crs\"") == std::string::npos);  // RFC 7946 has no crs member
}

TEST_CASE("sample: a rerun is byte-identical", "[e2e]") {
  const fs::path& a = sample_output();
  test::TempDir dir("sample-rerun");
  const fs::path cfg = test::source_dir() / "data/sample/hotspot.toml";
  // Same folder name, so the manifest names the restricted folder the same way.
  REQUIRE(test::run_hotspot("run '" + cfg.string() + "' --quiet --out '" + (dir / a.filename()).string() + "'",
                            dir / "b.log") == 0);
  // --quiet: warnings and the final line only.
  std::istringstream quiet(test::read_text(dir / "b.log"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(quiet, line);) lines.push_back(line);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.back().rfind("Wrote ", 0) == 0);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    INFO(lines[i]);
    CHECK(lines[i].rfind("warning: ", 0) == 0);
  }
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(a)) {
    const std::string name = entry.path().filename().string();
    if (name == "timings.json") continue;  // wall-clock times, kept out of the manifest on purpose
    INFO(name);
    CHECK(sha256_file(entry.path().string()) == sha256_file((dir / a.filename() / name).string()));
    ++compared;
  }
  CHECK(compared >= 4);
  // No temporary files are left behind.
  for (const auto& entry : fs::directory_iterator(a)) CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
}

TEST_CASE("sample: one thread and three give byte-identical packs", "[e2e]") {
  // Ingest, region clipping, cluster outlines and the forecast split their work
  // over run.threads threads; each task writes its own slot, so the pack must not
  // depend on the thread count (the default, 2, is sample_output()).
  const fs::path& two = sample_output();
  const fs::path cfg = test::source_dir() / "data/sample/hotspot.toml";
  for (const int threads : {1, 3}) {
    INFO("threads " << threads);
    test::TempDir dir("sample-threads");
    REQUIRE(test::run_hotspot("run '" + cfg.string() + "' --quiet --threads " + std::to_string(threads) + " --out '" +
                                  (dir / two.filename()).string() + "'",
                              dir / "t.log") == 0);
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(two)) {
      const std::string name = entry.path().filename().string();
      if (name == "timings.json") continue;
      INFO(name);
      CHECK(sha256_file(entry.path().string()) == sha256_file((dir / two.filename() / name).string()));
      ++compared;
    }
    CHECK(compared >= 60);
    CHECK(sha256_file((two.string() + "-restricted/rejects.csv")) ==
          sha256_file((dir / (two.filename().string() + "-restricted") / "rejects.csv").string()));
  }
}

TEST_CASE("sample: an emerging look-back longer than the data is a warning naming both lengths", "[e2e]") {
  test::TempDir dir("sample-lookback");
  const fs::path cfg = test::sample_config_copy(dir, "\n[emerging]\nmonths = 48\n");
  REQUIRE(test::run_hotspot("run '" + cfg.string() + "' --quiet --out '" + (dir / "out").string() + "'", dir / "log") == 0);
  const std::string log = test::read_text(dir / "log");
  INFO(log);
  // The sample's incidents run 2023-12..2025-12: 25 months.
  CHECK(log.find("warning: emerging.months = 48 but the inputs reach back only 25 months from 2025-12 (to 2023-12)") !=
        std::string::npos);
}

TEST_CASE("sample: validate reconciles and writes nothing", "[e2e]") {
  test::TempDir dir("sample-validate");
  const fs::path cfg = test::source_dir() / "data/sample/hotspot.toml";
  const fs::path out = dir / "never-created";
  REQUIRE(test::run_hotspot("validate '" + cfg.string() + "' --out '" + out.string() + "'",
                            dir / "v.log") == 0);
  CHECK_FALSE(fs::exists(out));
  const std::string log = test::read_text(dir / "v.log");
  CHECK(log.find("Rows read 50878 = accepted") != std::string::npos);
  CHECK(log.find("DOES NOT RECONCILE") == std::string::npos);
}

TEST_CASE("exit codes: 2 for usage, 1 for bad input", "[e2e]") {
  test::TempDir dir("exit-codes");
  CHECK(test::run_hotspot("frobnicate", dir / "l1") == 2);
  CHECK(test::run_hotspot("run", dir / "l2") == 2);
  CHECK(test::run_hotspot("run '" + (dir / "missing.toml").string() + "'", dir / "l3") == 2);
  test::write_text(dir / "bad.toml", "[run]\nperiod='2017-04'\n[wards]\npath='nope.shp'\n[[incidents]]\n"
                                     "format='police_uk'\npaths=['bad.toml']\n");
  CHECK(test::run_hotspot("run '" + (dir / "bad.toml").string() + "' --taxonomy '" +
                              (test::source_dir() / "data/themes/police-uk.toml").string() + "'",
                          dir / "l4") == 1);
  CHECK(test::read_text(dir / "l4").find("nope.shp") != std::string::npos);
  CHECK(test::run_hotspot("--version", dir / "l5") == 0);
  CHECK(test::read_text(dir / "l5").find("hotspot 0.") != std::string::npos);
}

TEST_CASE("sample: the planted ASB rise is a new hot spot in Larkhill, and every hotspot has a space-time class",
          "[e2e][emerging]") {
  GDALDatasetUniquePtr ds(GDALDataset::Open((sample_output() / "emerging_asb.geojson").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  bool larkhill_new = false;
  int persistent = 0;
  for (auto& f : *ds->GetLayer(0)) {
    const std::string cls = f->GetFieldAsString("space_time_class");
    INFO(f->GetFieldAsString("label"));
    CHECK(f->GetFieldAsInteger("count") >= 3);  // kde.min_incidents over the window
    if (cls == "new hot spot") {
      CHECK(f->GetFieldAsInteger("months_hot") == 1);
      larkhill_new = larkhill_new || std::string(f->GetFieldAsString("ward_names")).find("Larkhill") != std::string::npos;
    }
    persistent += cls == "persistent hot spot" || cls == "intensifying hot spot";
  }
  CHECK(larkhill_new);     // tripled in the run period only (truth.json: planted asb_rising_ward)
  CHECK(persistent >= 1);  // the town centre's ASB is there every month
  // hotspot_history.csv: one row per published hotspot, each with a class.
  std::map<std::string, std::string> history;
  std::istringstream csv(test::read_text(sample_output() / "hotspot_history.csv"));
  std::string line;
  std::getline(csv, line);
  CHECK(line == "theme,hotspot_id,label,space_time_class,months_hot_of_12,space_time,window\r");
  while (std::getline(csv, line)) {
    const std::size_t a = line.find(','), b = line.find(',', a + 1);
    history[line.substr(a + 1, b - a - 1)] = line;
  }
  int hotspots = 0;
  bool town_centre_persistent = false, larkhill_new_hotspot = false;
  for (const std::string theme : {"asb", "violence", "vawg", "hate", "violence_nte", "asb_after_school"}) {
    GDALDatasetUniquePtr h(GDALDataset::Open((sample_output() / ("hotspots_" + theme + ".geojson")).c_str(),
                                             GDAL_OF_VECTOR));
    REQUIRE(h);
    for (auto& f : *h->GetLayer(0)) {
      ++hotspots;
      const std::string id = f->GetFieldAsString("hotspot_id"), words = f->GetFieldAsString("space_time");
      INFO(id << ": " << words);
      REQUIRE(history.count(id));
      // The layer's class is the history's, in the same words.
      CHECK(history.at(id).find(csv_field(f->GetFieldAsString("space_time_class"))) != std::string::npos);
      CHECK(history.at(id).find(csv_field(words)) != std::string::npos);
      CHECK_FALSE(std::string(f->GetFieldAsString("space_time_key")).empty());
      if (theme != "asb") continue;
      const std::string wards = f->GetFieldAsString("ward_names");
      // The planted places (truth.json): the town centre's ASB every month, Larkhill's tripled in 2025-12 only.
      if (f->GetFieldAsInteger("rank") == 1 && wards.find("Kingsmere Town") != std::string::npos)
        town_centre_persistent = words == "hot for 12 of the last 12 months" &&
                                 std::string(f->GetFieldAsString("space_time_key")) == "persistent";
      if (wards.find("Larkhill") != std::string::npos && words == "new this month") larkhill_new_hotspot = true;
    }
  }
  CHECK(hotspots == static_cast<int>(history.size()));
  CHECK(town_centre_persistent);
  CHECK(larkhill_new_hotspot);
}

TEST_CASE("sample: the forward plan keeps every constraint and its calendar imports", "[e2e][forward-plan]") {
  // hotspot.toml: months = 6 (second Saturdays of 2026-01..06), budget 2,500 at 500 an event.
  std::istringstream csv(test::read_text(sample_output() / "forward_plan.csv"));
  std::string line;
  std::getline(csv, line);
  CHECK(line == "event,date,start,end,theme,theme_label,venue_id,venue_name,venue_type,ward_code,ward_name,reason\r");
  const std::vector<std::string> second_saturdays = {"2026-01-10", "2026-02-14", "2026-03-14", "2026-04-11",
                                                     "2026-05-09", "2026-06-13"};
  std::set<std::string> wards, uids;
  int events = 0;
  while (std::getline(csv, line)) {
    INFO(line);
    const std::size_t a = line.find(','), b = line.find(',', a + 1);
    CHECK(line.substr(a + 1, b - a - 1) == second_saturdays.at(static_cast<std::size_t>(events)));
    ++events;
    const auto fields = [&] {
      std::vector<std::string> f(1);
      bool q = false;
      for (char c : line) {
        if (c == '"') q = !q;
        else if (c == ',' && !q) f.emplace_back();
        else if (c != '\r') f.back() += c;
      }
      return f;
    }();
    REQUIRE(fields.size() == 12);
    CHECK(wards.insert(fields[9]).second);  // each ward at most once
    CHECK(fields[11].find(fields[5]) == 0);  // the reason starts with the theme
    CHECK(fields[11].find(" reaches ") != std::string::npos);
  }
  CHECK(events == 5);  // 2,500 / 500
  // The calendar: one VEVENT per row, CRLF lines of at most 75 octets, unique UIDs.
  const std::string ics = test::read_text(sample_output() / "forward_plan.ics");
  int vevents = 0;
  for (std::size_t at = 0, next; at < ics.size(); at = next + 2) {
    next = ics.find("\r\n", at);
    REQUIRE(next != std::string::npos);
    const std::string l = ics.substr(at, next - at);
    CHECK(l.size() <= 75);
    CHECK(l.find('\n') == std::string::npos);
    vevents += l == "BEGIN:VEVENT";
    if (l.rfind("UID:", 0) == 0) CHECK(uids.insert(l).second);
  }
  CHECK(vevents == 5);
}

TEST_CASE("sample: the report is marked OFFICIAL and dated the day after the period, not by the clock", "[e2e][report]") {
  const std::string html = test::read_text(sample_output() / "report.html");
  std::size_t markings = 0, dates = 0;
  for (std::size_t p = 0; (p = html.find("<span class=\"marking\">OFFICIAL</span>", p)) != std::string::npos; ++p) ++markings;
  for (std::size_t p = 0; (p = html.find("Produced 2026-01-01", p)) != std::string::npos; ++p) ++dates;
  CHECK(markings == 2);  // the running header and footer
  CHECK(dates == 3);     // header, footer and the summary page; the period is 2025-12
}

TEST_CASE("sample: the planted Friday and Saturday night violence is the night-time economy window's, in Riverside",
          "[e2e][time]") {
  const CPLJSONObject truth = load_json(test::source_dir() / "data/sample/truth.json");
  const std::string riverside = truth.GetString("nte/ward_code");
  const auto wards = ward_properties(sample_output() / "wards.geojson");
  long nte_total = 0, violence_total = 0;
  for (const auto& [code, p] : wards) {
    nte_total += std::stol(p.at("violence_nte_count"));
    violence_total += std::stol(p.at("violence_count"));
  }
  // Fri/Sat 22:30-03:30 is 10 of the week's 168 hours, 6%; the planted nights put most of its
  // violence there, and in Riverside.
  INFO("night-time economy violence " << nte_total << " of " << violence_total);
  CHECK(nte_total > 0.06 * violence_total);
  CHECK(std::stol(wards.at(riverside).at("violence_nte_count")) > 0.6 * nte_total);
  // The night-time economy's place (Kings Parade, Riverside) is the violence layer's first hotspot.
  const auto first_hotspot = [](const std::string& theme) {
    GDALDatasetUniquePtr h(GDALDataset::Open((sample_output() / ("hotspots_" + theme + ".geojson")).c_str(),
                                             GDAL_OF_VECTOR));
    REQUIRE(h);
    std::unique_ptr<OGRFeature> first(h->GetLayer(0)->GetNextFeature());
    REQUIRE(first);
    return std::string(first->GetFieldAsString("label"));
  };
  const std::string violence_first = first_hotspot("violence");
  INFO(violence_first);
  CHECK(violence_first.find("Kings Parade") != std::string::npos);
  CHECK(violence_first.find("(Riverside)") != std::string::npos);
  // The window's own hotspot there rests on 24 months holding 1 to 4 VAWG incidents (harassment at
  // night), which violence's protection of VAWG withholds (polygon_disclosure.hpp): the window's layer
  // leads with another place, and says how many it withheld.
  const CPLJSONObject manifest = load_json(sample_output() / "manifest.json");
  long nte_withheld = -1;
  for (const CPLJSONObject& t : manifest.GetArray("stages/kde/themes"))
    if (t.GetString("theme") == "violence_nte") nte_withheld = t.GetLong("hotspots_withheld_small_count");
  CHECK(nte_withheld > 0);
  CHECK(first_hotspot("violence_nte").find("(Riverside)") == std::string::npos);

  // time_of_day.csv: the hours after midnight on Saturday and Sunday (Friday and Saturday
  // nights) hold more violence than the same hours on weekdays.
  std::istringstream csv(test::read_text(sample_output() / "time_of_day.csv"));
  std::string line;
  std::getline(csv, line);
  CHECK(line.rfind("theme,day,h00,h01,", 0) == 0);
  std::map<std::string, std::vector<double>> violence;
  while (std::getline(csv, line)) {
    if (line.rfind("violence,", 0) != 0) continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
    std::vector<double> hours;
    for (std::size_t k = 2; k < 26 && k < f.size(); ++k) hours.push_back(f[k].empty() ? 0 : std::stod(f[k]));
    violence[f[1]] = hours;
  }
  REQUIRE(violence.size() == 8);  // 7 days and "time unknown"
  const auto small_hours = [&](const std::string& day) {
    return violence.at(day)[0] + violence.at(day)[1] + violence.at(day)[2];
  };
  CHECK(small_hours("Sat") > 2 * small_hours("Wed"));
  CHECK(small_hours("Sun") > 1.5 * small_hours("Wed"));  // 12 against 6 at the time of writing
}

TEST_CASE("sample: the report opens with the planted Larkhill rise, read aloud", "[e2e][report]") {
  const std::string html = test::read_text(sample_output() / "report.html");
  const std::size_t key = html.find("<div class=\"key-changes\">");
  REQUIRE(key != std::string::npos);
  CHECK(key < html.find("<table class=\"summary\""));  // before the summary table
  // The generator tripled Larkhill's ASB in the period (75 against a baseline of about 25).
  // Ranked across themes by the size of the change: it is among the first two (the whole area's ASB rise,
  // which holds it, may come first).
  const std::string sentence =
      "\">Larkhill: 75 anti-social behaviour incidents, three times its usual 24.8 \u2014 a significant rise.</li>";
  const std::size_t first = html.find("<li ", key), second = html.find("<li ", first + 1);
  REQUIRE(second != std::string::npos);
  const std::size_t at = html.find(sentence, key);
  REQUIRE(at != std::string::npos);
  CHECK(at < html.find("</li>", second));
}

namespace {

// The name in a street column, as a reader would take it: "On or near " or "Near " dropped.
std::string plain_street(std::string s) {
  for (const std::string prefix : {"On or near ", "Near "})
    if (s.rfind(prefix, 0) == 0) return s.substr(prefix.size());
  return s;
}

// The sample's accepted ASB rows of 2025 by street, counted from the incident
// files with GDAL/OGR: a row counts when its reference is new, its date reads,
// and its point lies in a ward (the planted bad rows fail one of these).
std::map<std::string, long> asb_by_street_2025(long& total) {
  // wards.geojson is in British National Grid, as the incidents are.
  GDALDatasetUniquePtr wards_ds(
      GDALDataset::Open((test::source_dir() / "data/sample/wards.geojson").c_str(), GDAL_OF_VECTOR));
  REQUIRE(wards_ds);
  std::vector<std::unique_ptr<OGRGeometry>> wards;
  for (auto& f : *wards_ds->GetLayer(0)) wards.emplace_back(f->GetGeometryRef()->clone());
  std::map<std::string, long> out;
  std::set<std::string> refs;
  total = 0;
  for (int month = 1; month <= 12; ++month) {
    const fs::path file = test::source_dir() / fmt::format("data/sample/incidents/2025-{:02d}.csv", month);
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    for (auto& f : *ds->GetLayer(0)) {
      if (!refs.insert(f->GetFieldAsString("incident_ref")).second) continue;
      const std::string when = f->GetFieldAsString("occurred_at"), x = f->GetFieldAsString("easting"),
                        y = f->GetFieldAsString("northing");
      if (when.size() != 16 || when.rfind(fmt::format("2025-{:02d}-", month), 0) != 0 || x.empty() || y.empty())
        continue;
      const OGRPoint p(std::stod(x), std::stod(y));
      if (std::none_of(wards.begin(), wards.end(), [&](const auto& w) { return w->Intersects(&p); })) continue;
      if (std::string(f->GetFieldAsString("offence_group")) != "Anti-social behaviour") continue;
      ++total;
      ++out[plain_street(f->GetFieldAsString("location_desc"))];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("sample: the hot streets are the planted town centre's, counted from the incident files",
          "[e2e][streets]") {
  long total = 0;
  const std::map<std::string, long> by_street = asb_by_street_2025(total);
  std::istringstream csv(test::read_text(sample_output() / "hot_streets.csv"));
  std::string line;
  std::getline(csv, line);
  CHECK(line == "theme,rank,place,unit,ward_code,ward_name,incidents,share_of_incidents,cumulative_share_of_incidents,"
                "share_of_places,places_in_area,months\r");
  std::vector<std::vector<std::string>> asb;
  while (std::getline(csv, line)) {
    if (line.rfind("asb,", 0) != 0) continue;
    std::vector<std::string> f;
    std::stringstream ss(line.substr(0, line.size() - 1));  // no \r
    for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
    REQUIRE(f.size() == 12);
    asb.push_back(f);
  }
  REQUIRE(asb.size() >= 2);
  // The town centre, where High Street crosses Market Square (truth.json), holds the most ASB.
  const std::set<std::string> top{asb[0][2], asb[1][2]};
  CHECK(top == std::set<std::string>{"High Street", "Market Square"});
  long cumulative = 0, previous = total;
  int whole = 0;
  for (std::size_t r = 0; r < asb.size(); ++r) {
    const auto& f = asb[r];
    INFO(f[2]);
    CHECK(f[1] == std::to_string(r + 1));
    CHECK(f[3] == "street or place");
    CHECK(f[11] == "2025-01..2025-12");
    // A name used in two parts of the area is two places, each with its ward: "Mill Lane (Riverside)".
    const bool part = f[2].back() == ')';
    const std::string name = part ? f[2].substr(0, f[2].rfind(" (")) : f[2];
    REQUIRE(by_street.count(name));
    const long n = std::stol(f[6]);
    if (part) {
      CHECK(n <= by_street.at(name));
      CHECK(f[2] == name + " (" + f[5] + ")");
    } else {
      CHECK(n == by_street.at(name));  // a name of one place: all its incidents
      ++whole;
    }
    CHECK(n <= previous);  // by count, most first
    previous = n;
    cumulative += n;
    CHECK(std::stod(f[7]) == Approx(static_cast<double>(n) / total).margin(0.00005));
    CHECK(std::stod(f[8]) == Approx(static_cast<double>(cumulative) / total).margin(0.00005));
    // ArcGIS 80-20: listed until the cumulative share reaches 80%, no further.
    if (r + 1 < asb.size()) CHECK(static_cast<double>(cumulative) < 0.8 * total);
  }
  CHECK(whole >= 10);
  CHECK((static_cast<double>(cumulative) >= 0.8 * total || asb.size() == 100));
}
