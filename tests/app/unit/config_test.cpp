// Configuration: unknown keys with suggestions, types, overrides, theme merging,
// and the option declarations (config_schema.cpp) against what the reader does.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "app/config/config.hpp"
#include "app/config/config_schema.hpp"
#include "core/error.hpp"
#include "test_support.hpp"

using namespace hotspot;
using Catch::Matchers::Contains;

namespace {

const char* kBase = R"(
[run]
period = "2017-04"
taxonomy = "tax.toml"
[wards]
path = "wards.geojson"
[[incidents]]
format = "police_uk"
paths = ["crimes/*.csv"]
)";

const char* kTaxonomy = R"(
[taxonomy]
known_categories = ["Burglary"]
[themes.asb]
label = "ASB"
match = [{ category = "Anti-social behaviour" }]
[themes.vawg]
match = [{ flag = "domestic_abuse" }, { category = "Sexual*" }]
)";

struct Fixture {
  test::TempDir dir{"config"};
  Fixture() {
    test::write_text(dir / "tax.toml", kTaxonomy);
    test::write_text(dir / "wards.geojson", "{}");
    std::filesystem::create_directories(dir / "crimes");
    test::write_text(dir / "crimes" / "b.csv", "x");
    test::write_text(dir / "crimes" / "a.csv", "x");
  }
  std::filesystem::path write(const std::string& extra) const {
    test::write_text(dir / "run.toml", std::string(kBase) + extra);
    return dir / "run.toml";
  }
};

std::string error_of(const std::filesystem::path& p, const std::vector<Override>& o = {}) {
  try {
    load_config(p, o);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a valid config resolves paths, globs and themes", "[config]") {
  Fixture f;
  const RunConfig c = load_config(f.write(""), {});
  CHECK(c.period.first == make_month(2017, 4));
  CHECK(c.crs == "EPSG:27700");
  CHECK(c.wards.path == (f.dir / "wards.geojson").string());
  REQUIRE(c.incidents.size() == 1);
  CHECK(c.incidents[0].format == IncidentFormat::PoliceUk);
  CHECK(c.incidents[0].crs == "EPSG:4326");
  REQUIRE(c.incidents[0].paths.size() == 2);
  CHECK(c.incidents[0].paths[0] == (f.dir / "crimes" / "a.csv").string());  // sorted
  REQUIRE(c.taxonomy.themes.size() == 2);
  CHECK(c.taxonomy.themes[0].id == "asb");
  CHECK(c.taxonomy.themes[0].min_count == 0);
  CHECK(c.taxonomy.themes[1].id == "vawg");
  CHECK(c.taxonomy.themes[1].min_count == 5);  // the VAWG default
  CHECK(c.taxonomy.flag_names == std::vector<std::string>{"domestic_abuse"});
  CHECK(c.output == (f.dir / "out").string());
}

TEST_CASE("unknown keys and tables are errors that name the key and suggest", "[config]") {
  Fixture f;
  CHECK_THAT(error_of(f.write("[wards.x]\n")), Contains("wards.x"));
  const std::string typo = error_of(f.write("\n[themes.asb]\ntraget = -0.1\n"));
  CHECK_THAT(typo, Contains("themes.asb.traget"));
  CHECK_THAT(typo, Contains("Did you mean 'target'?"));
  CHECK_THAT(error_of(f.write("[ward]\npath='x'\n")), Contains("Did you mean 'wards'?"));
  const std::string inc = error_of(f.write("[[incidents]]\nformat='police_uk'\npaths=['crimes/*.csv']\ncategroy='x'\n"));
  CHECK_THAT(inc, Contains("incidents[1].categroy"));
  CHECK_THAT(inc, Contains("Did you mean 'category'?"));
  CHECK_THAT(error_of(f.write("[themes.asb]\nmin_count = 'five'\n")), Contains("must be an integer"));
  CHECK_THAT(error_of(f.write("[themes.asb]\nmatch = [{ categroy = 'x' }]\n")), Contains("Did you mean 'category'?"));
}

TEST_CASE("command-line overrides win over the file", "[config]") {
  Fixture f;
  const RunConfig c = load_config(f.write(""), {{"run", "period", "FY2016"}, {"run", "output", "/tmp/elsewhere"}});
  CHECK(c.period.first == make_month(2016, 4));
  CHECK(c.period.last == make_month(2017, 3));
  CHECK(c.output == "/tmp/elsewhere");
  CHECK_THAT(error_of(f.write(""), {{"run", "period", "2017-13"}}), Contains("is not a period"));
}

TEST_CASE("run themes override and extend the taxonomy", "[config]") {
  Fixture f;
  const RunConfig c = load_config(f.write(R"(
[themes.asb]
target = -0.1
[themes.vawg]
min_count = 10
[themes.hate]
label = "Hate crime"
rise_is_good = true
match = [{ flag = "hate" }]
)"), {});
  REQUIRE(c.taxonomy.themes.size() == 3);
  CHECK(c.taxonomy.themes[0].label == "ASB");
  CHECK(*c.taxonomy.themes[0].target == Approx(-0.1));
  CHECK(c.taxonomy.themes[1].min_count == 10);
  CHECK(c.taxonomy.themes[2].id == "hate");
  CHECK(c.taxonomy.themes[2].rise_is_good);
  CHECK(c.taxonomy.flag_names == std::vector<std::string>{"domestic_abuse", "hate"});
  CHECK_THAT(error_of(f.write("[themes.new_theme]\nlabel='x'\n")), Contains("has no match rules"));
  CHECK_THAT(error_of(f.write("[themes.Bad-Id]\nmatch=[{category='x'}]\n")), Contains("snake_case"));
}

TEST_CASE("missing inputs are reported with what to do", "[config]") {
  Fixture f;
  CHECK_THAT(error_of(f.write("[[incidents]]\nformat='mapped_csv'\ncrs='EPSG:27700'\npaths=['nothing/*.csv']\n")),
             Contains("no file matches"));
  CHECK_THAT(error_of(f.write("[[incidents]]\nformat='police-uk'\npaths=['crimes/*.csv']\n")),
             Contains("Did you mean 'police_uk'?"));
  CHECK_THAT(error_of(f.dir / "absent.toml"), Contains("does not exist"));
  test::write_text(f.dir / "broken.toml", "[run\nperiod=1");
  CHECK_THAT(error_of(f.dir / "broken.toml"), Contains("broken.toml:1"));
}

TEST_CASE("the shipped taxonomies load and classify as documented", "[config][taxonomy]") {
  const Taxonomy police = load_taxonomy(test::source_dir() / "data/themes/police-uk.toml");
  REQUIRE(police.theme_index("vawg") >= 0);
  const Theme& vawg = police.themes[static_cast<std::size_t>(police.theme_index("vawg"))];
  CHECK(vawg.proxy);
  CHECK_FALSE(vawg.proxy_note.empty());
  CHECK(vawg.min_count == 5);
  const ThemeMask asb = ThemeMask{1} << police.theme_index("asb");
  const ThemeMask vio = ThemeMask{1} << police.theme_index("violence");
  const ThemeMask vawg_bit = ThemeMask{1} << police.theme_index("vawg");
  REQUIRE(police.theme_index("acquisitive") >= 0);
  const ThemeMask acq = ThemeMask{1} << police.theme_index("acquisitive");
  CHECK(police.classify("Anti-social behaviour", "", 0) == asb);
  CHECK(police.classify("Robbery", "", 0) == (vio | acq));  // one offence, two themes
  CHECK(police.classify("Violence and sexual offences", "", 0) == (vio | vawg_bit));
  for (const char* c : {"Burglary", "Theft from the person", "Vehicle crime", "Bicycle theft", "Other theft",
                        "Shoplifting"})
    CHECK(police.classify(c, "", 0) == acq);
  CHECK(police.classify("Drugs", "", 0) == 0);
  CHECK(police.classify("Criminal damage and arson", "", 0) == 0);
  CHECK_FALSE(police.is_unknown_category("Burglary"));
  CHECK(police.is_unknown_category("Fraud"));

  const Taxonomy force = load_taxonomy(test::source_dir() / "data/themes/force-extract.toml");
  const ThemeMask fv = ThemeMask{1} << force.theme_index("vawg");
  const FlagMask da = FlagMask{1} << force.flag_index("domestic_abuse");
  CHECK((force.classify("Violence against the person", "Common assault", da) & fv) != 0);
  CHECK((force.classify("Violence against the person", "Common assault", 0) & fv) == 0);
  CHECK((force.classify("Violence against the person", "Stalking and harassment", 0) & fv) != 0);
  CHECK((force.classify("Sexual offences", "Rape", 0) & fv) != 0);
}

TEST_CASE("report and context options: defaults, values and mistakes", "[config][report]") {
  Fixture f;
  const RunConfig plain = load_config(f.write(""), {});
  CHECK(plain.report.marking == "OFFICIAL");
  CHECK(plain.report.date.empty());  // the report prints the day after the period
  CHECK(plain.context.path.empty());
  test::write_text(f.dir / "roads.geojson", "{}");
  const RunConfig set = load_config(f.write("[report]\nmarking = \"OFFICIAL-SENSITIVE\"\ndate = \"2017-05-03\"\n"
                                            "[context]\npath = \"roads.geojson\"\nlabel_field = \"name\"\nkind = \"rail\"\n"),
                                    {});
  CHECK(set.report.marking == "OFFICIAL-SENSITIVE");
  CHECK(set.report.date == "2017-05-03");
  CHECK(set.context.path == (f.dir / "roads.geojson").string());
  CHECK(set.context.label_field == "name");
  CHECK(set.context.kind == ContextKind::Rail);
  CHECK_THAT(error_of(f.write("[report]\ndate = \"2017-02-30\"\n")), Contains("report.date") && Contains("YYYY-MM-DD"));
  CHECK_THAT(error_of(f.write("[context]\npath = \"roads.geojson\"\nkind = \"motorway\"\n")),
             Contains("context.kind") && Contains("roads, rail, water, area"));
  CHECK_THAT(error_of(f.write("[context]\nkind = \"roads\"\n")), Contains("context.path"));
  CHECK_THAT(error_of(f.write("[context]\npath = \"nowhere.geojson\"\n")), Contains("nowhere.geojson"));
}

namespace {

// Every value of a choice enum has one name, names are unique, and each parses back to its value.
template <class E>
void check_choice_round_trip() {
  const std::vector<std::string> names = choice_names<E>();
  REQUIRE_FALSE(names.empty());
  for (const std::string& name : names) {
    const auto value = parse_choice<E>(name);
    REQUIRE(value.has_value());
    CHECK(name_of(*value) == name);
    CHECK(std::count(names.begin(), names.end(), name) == 1);
  }
  CHECK_FALSE(parse_choice<E>("no such name").has_value());
}

// The option's value in `cfg` as `hotspot options` prints it.
std::string value_in(const RunConfig& cfg, const OptionSpec& spec) {
  return option_value_text(std::get<Binding<RunConfig>>(spec.binding).get(cfg));
}

}  // namespace

TEST_CASE("every choice name parses and prints back", "[config][options]") {
  check_choice_round_trip<Kernel>();
  check_choice_round_trip<KdeOutput>();
  check_choice_round_trip<KdeGrid>();
  check_choice_round_trip<HotspotClasses>();
  check_choice_round_trip<Correction>();
  check_choice_round_trip<WardWeights>();
  check_choice_round_trip<VenueMeasure>();
  check_choice_round_trip<Weekday>();
  check_choice_round_trip<ContextKind>();
  check_choice_round_trip<IncidentFormat>();
  check_choice_round_trip<VenueFormat>();
}

TEST_CASE("the declarations are consistent: keys, flags, choices and help", "[config][options]") {
  std::vector<std::string> keys, flags;
  for (const OptionSpec& spec : option_specs()) {
    INFO(spec.table << "." << spec.key);
    keys.push_back(fmt::format("{}.{}", spec.table, spec.key));
    if (!spec.cli_flag.empty()) flags.emplace_back(spec.cli_flag);
    if (spec.choices.empty()) continue;
    // A choice's default is one of its names, and the help names every choice.
    CHECK(std::count(spec.choices.begin(), spec.choices.end(), spec.default_text) == 1);
    for (const std::string& name : spec.choices) CHECK_THAT(spec.help, Contains(name));
  }
  std::sort(keys.begin(), keys.end());
  CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
  std::sort(flags.begin(), flags.end());
  CHECK(std::adjacent_find(flags.begin(), flags.end()) == flags.end());
}

TEST_CASE("an option left out holds the default hotspot options prints", "[config][options]") {
  Fixture f;
  const RunConfig c = load_config(f.write(""), {});
  int checked = 0;
  for (const OptionSpec& spec : option_specs()) {
    if (!std::holds_alternative<Binding<RunConfig>>(spec.binding)) continue;
    if (spec.table == "run" || spec.table == "wards") continue;  // paths resolved, period and CRS set by kBase
    INFO(spec.table << "." << spec.key);
    const std::string value = value_in(c, spec);
    CHECK((value == spec.default_text || value.empty()));
    ++checked;
  }
  CHECK(checked > 60);
  // Two defaults the declarations and the reader once disagreed on.
  CHECK(find_option("run", "area_name")->default_text == "the area");
  CHECK(c.area_name == "the area");
  CHECK(find_option("venues", "type")->default_text == "venue");
  CHECK(VenueSource{}.type == "venue");
}

TEST_CASE("every name of every choice option reads into its enum", "[config][options]") {
  Fixture f;
  test::write_text(f.dir / "roads.geojson", "{}");
  int read = 0;
  for (const OptionSpec& spec : option_specs()) {
    if (spec.choices.empty() || !std::holds_alternative<Binding<RunConfig>>(spec.binding)) continue;
    for (const std::string& name : spec.choices) {
      INFO(spec.table << "." << spec.key << " = " << name);
      const std::string context = spec.table == "context" ? "path = \"roads.geojson\"\n" : "";
      const RunConfig c = load_config(f.write(fmt::format("[{}]\n{}{} = \"{}\"\n", spec.table, context, spec.key, name)), {});
      CHECK(value_in(c, spec) == name);
      ++read;
    }
  }
  CHECK(read >= 31);
}

TEST_CASE("a bad choice or an out-of-range value names the key and what is allowed", "[config][options]") {
  Fixture f;
  const std::string choice = error_of(f.write("[clusters]\ncorrection = \"fdx\"\n"));
  CHECK_THAT(choice, Contains("clusters.correction = 'fdx' is not one of: fdr, bonferroni, none."));
  CHECK_THAT(choice, Contains("Did you mean 'fdr'?"));
  CHECK_THAT(error_of(f.write("[forward_plan]\nweekday = \"caturday\"\n")),
             Contains("forward_plan.weekday") && Contains("monday, tuesday, wednesday, thursday, friday, saturday, sunday"));
  CHECK_THAT(error_of(f.write("[forward_plan]\nweek = 5\n")),
             Contains("forward_plan.week = 5 is out of range: it must be from 1 to 4"));
  CHECK_THAT(error_of(f.write("[kde]\nkernel = \"gausian\"\n")), Contains("kde.kernel") && Contains("Did you mean 'gaussian'?"));
  // A check of one value reports its key; a check across options reports both.
  CHECK_THAT(error_of(f.write("[evaluate]\nlookbacks = [1.5]\n")), Contains("evaluate.lookbacks: ") && Contains("whole numbers"));
  CHECK_THAT(error_of(f.write("[forward_plan]\nthemes = [\"asbb\"]\n")),
             Contains("forward_plan.themes: 'asbb' is not a theme. Did you mean 'asb'?"));
  CHECK_THAT(error_of(f.write("[emerging]\nmonths = 6\nrecent = 6\n")),
             Contains("emerging.recent: 6 must be fewer than emerging.months (6)"));
  CHECK_THAT(error_of(f.write("[forward_plan]\nmonths = 2\ndates = [\"2017-06-03\"]\n")),
             Contains("give dates or months, not both"));
}

TEST_CASE("windows, match rules, flags, filters and the mix are read through their declarations", "[config][options]") {
  Fixture f;
  // A window: days parsed to weekdays, times to minutes, the label defaulting to the id.
  const std::string mapped = "[[incidents]]\nformat='mapped_csv'\ncrs='EPSG:27700'\npaths=['crimes/*.csv']\n"
                             "flags = { domestic_abuse = 'DA' }\n";
  const RunConfig c = load_config(
      f.write(mapped + "[[windows]]\nid = 'late'\ndays = ['Fri', 'saturday']\nstart = '22:30'\nend = '03:30'\n"
                       "themes = ['asb']\n"),
      {});
  REQUIRE(c.windows.size() == 1);
  const TimeWindow& w = c.windows[0];
  CHECK(w.label == "late");
  CHECK(w.days == std::array<bool, 7>{false, false, false, false, true, true, false});
  CHECK(w.start == 22 * 60 + 30);
  CHECK(w.end == 3 * 60 + 30);
  CHECK(c.taxonomy.theme_index("asb_late") == 2);
  CHECK(c.incidents[1].flags == NamedStrings{{"domestic_abuse", "DA"}});
  // Each key of a window is checked like any option: its name, its value, and whether it is required.
  const std::string window = mapped + "[[windows]]\nid = 'late'\ndays = ['Fri']\nend = '03:30'\n";
  CHECK_THAT(error_of(f.write(window + "strat = '22:00'\n")),
             Contains("windows[0].strat is not a known option. Did you mean 'start'?"));
  CHECK_THAT(error_of(f.write(window)), Contains("windows[0].start: set start, e.g. start = \"22:30\"."));
  CHECK_THAT(error_of(f.write(window + "start = '25:00'\n")),
             Contains("windows[0].start: '25:00' is not a time of day; write HH:MM"));
  CHECK_THAT(error_of(f.write(mapped + "[[windows]]\nid = 'late'\ndays = ['Fry']\nstart = '22:00'\nend = '03:30'\n")),
             Contains("windows[0].days: 'Fry' is not a day"));
  CHECK_THAT(error_of(f.write(mapped + "[[windows]]\nid = 'Late'\ndays = ['Fri']\nstart = '22:00'\nend = '03:30'\n")),
             Contains("windows[0].id: 'Late' is not snake_case"));
  // A match rule, a flag table, a venue filter and the mix.
  CHECK_THAT(error_of(f.write("[themes.asb]\nmatch = [{ category = 'x' }, {}]\n")),
             Contains("themes.asb.match[1]: a match rule needs category, subcategory or flag."));
  CHECK_THAT(error_of(f.write("[themes.asb]\nmatch = [{ category = 1 }]\n")),
             Contains("themes.asb.match[0].category must be a string or a list of strings."));
  CHECK_THAT(error_of(f.write("[[incidents]]\nformat='police_uk'\npaths=['crimes/*.csv']\nflags = { hate = 1 }\n")),
             Contains("incidents[1].flags must be a table of strings"));
  CHECK_THAT(error_of(f.write("[[incidents]]\nformat='police_uk'\npaths=[]\n")),
             Contains("incidents[1].paths: set paths = [\"...\"] to the incident files."));
  CHECK_THAT(error_of(f.write("[programme]\nmix = { asb = 0 }\n")),
             Contains("programme.mix.asb = 0 is out of range: it must be greater than 0."));
  CHECK_THAT(error_of(f.write("[programme]\nmix = { asbb = 1 }\n")),
             Contains("programme.mix: 'asbb' is not a theme. Did you mean 'asb'?"));
  CHECK(load_config(f.write("[programme]\nmix = { asb = 1, vawg = 0.5 }\n"), {}).programme.mix ==
        NamedNumbers{{"asb", 1}, {"vawg", 0.5}});
}

TEST_CASE("the tables of a run file and a taxonomy file are declared like their keys", "[config][options]") {
  Fixture f;
  for (const char* table : {"run", "wards", "incidents", "themes", "kde", "windows", "venues", "context"}) {
    INFO(table);
    CHECK(find_option(kRunFile, table) != nullptr);
  }
  CHECK(find_option(kRunFile, "incidents")->type == ValueType::TableList);
  CHECK(find_option("themes", "match")->type == ValueType::TableList);
  CHECK(find_option("wards", "path")->default_text == "required");
  CHECK_THAT(error_of(f.write("[programe]\nk = 3\n")),
             Contains("programe is not a known table. Did you mean 'programme'?"));
  CHECK_THAT(error_of(f.write("[kde]\ncell = 25\n[kde.extra]\n")), Contains("kde.extra is not a known option"));
  test::write_text(f.dir / "tax.toml", std::string(kTaxonomy) + "[taxonmy]\nname = 'x'\n");
  CHECK_THAT(error_of(f.write("")), Contains("taxonmy is not a known table. Did you mean 'taxonomy'?"));
  test::write_text(f.dir / "tax.toml", std::string(kTaxonomy) + "[taxonomy.extra]\n");
  CHECK_THAT(error_of(f.write("")), Contains("taxonomy.extra is not a known option"));
}
