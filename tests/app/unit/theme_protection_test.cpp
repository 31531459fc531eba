// Protection by content (issue 23, items 3 and 4): which themes can hold a
// protected theme's incidents, from the shipped taxonomies' rules.
#include <catch2/catch.hpp>

#include "app/config/config.hpp"
#include "app/disclosure/theme_protection.hpp"
#include "test_support.hpp"

using namespace hotspot;

namespace {

const ThemeProtection& of(const Taxonomy& tax, const std::vector<ThemeProtection>& p, const std::string& id) {
  const int i = tax.theme_index(id);
  REQUIRE(i >= 0);
  return p[static_cast<std::size_t>(i)];
}

ThemeMask bit(const Taxonomy& tax, const std::string& id) { return ThemeMask{1} << tax.theme_index(id); }

}  // namespace

namespace {

// A theme with only its id, label and rules, as the protection needs.
Theme theme_of(std::string id, std::string label, std::vector<ThemeRule> rules) {
  Theme t;
  t.id = std::move(id);
  t.label = std::move(label);
  t.rules = std::move(rules);
  return t;
}

}  // namespace

TEST_CASE("theme protection: glob patterns that share a string", "[theme_protection]") {
  CHECK(patterns_intersect("Robbery", "robbery"));
  CHECK_FALSE(patterns_intersect("Robbery", "Burglary"));
  CHECK(patterns_intersect("Stalking*", "*harassment"));  // "Stalking and harassment"
  CHECK(patterns_intersect("Stalking*", "Stalking"));
  CHECK_FALSE(patterns_intersect("Stalking*", "Harassment*"));
  CHECK(patterns_intersect("Racially or religiously aggravated*", "*public order"));
  CHECK(patterns_intersect("a?c", "*b*"));
  CHECK_FALSE(patterns_intersect("a?c", "ab"));
  CHECK(patterns_intersect("*", ""));
  CHECK_FALSE(patterns_intersect("?", ""));
}

TEST_CASE("theme protection: police.uk violence inherits VAWG's minimum, ASB and acquisitive do not",
          "[theme_protection]") {
  Taxonomy tax = load_taxonomy(test::source_dir() / "data/themes/police-uk.toml");
  const auto p = theme_protection(tax, {});
  const ThemeProtection& violence = of(tax, p, "violence");
  CHECK(violence.min_count == 5);
  CHECK(violence.inherited);
  CHECK(violence.from == "vawg");
  CHECK(violence.protected_themes == bit(tax, "vawg"));
  CHECK(violence.covers(bit(tax, "vawg") | bit(tax, "violence")));
  CHECK_FALSE(violence.covers(bit(tax, "violence") | bit(tax, "acquisitive")));  // a robbery
  const ThemeProtection& vawg = of(tax, p, "vawg");
  CHECK(vawg.min_count == 5);
  CHECK_FALSE(vawg.inherited);
  CHECK(vawg.from == "vawg");
  CHECK_FALSE(of(tax, p, "asb").any());
  CHECK_FALSE(of(tax, p, "acquisitive").any());
  CHECK(of(tax, p, "acquisitive").protected_themes == 0);

  // A stricter minimum elsewhere is what a theme that can hold it inherits.
  tax.themes[static_cast<std::size_t>(tax.theme_index("violence"))].min_count = 10;
  const auto q = theme_protection(tax, {});
  CHECK(of(tax, q, "vawg").min_count == 10);  // every VAWG (proxy) incident is a violence incident
  CHECK(of(tax, q, "vawg").from == "violence");
  CHECK(of(tax, q, "acquisitive").min_count == 10);  // robbery is violence and acquisitive
  CHECK(of(tax, q, "violence").min_count == 10);
  CHECK_FALSE(of(tax, q, "violence").inherited);
  CHECK_FALSE(of(tax, q, "asb").any());
}

TEST_CASE("theme protection: force extract, by the rules and the mapped flags", "[theme_protection]") {
  const Taxonomy tax = load_taxonomy(test::source_dir() / "data/themes/force-extract.toml");
  // With the domestic-abuse flag mapped any category can hold a VAWG incident.
  const auto mapped = theme_protection(tax, {"domestic_abuse", "hate"});
  for (const std::string id : {"asb", "violence", "hate", "vawg"}) {
    INFO(id);
    CHECK(of(tax, mapped, id).min_count == 5);
    CHECK(of(tax, mapped, id).from == "vawg");
  }
  CHECK(of(tax, mapped, "violence").inherited);
  // Without it the rules still overlap: stalking and harassment (any category)
  // reach ASB and violence, whose rules leave the subcategory open, and a
  // "Sexual offences" row (any subcategory) could be "Racially or religiously
  // aggravated ...", so hate can hold VAWG too. The rules say what is possible,
  // not what this month's rows hold.
  const auto unmapped = theme_protection(tax, {});
  for (const std::string id : {"asb", "violence", "hate"}) {
    INFO(id);
    CHECK(of(tax, unmapped, id).min_count == 5);
    CHECK(of(tax, unmapped, id).inherited);
  }
  CHECK(themes_can_overlap(tax, static_cast<std::size_t>(tax.theme_index("violence")),
                           static_cast<std::size_t>(tax.theme_index("vawg")), {}));
  // A theme list that cannot meet: only ASB and a theme of sexual offences.
  Taxonomy narrow;
  narrow.themes.push_back(theme_of("asb", "ASB", {ThemeRule{{"Anti-social behaviour"}, {}, ""}}));
  Theme sexual = theme_of("sexual", "Sexual offences", {ThemeRule{{"Sexual offences"}, {}, ""}});
  sexual.min_count = 10;
  narrow.themes.push_back(sexual);
  narrow.themes.push_back(theme_of("da", "Domestic abuse", {ThemeRule{{}, {}, "domestic_abuse"}}));
  const auto n = theme_protection(narrow, {});
  CHECK_FALSE(n[0].any());
  CHECK_FALSE(n[2].any());  // its flag is not mapped: it matches nothing
  CHECK(theme_protection(narrow, {"domestic_abuse"})[2].min_count == 10);
  CHECK_FALSE(theme_protection(narrow, {"domestic_abuse"})[0].any());
}
