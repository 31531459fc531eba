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

struct OptionSpec {
  std::string_view table;  // run, wards, incidents, themes, match, taxonomy
  std::string_view key;
  ValueType type;
  std::string_view default_text;
  std::string_view help;
  std::string_view cli_flag = {};  // e.g. "--period"; empty when not on the command line
};

const std::vector<OptionSpec>& option_specs();
std::vector<std::string> keys_of(std::string_view table);
const OptionSpec* find_option(std::string_view table, std::string_view key);
std::string_view type_name(ValueType t);

}  // namespace hotspot
