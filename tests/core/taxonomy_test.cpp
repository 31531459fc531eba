// Taxonomy rules: wildcards, lists, flags, several themes per incident.
#include <catch2/catch.hpp>

#include "core/taxonomy.hpp"

#include "test_support.hpp"

using namespace hotspot;

TEST_CASE("wildcards match case-insensitively and whole strings only", "[taxonomy]") {
  CHECK(wildcard_match("Anti-social behaviour", "anti-SOCIAL behaviour"));
  CHECK(wildcard_match("Stalking*", "Stalking and harassment"));
  CHECK(wildcard_match("*harass*", "Stalking and harassment"));
  CHECK(wildcard_match("Rob?ery", "Robbery"));
  CHECK_FALSE(wildcard_match("Robbery", "Robbery of business property"));
  CHECK_FALSE(wildcard_match("Stalking", "Stalking and harassment"));
  CHECK(wildcard_match("*", ""));
  CHECK_FALSE(wildcard_match("", "x"));
  CHECK(wildcard_match("a*b*c", "aXXbYYc"));
  CHECK_FALSE(wildcard_match("a*b*c", "aXXbYY"));
}

TEST_CASE("classify: lists, AND within a rule, OR across rules, flags, several themes", "[taxonomy]") {
  Taxonomy t;
  t.flag_names = {"domestic_abuse", "hate"};
  t.themes.push_back(test::theme("violence", "Violence", {{{"Violence against the person", "Robbery"}, {}, ""}}));
  t.themes.push_back(test::theme("vawg", "VAWG",
                                 {{{}, {}, "domestic_abuse"}, {{"Sexual offences"}, {}, ""}, {{}, {"Stalking*"}, ""}}));
  t.themes.push_back(test::theme("night", "Night assaults", {{{"Violence against the person"}, {"Common assault"}, ""}}));
  const FlagMask da = 1u << 0;
  CHECK(t.classify("Robbery", "Robbery of personal property", 0) == 0b001);
  CHECK(t.classify("Violence against the person", "Common assault", 0) == 0b101);
  CHECK(t.classify("Violence against the person", "Common assault", da) == 0b111);
  CHECK(t.classify("Violence against the person", "Stalking and harassment", 0) == 0b011);
  CHECK(t.classify("Sexual offences", "Rape", 0) == 0b010);
  CHECK(t.classify("Burglary", "Residential burglary", 0) == 0);
  CHECK(t.classify("Burglary", "", da) == 0b010);  // the flag alone puts it in VAWG
  CHECK(t.classify("Burglary", "", 1u << 1) == 0);  // a flag no rule uses
  CHECK(t.theme_index("vawg") == 1);
  CHECK(t.flag_index("hate") == 1);
  CHECK(t.flag_index("nope") == -1);
}

TEST_CASE("unknown categories are those neither in a rule nor in known_categories", "[taxonomy]") {
  Taxonomy t;
  t.themes.push_back(test::theme("asb", "ASB", {{{"Anti-social behaviour"}, {}, ""}}));
  CHECK_FALSE(t.is_unknown_category("Fraud"));  // nothing listed: nothing is unknown
  t.known_categories = {"Burglary", "Vehicle *"};
  CHECK_FALSE(t.is_unknown_category("Burglary"));
  CHECK_FALSE(t.is_unknown_category("vehicle crime"));
  CHECK_FALSE(t.is_unknown_category("Anti-social behaviour"));
  CHECK(t.is_unknown_category("Fraud"));
}
