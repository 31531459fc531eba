#pragma once
// A choice option is an enum with one name table: the only place a value's
// spelling appears. Parsing, "must be one of ..." messages, `hotspot options`
// and outputs that echo the value (manifest.json) all read that table.
//
// An enum E takes part by declaring, next to it,
//   std::span<const ChoiceName<E>> choices_of(E);
// (the argument only selects the overload; found by argument-dependent lookup).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

template <class E>
struct ChoiceName {
  E value;
  std::string_view name;
};

// The name of `value`; every value has one (tested for each enum).
template <class E>
std::string_view name_of(E value) {
  for (const ChoiceName<E>& c : choices_of(E{}))
    if (c.value == value) return c.name;
  return "?";
}

// The value named `name`, or none.
template <class E>
std::optional<E> parse_choice(std::string_view name) {
  for (const ChoiceName<E>& c : choices_of(E{}))
    if (c.name == name) return c.value;
  return std::nullopt;
}

// Every name, in the table's order (for messages and help).
template <class E>
std::vector<std::string> choice_names() {
  std::vector<std::string> out;
  for (const ChoiceName<E>& c : choices_of(E{})) out.emplace_back(c.name);
  return out;
}

}  // namespace hotspot
