// Attack 5 (issue 23): the engine must never write a pack while warning that
// a withheld count can be deduced (deducible.hpp). A rare theme with m-1
// incidents in m-1 wards: the sample's one possession of a firearm in
// December (a theme of its own at min_count 2), Havering's 5 possessions of
// weapons in 5 wards in 2017-02 (min_count 6) and Harrow's 3 bicycle thefts in
// 3 wards in 2017-01 (min_count 4). The engine may refuse (a clear error) or
// withhold more; a pack it writes must carry no such warning and give nothing
// back to the ward-table LP.
#include <catch2/catch.hpp>

#include <algorithm>

#include "attack/deducible.hpp"
#include "attack/runs.hpp"
#include "attack/truth.hpp"
#include "attack/ward_model.hpp"

using namespace hotspot::attack;
namespace fs = std::filesystem;

namespace {

void check_deducible(const std::string& what, const std::string& config, const fs::path& dir, const std::string& period,
                     std::vector<TruthIncident> truth, const std::string& theme, const std::string& category,
                     const std::string& subcategory) {
  std::string log;
  const int rc = try_run_pack(config, dir, period, log);
  if (rc != 0) {  // refusing is allowed, with a clear error
    WARN(what << ": the engine refused (exit " << rc << "): " << log);
    CHECK((rc == 1 || rc == 2));
    CHECK((log.find("deduc") != std::string::npos || log.find("disclosure") != std::string::npos));
    return;
  }
  const fs::path pack = dir / "out";
  const Manifest m = read_manifest(pack);
  const auto warnings = deducible_warnings(m);
  for (TruthIncident& t : truth)
    if (t.category == category && (subcategory.empty() || t.subcategory == subcategory)) t.themes.push_back(theme);
  const Outcome o = attack_ward_tables({pack}, theme_algebra(m), {}, {}, truth);
  std::string w;
  for (const std::string& s : warnings) w += "\n  warning: " + s;
  WARN(what << ": pack written with " << warnings.size() << " deducible warning(s)" << w << "\n  the ward-table LP: "
            << o.summary());
  INFO(what);
  CHECK(o.unsound.empty());
  CHECK(o.false_claims == 0);
  CHECK(warnings.empty());  // the target: never written with the warning
  CHECK(o.recovered == 0);
}

}  // namespace

TEST_CASE("attack deducible: the sample's single firearm in December, min_count 2", "[attack][sample][deducible]") {
  check_deducible("sample 2025-12, firearms at 2",
                  sample_config({{"firearms", "label = \"Firearms\"\nmatch = [{ subcategory = \"Possession of firearms\" }]\n"
                                              "min_count = 2\n"}}),
                  work_dir("sample-deducible"), "2025-12", sample_truth(source_dir() / "data/sample"), "firearms",
                  "Possession of weapons", "Possession of firearms");
}

TEST_CASE("attack deducible: Havering 2017-02, 5 weapons possessions in 5 wards, min_count 6", "[attack][real][deducible]") {
  ThemeTables themes = police_uk_user_themes(6);
  themes.erase("robbery");
  check_deducible("Havering 2017-02, weapons at 6", borough_config("Havering", "havering", themes),
                  work_dir("havering-deducible"), "2017-02",
                  police_uk_truth(shared_data() / "police-uk/havering", "Havering", police_uk_taxonomy()), "weapons",
                  "Possession of weapons", "");
}

TEST_CASE("attack deducible: Harrow 2017-01, 3 bicycle thefts in 3 wards, min_count 4", "[attack][real][deducible]") {
  check_deducible("Harrow 2017-01, bicycle theft at 4",
                  borough_config("Harrow", "harrow",
                                 {{"bicycle", "label = \"Bicycle theft\"\nmatch = [{ category = \"Bicycle theft\" }]\n"
                                              "min_count = 4\n"}}),
                  work_dir("harrow-deducible"), "2017-01",
                  police_uk_truth(shared_data() / "police-uk/harrow", "Harrow", police_uk_taxonomy()), "bicycle",
                  "Bicycle theft", "");
}
