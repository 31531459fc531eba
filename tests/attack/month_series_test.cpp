// Attack 2 (issue 23): consecutive monthly packs. Partnerships get a pack
// every month; each publishes the 12-month baseline mean to one decimal, the
// previous month and the month a year earlier, and (issue 26) year to date and
// the rolling 12 months, each with the same months a year earlier. Across 14
// packs the baselines difference (pack t's baseline total minus pack t-1's is
// month t-1 minus month t-13), so do the years to date (pack t's minus pack
// t-1's is month t, inside a financial year: the 14 months cross April) and
// the rolling years, and with the theme sums and the report's trend charts the
// attacker solves all 14 packs as one linear programme. Target: nothing
// withheld comes back.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "attack/pack.hpp"
#include "attack/runs.hpp"
#include "attack/truth.hpp"
#include "attack/ward_model.hpp"

using namespace hotspot::attack;

namespace {

void check_series(const std::string& what, const std::vector<std::filesystem::path>& packs,
                  const std::vector<TruthIncident>& truth) {
  const Manifest m = read_manifest(packs.front());
  // The packs publish the year-to-date and rolling columns the attack reads.
  REQUIRE(m.year_to_date.size() > 0);
  REQUIRE(m.rolling_12_before.size() == 12);
  const std::vector<Row> table = read_csv(packs.front() / "ward_summary.csv");
  REQUIRE(!table.empty());
  for (const char* column : {"_ytd", "_ytd_before", "_rolling_12", "_rolling_12_before"})
    REQUIRE(table.front().count(m.themes.front().id + column) == 1);
  SolveOptions fast;
  fast.full_ranges = false;  // recoveries only: each LP solution found rules out the targets it moves
  // The strongest attack always; with HOTSPOT_ATTACK_STEPS set, also the steps
  // that build up to it (each theme alone, then the theme sums), for docs/attacks.md.
  std::vector<Outcome> outcomes;
  if (std::getenv("HOTSPOT_ATTACK_STEPS")) {
    outcomes.push_back(attack_ward_tables(packs, theme_algebra(m), {true, true, true, false}, fast, truth));
    WARN(what << ", without year to date and rolling 12 months: " << outcomes.back().summary());
    outcomes.push_back(attack_ward_tables(packs, independent_themes(m), {true, true, false}, fast, truth));
    WARN(what << ", each theme alone (baselines, previous, year earlier): " << outcomes.back().summary());
    outcomes.push_back(attack_ward_tables(packs, theme_algebra(m), {true, true, false}, fast, truth));
    WARN(what << ", with the theme sums: " << outcomes.back().summary());
  }
  outcomes.push_back(attack_ward_tables(packs, theme_algebra(m), {true, true, true}, fast, truth));
  WARN(what << ", with the theme sums, the trend charts, year to date and rolling 12 months: "
            << outcomes.back().summary());
  for (const Outcome& out : outcomes) {
    const Outcome* o = &out;
    INFO(what);
    for (const std::string& u : o->unsound) UNSCOPED_INFO("unsound: " << u);
    CHECK(o->unsound.empty());
    CHECK(o->unmodelled == 0);
    CHECK(o->outside == 0);
    CHECK(o->false_claims == 0);
    CHECK(o->cells > 0);
    CHECK(o->recovered == 0);  // the target
  }
}

}  // namespace

TEST_CASE("attack month series: 14 monthly sample packs with strict minimums", "[attack][sample][month_series]") {
  const std::string cfg = sample_config({{"asb", "min_count = 20\n"},
                                         {"violence", "min_count = 20\n"},
                                         {"vawg", "min_count = 10\n"},
                                         {"hate", "min_count = 10\n"}});
  const auto packs = run_monthly_packs(cfg, work_dir("sample-months"), parse_month("2024-11"), parse_month("2025-12"));
  check_series("sample 2024-11..2025-12", packs, sample_truth(source_dir() / "data/sample"));
}

namespace {

void borough_series(const std::string& borough, const std::string& folder) {
  ThemeTables themes = police_uk_user_themes(10);
  for (const char* t : {"asb", "violence", "vawg", "acquisitive"}) themes[t] = "min_count = 10\n";
  const auto packs = run_monthly_packs(borough_config(borough, folder, themes), work_dir(folder + "-months"),
                                       parse_month("2017-01"), parse_month("2018-02"));
  CategoryThemes cats = police_uk_taxonomy();
  cats["robbery"] = {"Robbery"};
  cats["weapons"] = {"Possession of weapons"};
  check_series(borough + " 2017-01..2018-02", packs, police_uk_truth(shared_data() / "police-uk" / folder, borough, cats));
}

}  // namespace

TEST_CASE("attack month series: 14 monthly Havering packs, every theme at 10", "[attack][real][month_series]") {
  borough_series("Havering", "havering");
}

TEST_CASE("attack month series: 14 monthly Harrow packs, every theme at 10", "[attack][real][month_series]") {
  borough_series("Harrow", "harrow");
}
