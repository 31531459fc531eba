// Fair change on real data with no real change: police.uk rows of a borough
// with their months shuffled among them (seeded), so every place keeps its
// incidents but no month differs from another except by chance. A hotspot's
// count tested against its own baseline must then be a significant rise for
// fewer than the nominal 5% of hotspots, although the hotspots are drawn from
// the same months they are tested on.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/support/police_uk_truth.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

// Every row of a borough's police.uk files in one file, the Month column
// (the second; the first, Crime ID, is a hex hash or empty) shuffled.
void write_shuffled(const std::string& borough, unsigned seed, const fs::path& out) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::shared_data_dir() / "police-uk" / borough))
    if (e.path().extension() == ".csv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::string header;
  std::vector<std::string> heads, months, tails;
  bool plain_ids = true;  // no quoted first field, so the first two commas end the first two fields
  for (const fs::path& f : files) {
    std::istringstream in(test::read_text(f));
    std::string line;
    std::getline(in, header);
    while (std::getline(in, line)) {
      const std::size_t a = line.find(','), b = line.find(',', a + 1);
      if (b == std::string::npos || line.substr(0, a).find('"') != std::string::npos) {
        plain_ids = false;
        continue;
      }
      heads.push_back(line.substr(0, a + 1));
      months.push_back(line.substr(a + 1, b - a - 1));
      tails.push_back(line.substr(b));
    }
  }
  REQUIRE(plain_ids);
  std::mt19937 rng(seed);
  std::shuffle(months.begin(), months.end(), rng);
  std::string text = header + "\n";
  for (std::size_t i = 0; i < heads.size(); ++i) text += heads[i] + months[i] + tails[i] + "\n";
  test::write_text(out, text);
}

struct Tally {
  int hotspots = 0, tested = 0, rises = 0;
};

Tally significant_rises(const fs::path& pack) {
  Tally t;
  for (const auto& e : fs::directory_iterator(pack)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("hotspots_", 0) != 0 || e.path().extension() != ".geojson") continue;
    // VAWG's baseline is withheld wherever one of its months in the polygon is small
    // (README "Disclosure control"): no test to count there.
    if (name.rfind("hotspots_vawg", 0) == 0) continue;
    GDALDatasetUniquePtr ds(GDALDataset::Open(e.path().c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    for (auto& f : *ds->GetLayer(0)) {
      ++t.hotspots;
      const std::string direction = f->GetFieldAsString("direction");
      if (direction.empty()) continue;  // no baseline
      ++t.tested;
      t.rises += direction == "rise" && f->GetFieldAsInteger("significant") == 1;
    }
  }
  return t;
}

}  // namespace

TEST_CASE("hotspots tested against their own baseline: under 5% significant rises when months are shuffled",
          "[real][change]") {
  test::TempDir dir("real-change");
  Tally all;
  for (const std::string borough : {"Havering", "Harrow", "Haringey"}) {
    for (const unsigned seed : {1u, 2u}) {
      std::string lower = borough;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      const fs::path run = dir / (lower + std::to_string(seed));
      fs::create_directories(run);
      write_shuffled(lower, seed, run / "shuffled.csv");
      test::write_text(run / "hotspot.toml", test::borough_config(borough, "2017-12", (run / "shuffled.csv").string()));
      REQUIRE(test::run_hotspot("run '" + (run / "hotspot.toml").string() + "' --quiet --out '" + (run / "out").string() + "'",
                                run / "log") == 0);
      const Tally t = significant_rises(run / "out");
      INFO(borough << " seed " << seed << ": " << t.rises << " significant rises of " << t.tested);
      CHECK(t.tested == t.hotspots);  // 23 months of shuffled history: every hotspot has a baseline
      all.hotspots += t.hotspots;
      all.tested += t.tested;
      all.rises += t.rises;
    }
  }
  // Measured: 25 of 695 (3.6%) with seeds 1 and 2, VAWG's hotspots left out; the nominal rate is 5%.
  INFO(all.rises << " significant rises of " << all.tested << " hotspots");
  CHECK(all.tested > 250);
  CHECK(static_cast<double>(all.rises) < 0.05 * all.tested);
}
