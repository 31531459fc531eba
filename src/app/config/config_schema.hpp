#pragma once
// Every configuration option is declared once, in option_specs(): its table,
// key, the config member it fills (app/config/option_binding.hpp: its type, choices
// and default come from there), range, help and command-line flag. The tables
// are declared there too: the run file's ([run], [[incidents]], [themes.<id>],
// ...), the taxonomy file's, and tables inside tables (a theme's match rules).
// The TOML reader (app/config/toml_reader.hpp) checks and reads every key with
// it (with "did you mean"), the CLI builds its override flags and --help from
// it, and `hotspot options` prints it, so none of them can disagree.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/config/config.hpp"
#include "app/config/option_binding.hpp"

namespace hotspot {

// The values a Number, Integer or NumberList option accepts. Numbers must
// also be finite (TOML allows inf and nan). An end is open when the value
// itself is not allowed, e.g. a cell size of 0.
struct Range {
  double min = -1e300, max = 1e300;
  bool min_open = false, max_open = false;
  bool contains(double v) const {
    return (min_open ? v > min : v >= min) && (max_open ? v < max : v <= max);
  }
};
inline constexpr Range kAnyNumber{};
inline constexpr Range kPositive{0, 1e300, true, false};       // > 0, finite
inline constexpr Range kFraction{0, 1, true, true};            // a probability: 0 < p < 1
inline constexpr Range kCount{0, 1e6};                         // an integer count

// The top level of a file: its tables are declared as the keys of these.
inline constexpr std::string_view kRunFile = "run file";
inline constexpr std::string_view kTaxonomyFile = "taxonomy file";

// What an option fills: a member of the whole run, of one row of a list of
// tables ([[incidents]], [[venues]], [[windows]], a theme's match rules), of
// one theme, or of a taxonomy. A table (monostate) fills nothing itself: its
// keys, declared under its name, do.
using OptionBinding = std::variant<std::monostate, Binding<RunConfig>, Binding<IncidentSource>, Binding<VenueSource>,
                                   Binding<Theme>, Binding<ThemeRule>, Binding<TimeWindow>, Binding<Taxonomy>>;

struct OptionSpec {
  std::string_view table;  // run, wards, incidents, themes, match, taxonomy, ...; kRunFile for a run file's tables
  std::string_view key;
  ValueType type = ValueType::String;
  // The member's value in a default-constructed config; when that is empty
  // (no value), what leaving the option out means, e.g. "first layer".
  std::string default_text;
  std::string help;                  // a choice option's help names each of its choices
  std::string_view cli_flag = {};    // e.g. "--period"; empty when not on the command line
  Range range = kAnyNumber;          // Number, Integer and NumberList options only
  std::vector<std::string> choices;  // a choice option's names (its enum's name table)
  bool is_path = false;              // a file or folder: on the command line, relative to where the user is
  // A path option's values that are names, not paths (e.g. the shipped taxonomies); null: none.
  std::vector<std::string> (*names)() = nullptr;
  // A key every table of its kind must give: what to write, e.g. "set paths = [...] to the incident files".
  std::string_view required;
  OptionBinding binding;
};

const std::vector<OptionSpec>& option_specs();
// The keys declared for `table`, in declaration order (a file's: kRunFile, kTaxonomyFile).
std::vector<std::string> keys_of(std::string_view table);
const OptionSpec* find_option(std::string_view table, std::string_view key);
// What a key of this type must be, for messages: "a number", "a [run] table", ...
std::string type_name(const OptionSpec& spec);
// "greater than 0 and at most 10000", "from 1 to 1000000", ...
std::string range_text(const Range& r);
// A value as `hotspot options` prints it: 0.05, [10, 5, 1], true; empty when not set.
std::string option_value_text(const OptionValue& v);

}  // namespace hotspot
