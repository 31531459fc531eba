// The output registry (app/disclosure/output_registry): every file a pack may
// hold names the rule its counts pass, and a file it does not list is found
// unregistered, which stops a run (pipeline.cpp) before the pack is written.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "app/disclosure/output_registry.hpp"

using namespace hotspot;

TEST_CASE("output registry: a theme's or plan's files match their pattern, an unknown file matches none",
          "[unit][disclosure]") {
  const RegisteredOutput* kde = registered_output("kde_vawg.tif");
  REQUIRE(kde != nullptr);
  CHECK(kde->pattern == "kde_*.tif");
  CHECK(kde->counts == OutputCounts::Protected);
  REQUIRE(registered_output("venues_mix.csv") != nullptr);
  CHECK(registered_output("venues_mix.csv")->pattern == "venues_*.csv");
  CHECK(registered_output("venue_catchments_asb.geojson")->pattern == "venue_catchments_*.geojson");
  CHECK(registered_output("ward_summary.csv")->attack == "ward_table");
  CHECK(registered_output("evaluation.csv")->counts == OutputCounts::AnalystOnly);
  // * stands for a non-empty id, and the whole name must match.
  CHECK(registered_output("kde_.tif") == nullptr);
  CHECK(registered_output("kde_vawg.tif.bak") == nullptr);
  CHECK(registered_output("burglary_by_street.csv") == nullptr);
}

TEST_CASE("output registry: every output that prints counts names its rule and the attack played on it",
          "[unit][disclosure]") {
  std::set<std::string_view> patterns;
  for (const RegisteredOutput& o : registered_outputs()) {
    INFO(o.pattern);
    CHECK(patterns.insert(o.pattern).second);  // listed once
    CHECK(!o.rule.empty());
    if (o.counts == OutputCounts::Protected) CHECK(!o.attack.empty());
    if (o.counts == OutputCounts::None) CHECK(o.attack.empty());
  }
}
