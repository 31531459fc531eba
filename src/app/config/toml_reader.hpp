#pragma once
// Reading TOML through the declarations (app/config/config_schema.cpp), the
// one place a run or taxonomy file is read: every key of a table is checked
// (declared, of its type, in its range, one of its choices, with "did you
// mean" when not) and stored through its binding; a list of tables is read a
// row at a time the same way. Messages name the file, line and dotted key.
#include <toml++/toml.h>

#include <filesystem>
#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>

#include "app/config/config_schema.hpp"
#include "core/error.hpp"

namespace hotspot {

// Where a table is, for messages: "run.toml:12: incidents[0].paths".
struct Where {
  std::string file;
  std::string path;  // dotted path of the table, e.g. "themes.asb"; empty at the top level
  std::string at(const toml::node& n, std::string_view key) const;
  // `key` of table `t`, at the key's own line when it is set, else the table's.
  std::string at_key(const toml::table& t, std::string_view key) const;
  Where inside(std::string_view key) const;  // the table `key` of this one
};

// Where the value `v` of `spec` was set, for messages: its file, line and key
// (where.at), or the option's flag when the command line set it, since an
// override has no line in the file ("--period", not "run.toml: run.period").
std::string set_at(const toml::node& v, const OptionSpec& spec, const Where& where);

toml::table parse_toml(const std::filesystem::path& file);

// The table `name` of `parent`, or an empty table when it has none.
const toml::table& table_or_empty(const toml::table& parent, std::string_view name);

// Refuses keys not declared for `table`, values of the wrong type, out of
// range or not among their choices, and leaves out keys declared required.
void check_keys(const toml::table& t, std::string_view table, const Where& where);

// Writes a command-line override into the file's tables, as its declaration's
// type, before anything is read; a flag onto a key that is not a table is a usage Error.
void apply_override(toml::table& root, const Override& o, const std::string& file);

// A value check_keys has checked, as its declaration's type (monostate for a table).
OptionValue value_of(const toml::node& v, ValueType type);

// Checks `t` against the declarations of `table`, then stores every key bound
// to a member of T into `target`, in declaration order. A value its
// declaration refuses is reported at its key.
template <class T>
void apply_options(const toml::table& t, std::string_view table, const Where& where, T& target) {
  check_keys(t, table, where);
  for (const OptionSpec& spec : option_specs()) {
    if (spec.table != table) continue;
    const auto* binding = std::get_if<Binding<T>>(&spec.binding);
    const toml::node* node = t.get(spec.key);
    if (!binding || !node) continue;
    try {
      binding->set(target, value_of(*node, spec.type));
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Internal) throw;
      throw Error(e.kind(), "config", fmt::format("{}: {}", set_at(*node, spec, where), e.what()));
    }
  }
}

// The rows of the list of tables `key` in `parent` ([[incidents]] in a run
// file, match = [...] in a theme), each read with the declarations of `key`
// and then given to `finish(row, its table, where)` for what involves more
// than one of its keys. None when `parent` has no such key.
template <class T, class Finish>
std::vector<T> read_rows(const toml::table& parent, std::string_view key, const Where& where, Finish finish) {
  std::vector<const toml::table*> tables;
  if (const toml::node* node = parent.get(key)) {
    if (const toml::table* one = node->as_table()) tables.push_back(one);  // check_keys allows one table for a list
    else
      for (const toml::node& e : *node->as_array()) tables.push_back(e.as_table());
  }
  std::vector<T> rows;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const Where row_where = where.inside(fmt::format("{}[{}]", key, i));
    T row;
    apply_options(*tables[i], key, row_where, row);
    finish(row, *tables[i], row_where);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace hotspot
