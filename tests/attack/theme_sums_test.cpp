// Attack 1 (issue 23): themes that add up. The manifest prints every theme's
// rules; the attacker derives which themes share incidents (with police.uk's
// taxonomy and user themes robbery and weapons: violence = vawg + robbery +
// weapons) and solves one pack's ward_summary.csv as a linear programme.
// Target: nothing withheld comes back.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "attack/runs.hpp"
#include "attack/truth.hpp"
#include "attack/ward_model.hpp"

using namespace hotspot::attack;

namespace {

void check_outcome(const std::string& what, const Outcome& o) {
  WARN(what << ": " << o.summary());
  INFO(what);
  for (const std::string& u : o.unsound) UNSCOPED_INFO("unsound: " << u);
  CHECK(o.unsound.empty());   // the published values are the truth's: the model is right
  CHECK(o.unmodelled == 0);   // every incident's theme set is an atom of the algebra
  CHECK(o.outside == 0);      // the attack's ranges hold the truth
  CHECK(o.false_claims == 0);
  CHECK(o.cells > 0);         // the attack had something to attack
  CHECK(o.recovered == 0);    // the target: nothing withheld comes back
}

}  // namespace

TEST_CASE("attack theme sums: the sample with strict minimums", "[attack][sample][theme_sums]") {
  const auto pack = run_pack(sample_config({{"asb", "min_count = 20\n"},
                                            {"violence", "min_count = 20\n"},
                                            {"vawg", "min_count = 10\n"},
                                            {"hate", "min_count = 10\n"}}),
                             work_dir("sample-strict"), "2025-12");
  const Manifest m = read_manifest(pack);
  const ThemeAlgebra algebra = theme_algebra(m);
  WARN("sample atoms: " << algebra.describe());
  const auto truth = sample_truth(source_dir() / "data/sample");
  check_outcome("sample 2025-12, theme sums", attack_ward_tables({pack}, algebra, {true, true, true}, {}, truth));
}

namespace {

void borough_theme_sums(const std::string& borough, const std::string& folder, const std::string& period) {
  ThemeTables themes = police_uk_user_themes(10);
  for (const char* t : {"asb", "violence", "vawg", "acquisitive"}) themes[t] = "min_count = 10\n";
  const auto pack = run_pack(borough_config(borough, folder, themes), work_dir(folder + "-theme-sums"), period);
  const Manifest m = read_manifest(pack);
  const ThemeAlgebra algebra = theme_algebra(m);
  WARN(borough << " atoms: " << algebra.describe());
  CategoryThemes cats = police_uk_taxonomy();
  cats["robbery"] = {"Robbery"};
  cats["weapons"] = {"Possession of weapons"};
  const auto truth = police_uk_truth(shared_data() / "police-uk" / folder, borough, cats);
  check_outcome(borough + " " + period + ", theme sums", attack_ward_tables({pack}, algebra, {true, true, true}, {}, truth));
  if (std::getenv("HOTSPOT_ATTACK_STEPS")) {  // the same pack without the theme sums, for docs/attacks.md
    const Outcome alone = attack_ward_tables({pack}, independent_themes(m), {true, true, true}, {}, truth);
    WARN(borough << " " << period << ", each theme alone: " << alone.summary());
  }
}

}  // namespace

TEST_CASE("attack theme sums: Havering 2017-06, every theme at 10, robbery and weapons themes",
          "[attack][real][theme_sums]") {
  borough_theme_sums("Havering", "havering", "2017-06");
}

TEST_CASE("attack theme sums: Harrow 2017-11, every theme at 10, robbery and weapons themes",
          "[attack][real][theme_sums]") {
  borough_theme_sums("Harrow", "harrow", "2017-11");
}
