#pragma once
// Every configuration option is declared once, here: its table, key, type,
// default and help. The TOML reader checks keys against it (with "did you
// mean"), the CLI builds its override flags from it, and `hotspot config-help`
// prints it, so the three never disagree.
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

enum class ValueType { String, Number, Integer, Bool, StringList, NumberList, Table, TableList };

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

struct OptionSpec {
  std::string_view table;  // run, wards, incidents, themes, match, taxonomy
  std::string_view key;
  ValueType type;
  std::string_view default_text;
  std::string_view help;
  std::string_view cli_flag = {};  // e.g. "--period"; empty when not on the command line
  Range range = kAnyNumber;        // Number, Integer and NumberList options only
};

const std::vector<OptionSpec>& option_specs();
std::vector<std::string> keys_of(std::string_view table);
const OptionSpec* find_option(std::string_view table, std::string_view key);
std::string_view type_name(ValueType t);
// "greater than 0 and at most 10000", "from 1 to 1000000", ...
std::string range_text(const Range& r);

}  // namespace hotspot
