#pragma once
// How a declared option (app/config/config_schema.hpp) fills its member of the
// configuration. A binding stores a value read from TOML or the command line
// into the member, and reads the member back, so the defaults `hotspot
// options` prints are read from a default-constructed config: the member
// initialiser is the only default.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "app/config/choice.hpp"
#include "core/error.hpp"

namespace hotspot {

// What a key holds. The first eight are values, bound to a member; the last
// three are tables, whose own keys are declared under the table's key (e.g.
// the keys of [[incidents]] under "incidents"), read into rows by the reader.
enum class ValueType {
  String, Number, Integer, Bool, StringList, NumberList,
  StringTable,  // name = "text" pairs, e.g. flags = { domestic_abuse = "DA_Flag" }
  NumberTable,  // name = number pairs, e.g. mix = { asb = 1, violence = 0.5 }
  Table,        // one [table]
  TableList,    // [[table]]s (or one table): a row each
  NamedTables,  // [table.<id>] tables: a row each, named by its id
};

inline bool is_table(ValueType t) {
  return t == ValueType::Table || t == ValueType::TableList || t == ValueType::NamedTables;
}

// Pairs in the order the file gives them, e.g. flag name -> column.
using NamedStrings = std::vector<std::pair<std::string, std::string>>;
using NamedNumbers = std::vector<std::pair<std::string, double>>;

// A value as read, already checked against its option's type, range and
// choices. monostate: not set (an optional member left empty).
using OptionValue = std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<std::string>,
                                 std::vector<double>, NamedStrings, NamedNumbers>;

template <class T>
struct Binding {
  using Target = T;
  ValueType type = ValueType::String;
  std::vector<std::string> choices;  // a choice option's names; empty for free values
  std::function<void(T&, const OptionValue&)> set;
  std::function<OptionValue(const T&)> get;
};

// MemberType<M>: how a member of type M is written in TOML and moves to and
// from an OptionValue.
template <class M, class Enable = void>
struct MemberType;

template <>
struct MemberType<bool> {
  static constexpr ValueType type = ValueType::Bool;
  static bool from(const OptionValue& v) { return std::get<bool>(v); }
  static OptionValue to(bool b) { return b; }
};

template <>
struct MemberType<double> {
  static constexpr ValueType type = ValueType::Number;
  static double from(const OptionValue& v) { return std::get<double>(v); }
  static OptionValue to(double d) { return d; }
};

template <>
struct MemberType<std::optional<double>> {  // empty: the option's rule applies (e.g. bandwidth = auto)
  static constexpr ValueType type = ValueType::Number;
  static std::optional<double> from(const OptionValue& v) { return std::get<double>(v); }
  static OptionValue to(const std::optional<double>& d) { return d ? OptionValue(*d) : OptionValue(); }
};

template <>
struct MemberType<std::int64_t> {
  static constexpr ValueType type = ValueType::Integer;
  static std::int64_t from(const OptionValue& v) { return std::get<std::int64_t>(v); }
  static OptionValue to(std::int64_t i) { return i; }
};

template <>
struct MemberType<int> {  // the option's range keeps the value within an int
  static constexpr ValueType type = ValueType::Integer;
  static int from(const OptionValue& v) { return static_cast<int>(std::get<std::int64_t>(v)); }
  static OptionValue to(int i) { return std::int64_t{i}; }
};

template <>
struct MemberType<std::string> {
  static constexpr ValueType type = ValueType::String;
  static std::string from(const OptionValue& v) { return std::get<std::string>(v); }
  static OptionValue to(const std::string& s) { return s; }
};

template <>
struct MemberType<std::filesystem::path> {
  static constexpr ValueType type = ValueType::String;
  static std::filesystem::path from(const OptionValue& v) { return std::get<std::string>(v); }
  static OptionValue to(const std::filesystem::path& p) { return p.string(); }
};

template <>
struct MemberType<std::vector<std::string>> {
  static constexpr ValueType type = ValueType::StringList;
  static std::vector<std::string> from(const OptionValue& v) { return std::get<std::vector<std::string>>(v); }
  static OptionValue to(const std::vector<std::string>& s) { return s; }
};

template <>
struct MemberType<std::vector<double>> {
  static constexpr ValueType type = ValueType::NumberList;
  static std::vector<double> from(const OptionValue& v) { return std::get<std::vector<double>>(v); }
  static OptionValue to(const std::vector<double>& d) { return d; }
};

template <>
struct MemberType<std::vector<int>> {  // whole numbers, written as a TOML list of numbers
  static constexpr ValueType type = ValueType::NumberList;
  static std::vector<int> from(const OptionValue& v) {
    std::vector<int> out;
    for (const double d : std::get<std::vector<double>>(v)) {
      if (d != std::floor(d)) throw usage_error("config", "these are whole numbers, e.g. [1, 3, 6, 12].");
      out.push_back(static_cast<int>(d));
    }
    return out;
  }
  static OptionValue to(const std::vector<int>& i) { return std::vector<double>(i.begin(), i.end()); }
};

template <>
struct MemberType<NamedStrings> {
  static constexpr ValueType type = ValueType::StringTable;
  static NamedStrings from(const OptionValue& v) { return std::get<NamedStrings>(v); }
  static OptionValue to(const NamedStrings& s) { return s; }
};

template <>
struct MemberType<NamedNumbers> {
  static constexpr ValueType type = ValueType::NumberTable;
  static NamedNumbers from(const OptionValue& v) { return std::get<NamedNumbers>(v); }
  static OptionValue to(const NamedNumbers& n) { return n; }
};

// A choice: the name table of the enum (app/config/choice.hpp) is the option's set of values.
template <class E>
struct MemberType<E, std::enable_if_t<std::is_enum_v<E>>> {
  static constexpr ValueType type = ValueType::String;
  static E from(const OptionValue& v) {
    const std::string& name = std::get<std::string>(v);
    if (const auto e = parse_choice<E>(name)) return *e;
    throw internal_error("config", "unchecked choice '" + name + "'");  // check_keys checks choices first
  }
  static OptionValue to(E e) { return std::string(name_of(e)); }
};

template <class M>
std::vector<std::string> choices_for() {
  if constexpr (std::is_enum_v<M>) return choice_names<M>();
  return {};
}

// Accepts every value as it is.
struct AnyValue {
  template <class T, class M>
  void operator()(const T&, M&) const {}
};

// The member `member` of T. `check(whole, value)`, when given, sees the value
// before it is stored and may change it (e.g. sort) or refuse it by throwing an
// Error whose text follows "<file>:<line>: <table>.<key>: ".
template <class T, class M, class Check = AnyValue>
Binding<T> member(M T::*m, Check check = {}) {
  using Kind = MemberType<M>;
  return Binding<T>{Kind::type, choices_for<M>(),
                    [m, check](T& t, const OptionValue& v) {
                      M value = Kind::from(v);
                      check(std::as_const(t), value);
                      t.*m = std::move(value);
                    },
                    [m](const T& t) { return Kind::to(t.*m); }};
}

// The member `inner` of T's member `outer`, e.g. &RunConfig::kde, &KdeConfig::cell.
template <class T, class S, class M, class Check = AnyValue>
Binding<T> member(S T::*outer, M S::*inner, Check check = {}) {
  using Kind = MemberType<M>;
  return Binding<T>{Kind::type, choices_for<M>(),
                    [outer, inner, check](T& t, const OptionValue& v) {
                      M value = Kind::from(v);
                      check(std::as_const(t), value);
                      (t.*outer).*inner = std::move(value);
                    },
                    [outer, inner](const T& t) { return Kind::to((t.*outer).*inner); }};
}

// A value of type M that is not stored as it is: `set(t, value)` stores it,
// `get(t)` gives it back (for the default), e.g. a period parsed from its text.
template <class M, class T, class Set, class Get>
Binding<T> setter(Set set, Get get) {
  using Kind = MemberType<M>;
  return Binding<T>{Kind::type, choices_for<M>(),
                    [set](T& t, const OptionValue& v) { set(t, Kind::from(v)); },
                    [get](const T& t) { return Kind::to(get(t)); }};
}

}  // namespace hotspot
