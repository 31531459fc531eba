// Attack 4 (issue 23): venue plans differenced (venue_mix.hpp). A mix plan
// that includes VAWG publishes reach over ASB + VAWG; minus the ASB plan's,
// VAWG's withheld reach comes back. Target: no withheld reach recovered.
#include <catch2/catch.hpp>

#include "attack/runs.hpp"
#include "attack/truth.hpp"
#include "attack/venue_mix.hpp"
#include "london_venues_toml.hpp"

using namespace hotspot::attack;
namespace fs = std::filesystem;

namespace {

void check_venues(const std::string& what, const fs::path& pack, const std::vector<TruthIncident>& truth) {
  const Manifest m = read_manifest(pack);
  const VenueOutcome o = attack_venues(pack, theme_algebra(m), truth, venue_positions(pack / "venues_asb.geojson"));
  WARN(what << ": " << o.summary());
  INFO(what);
  for (const std::string& u : o.unsound) UNSCOPED_INFO("unsound: " << u);
  CHECK(o.unsound.empty());
  CHECK(o.outside == 0);
  CHECK(o.false_claims == 0);
  CHECK(o.withheld > 0);
  CHECK(o.recovered == 0);  // the target
}

}  // namespace

TEST_CASE("attack venues: the sample's committed plans", "[attack][sample][venues]") {
  const auto pack = run_pack(sample_config(), work_dir("sample-default"), "2025-12");
  check_venues("sample, mix of ASB and violence", pack, sample_truth(source_dir() / "data/sample"));
}

TEST_CASE("attack venues: the sample with a mix that includes VAWG", "[attack][sample][venues]") {
  const auto pack = run_pack(sample_config({}, {{"mix =", "mix = { asb = 1.0, vawg = 1.0 }"}}), work_dir("sample-mix-vawg"),
                             "2025-12");
  check_venues("sample, mix of ASB and VAWG", pack, sample_truth(source_dir() / "data/sample"));
}

namespace {

std::string venues_toml(const std::string& library_filter) {
  return hotspot::test::london_venues_toml(shared_data(), library_filter) + R"([programme]
themes = ["asb", "vawg", "violence"]
mix = { asb = 1.0, vawg = 1.0 }
k = 5
)";
}

void borough_venues(const std::string& borough, const std::string& folder, const std::string& period,
                    const std::string& library_filter) {
  const auto pack = run_pack(borough_config(borough, folder, {{"vawg", "min_count = 10\n"}}, venues_toml(library_filter)),
                             work_dir(folder + "-venues"), period);
  check_venues(borough + " " + period + ", VAWG at 10, mix of ASB and VAWG", pack,
               police_uk_truth(shared_data() / "police-uk" / folder, borough, police_uk_taxonomy()));
}

}  // namespace

TEST_CASE("attack venues: Havering 2017-06, libraries and stations, a mix with VAWG", "[attack][real][venues]") {
  borough_venues("Havering", "havering", "2017-06", R"({ authority_id = "54", closed = "" })");
}

TEST_CASE("attack venues: Harrow 2017-11, libraries and stations, a mix with VAWG", "[attack][real][venues]") {
  borough_venues("Harrow", "harrow", "2017-11", R"({ closed = "" })");
}
