#pragma once
// Pure classification of raw categories, subcategories and flags into themes.
#include <string>
#include <string_view>
#include <vector>

#include "core/incident.hpp"
#include "core/theme.hpp"

namespace hotspot {

// Case-insensitive glob match supporting * and ?.
bool wildcard_match(std::string_view pattern, std::string_view text);

struct Taxonomy {
  std::vector<Theme> themes;
  std::vector<std::string> flag_names;        // flag i of a FlagMask
  std::vector<std::string> known_categories;  // categories the source may use; empty = not checked

  // Themes an incident counts in; flag names in rules resolve through flag_names.
  ThemeMask classify(std::string_view category, std::string_view subcategory, FlagMask flags) const;
  // True when the category is neither in a theme rule nor in known_categories.
  bool is_unknown_category(std::string_view category) const;
  int theme_index(std::string_view id) const;  // -1 when absent
  int flag_index(std::string_view name) const;  // -1 when absent
};

}  // namespace hotspot
