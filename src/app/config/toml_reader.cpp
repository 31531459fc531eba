#include "app/config/toml_reader.hpp"

#include <algorithm>
#include <cmath>

#include "app/config/suggest.hpp"

namespace hotspot {
namespace {

// A value as the user wrote it, for messages (1e+09, inf, 4294967297).
std::string toml_text(const toml::node& n) {
  if (const auto i = n.value_exact<std::int64_t>()) return std::to_string(*i);
  if (const auto d = n.value_exact<double>()) return fmt::format("{}", *d);
  return "?";
}

bool all_of_table(const toml::node& v, bool (toml::node::*is)() const noexcept) {
  const toml::table* t = v.as_table();
  return t && std::all_of(t->begin(), t->end(), [is](const auto& kv) { return (kv.second.*is)(); });
}

bool has_type(const toml::node& v, ValueType type) {
  switch (type) {
    case ValueType::String: return v.is_string();
    case ValueType::Number: return v.is_number();
    case ValueType::Integer: return v.is_integer();
    case ValueType::Bool: return v.is_boolean();
    case ValueType::StringList:
      return v.is_string() ||
             (v.is_array() && (v.as_array()->empty() || v.as_array()->is_homogeneous(toml::node_type::string)));
    case ValueType::NumberList:
      return v.is_array() && std::all_of(v.as_array()->begin(), v.as_array()->end(),
                                         [](const toml::node& e) { return e.is_number(); });
    case ValueType::StringTable: return all_of_table(v, &toml::node::is_string);
    case ValueType::NumberTable: return all_of_table(v, &toml::node::is_number);
    case ValueType::Table: return v.is_table();
    case ValueType::TableList: return v.is_array_of_tables() || v.is_table();
    case ValueType::NamedTables: return all_of_table(v, &toml::node::is_table);
  }
  return false;
}

// Every number must be finite and in the option's range (config_schema), so
// the code that uses the values can cast them without checks of its own. `at`
// names the key; a number in a table is named by its own key under it.
void check_range(const toml::node& v, const OptionSpec& spec, const std::string& at) {
  const auto check = [&](const toml::node& n, const std::string& name) {
    const double d = n.value<double>().value_or(0);
    if (!std::isfinite(d) || !spec.range.contains(d))
      throw usage_error("config", fmt::format("{} = {} is out of range: it must be {}.", name, toml_text(n),
                                              range_text(spec.range)));
  };
  if (spec.type == ValueType::Number || spec.type == ValueType::Integer) check(v, at);
  if (spec.type == ValueType::NumberList)
    for (const auto& e : *v.as_array()) check(e, at);
  if (spec.type == ValueType::NumberTable)
    for (auto&& [k, e] : *v.as_table()) check(e, fmt::format("{}.{}", at, k.str()));
}

void check_choice(const toml::node& v, const OptionSpec& spec, const std::string& at) {
  if (spec.choices.empty()) return;
  const std::string value(v.as_string()->get());
  if (std::find(spec.choices.begin(), spec.choices.end(), value) == spec.choices.end())
    throw usage_error("config", fmt::format("{} = '{}' is not one of: {}.{}", at, value, fmt::join(spec.choices, ", "),
                                            did_you_mean(value, spec.choices)));
}

template <class V>
std::vector<std::pair<std::string, V>> pairs_of(const toml::node& v) {
  std::vector<std::pair<std::string, V>> out;
  for (auto&& [k, e] : *v.as_table()) out.emplace_back(std::string(k.str()), e.template value<V>().value_or(V{}));
  return out;
}

}  // namespace

std::string Where::at(const toml::node& n, std::string_view key) const {
  const auto& src = n.source();
  const std::string line = src.begin.line ? fmt::format(":{}", src.begin.line) : "";
  return fmt::format("{}{}: {}{}{}", file, line, path, path.empty() || key.empty() ? "" : ".", key);
}

std::string set_at(const toml::node& v, const OptionSpec& spec, const Where& where) {
  if (!v.source().begin.line && !spec.cli_flag.empty()) return std::string(spec.cli_flag);
  return where.at(v, spec.key);
}

std::string Where::at_key(const toml::table& t, std::string_view key) const {
  const toml::node* v = t.get(key);
  return at(v ? *v : static_cast<const toml::node&>(t), key);
}

Where Where::inside(std::string_view key) const {
  return Where{file, path.empty() ? std::string(key) : fmt::format("{}.{}", path, key)};
}

toml::table parse_toml(const std::filesystem::path& file) {
  try {
    return toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw usage_error("config", fmt::format("{}:{}:{}: {}", file.string(), e.source().begin.line,
                                            e.source().begin.column, e.description()));
  }
}

const toml::table& table_or_empty(const toml::table& parent, std::string_view name) {
  static const toml::table empty;  // an immutable empty table: no state
  const toml::table* t = parent[name].as_table();
  return t ? *t : empty;
}

void check_keys(const toml::table& t, std::string_view table, const Where& where) {
  const std::vector<std::string> known = keys_of(table);
  const bool top = table == kRunFile || table == kTaxonomyFile;
  for (auto&& [k, v] : t) {
    const std::string key(k.str());
    const OptionSpec* spec = find_option(table, key);
    if (!spec)
      throw usage_error("config", fmt::format("{} is not a known {}.{} Known {}: {}.", where.at(v, key),
                                              top ? "table" : "option", did_you_mean(key, known),
                                              top ? "tables" : "options here", fmt::join(known, ", ")));
    const std::string at = set_at(v, *spec, where);
    if (!has_type(v, spec->type)) throw usage_error("config", fmt::format("{} must be {}.", at, type_name(*spec)));
    check_range(v, *spec, at);
    check_choice(v, *spec, at);
  }
  // A required key given empty ("" or []) is as good as left out.
  const auto given = [&](std::string_view key) {
    const toml::node* v = t.get(key);
    return v && !(v->is_string() && v->as_string()->get().empty()) && !(v->is_array() && v->as_array()->empty());
  };
  for (const OptionSpec& spec : option_specs())
    if (spec.table == table && !spec.required.empty() && !given(spec.key))
      throw usage_error("config", fmt::format("{}: {}.", where.at(t, spec.key), spec.required));
}

void apply_override(toml::table& root, const Override& o, const std::string& file) {
  const OptionSpec* spec = find_option(o.table, o.key);
  if (!spec) throw internal_error("config", "no option " + o.table + "." + o.key);
  if (!root.contains(o.table)) root.insert(o.table, toml::table{});
  toml::table* table = root[o.table].as_table();
  if (!table)
    throw usage_error("config", fmt::format("{}: '{}' must be a table ([{}]), so {} cannot set {}.{}. Write [{}] "
                                            "with its keys under it.",
                                            Where{file, ""}.at(*root.get(o.table), o.table), o.table, o.table,
                                            spec->cli_flag, o.table, o.key, o.table));
  try {
    switch (spec->type) {
      case ValueType::Number: table->insert_or_assign(o.key, std::stod(o.value)); break;
      case ValueType::Integer: table->insert_or_assign(o.key, static_cast<std::int64_t>(std::stoll(o.value))); break;
      case ValueType::Bool: table->insert_or_assign(o.key, o.value == "true"); break;
      default: table->insert_or_assign(o.key, o.value); break;
    }
  } catch (const std::exception&) {
    throw usage_error("config", fmt::format("{}: '{}' is not {}.", spec->cli_flag, o.value, type_name(*spec)));
  }
}

OptionValue value_of(const toml::node& v, ValueType type) {
  switch (type) {
    case ValueType::String: return std::string(v.as_string()->get());
    case ValueType::Number: return v.value<double>().value_or(0);
    case ValueType::Integer: return v.value<std::int64_t>().value_or(0);
    case ValueType::Bool: return v.value<bool>().value_or(false);
    case ValueType::StringList: {
      std::vector<std::string> out;
      if (v.is_string()) out.emplace_back(v.as_string()->get());
      else
        for (const auto& e : *v.as_array()) out.emplace_back(e.as_string()->get());
      return out;
    }
    case ValueType::NumberList: {
      std::vector<double> out;
      for (const auto& e : *v.as_array()) out.push_back(e.value<double>().value_or(0));
      return out;
    }
    case ValueType::StringTable: return pairs_of<std::string>(v);
    case ValueType::NumberTable: return pairs_of<double>(v);
    case ValueType::Table:
    case ValueType::TableList:
    case ValueType::NamedTables: break;  // read a row at a time (read_rows), into the rows' own members
  }
  return std::monostate{};
}

}  // namespace hotspot
