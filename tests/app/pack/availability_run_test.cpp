// Honest "no data", end to end: the binary on the sample with the hate flag
// unmapped, with a month missing inside the baseline, and on an empty period.
#include <catch2/catch.hpp>

#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

TEST_CASE("run: a theme without its flag is 'no data' with a warning, an empty period stops with exit 1",
          "[availability][e2e]") {
  test::TempDir dir("availability");
  // The sample config without the hate flag mapped.
  std::string cfg = test::read_text(test::source_dir() / "data/sample/hotspot.toml");
  const std::string flags = "flags = { domestic_abuse = \"da_flag\", hate = \"hate_flag\" }";
  REQUIRE(cfg.find(flags) != std::string::npos);
  cfg.replace(cfg.find(flags), flags.size(), "flags = { domestic_abuse = \"da_flag\" }");
  const std::string sample = (test::source_dir() / "data/sample").string();
  for (const std::string key : {"path = \"", "paths = [\"", "population_csv = \"", "taxonomy = \""})
    for (std::size_t p = cfg.find(key); p != std::string::npos; p = cfg.find(key, p + 1))
      cfg.insert(p + key.size(), sample + "/");
  // A theme that only the flag can fill.
  cfg += "\n[themes.hate_flagged]\nlabel = \"Hate (flagged)\"\nmatch = [{ flag = \"hate\" }]\n";
  test::write_text(dir / "run.toml", cfg);
  const int rc = test::run_hotspot("wards '" + (dir / "run.toml").string() + "' --quiet --out '" +
                                       (dir / "out").string() + "'", dir / "log");
  const std::string log = test::read_text(dir / "log");
  INFO(log);
  REQUIRE(rc == 0);
  CHECK(log.find("theme 'hate_flagged' has no data: it needs the flag 'hate', which no input maps") != std::string::npos);
  CHECK(log.find("theme 'hate' counts only part of what it defines: one of its rules needs the flag 'hate'") !=
        std::string::npos);
  CPLJSONDocument doc;
  REQUIRE(doc.Load((dir / "out/manifest.json").string()));
  bool found = false;
  for (const auto& t : doc.GetRoot().GetArray("stages/data/themes"))
    if (t.GetString("theme") == "hate_flagged") {
      found = true;
      CHECK_FALSE(t.GetBool("has_data"));
    } else {
      CHECK(t.GetBool("has_data"));
    }
  CHECK(found);
  // The table says "no data", never a zero or a green RAG, and the layer leaves the values null.
  const std::string csv = test::read_text(dir / "out/ward_summary.csv");
  CHECK(csv.find("no data") != std::string::npos);
  GDALDatasetUniquePtr layer(GDALDataset::Open((dir / "out/wards.geojson").c_str(), GDAL_OF_VECTOR));
  REQUIRE(layer);
  for (auto& f : *layer->GetLayer(0)) {
    CHECK(f->IsFieldNull(f->GetFieldIndex("hate_flagged_count")));
    CHECK(f->IsFieldNull(f->GetFieldIndex("hate_flagged_rag")));
    CHECK_FALSE(f->IsFieldNull(f->GetFieldIndex("asb_count")));
  }

  // The report says so where the chair reads it, with a grey badge, never green.
  REQUIRE(test::run_hotspot("run '" + (dir / "run.toml").string() + "' --quiet --out '" + (dir / "pack").string() + "'",
                            dir / "run.log") == 0);
  const std::string report = test::read_text(dir / "pack/report.html");
  CHECK(report.find("<b>Hate (flagged): no data.</b>") != std::string::npos);
  CHECK(report.find("Hate (flagged)</td><td class=\"n\">no data</td>") != std::string::npos);
  CHECK(report.find("<span class=\"rag rag-none\">no data</span>") != std::string::npos);

  // A period before the sample's data: nothing to report, exit 1, and no pack.
  const int empty = test::run_hotspot("run '" + (dir / "run.toml").string() + "' --quiet --period 2019-04 --out '" +
                                          (dir / "empty").string() + "'", dir / "empty.log");
  const std::string elog = test::read_text(dir / "empty.log");
  INFO(elog);
  CHECK(empty == 1);
  CHECK(elog.find("no row was accepted in the period 2019-04") != std::string::npos);
  CHECK(elog.find("the 12-month baseline (2018-04..2019-03) has no rows for 12 of its 12 months") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "empty/manifest.json"));
}

TEST_CASE("run: a month missing inside the baseline is named in the log, the manifest and the report",
          "[availability][e2e]") {
  test::TempDir dir("availability-gap");
  const fs::path sample = test::source_dir() / "data/sample";
  // The sample's incident files without June 2025, one month of the 12-month baseline.
  fs::create_directories(dir / "incidents");
  for (const auto& e : fs::directory_iterator(sample / "incidents"))
    if (e.path().filename() != "2025-06.csv") fs::create_symlink(e.path(), dir / "incidents" / e.path().filename());
  std::string cfg = test::read_text(sample / "hotspot.toml");
  for (const std::string key : {"path = \"", "paths = [\"", "population_csv = \"", "taxonomy = \""})
    for (std::size_t p = cfg.find(key); p != std::string::npos; p = cfg.find(key, p + 1))
      cfg.insert(p + key.size(), sample.string() + "/");
  const std::string incidents = (sample / "incidents/*.csv").string();
  REQUIRE(cfg.find(incidents) != std::string::npos);
  cfg.replace(cfg.find(incidents), incidents.size(), (dir / "incidents/*.csv").string());
  test::write_text(dir / "run.toml", cfg);
  const int rc = test::run_hotspot("run '" + (dir / "run.toml").string() + "' --quiet --out '" + (dir / "out").string() +
                                       "'", dir / "log");
  const std::string log = test::read_text(dir / "log");
  INFO(log);
  REQUIRE(rc == 0);  // a gap is a warning, not a failure
  CHECK(log.find("the 12-month baseline (2024-12..2025-11) has no rows for 1 of its 12 months: 2025-06") !=
        std::string::npos);
  CPLJSONDocument doc;
  REQUIRE(doc.Load((dir / "out/manifest.json").string()));
  int named = 0;
  for (const auto& w : doc.GetRoot().GetArray("stages/data/months_without_rows")) {
    const CPLJSONArray months = w.GetArray("months");
    if (w.GetString("window") == "baseline") {
      REQUIRE(months.Size() == 1);
      CHECK(months[0].ToString() == "2025-06");
      ++named;
    } else {
      CHECK(months.Size() == 0);  // the period, previous month and year earlier are whole
    }
  }
  CHECK(named == 1);
  const std::string report = test::read_text(dir / "out/report.html");
  CHECK(report.find("<b>Months with no rows</b> in the 12-month baseline (2024-12..2025-11): 2025-06.") !=
        std::string::npos);
}
