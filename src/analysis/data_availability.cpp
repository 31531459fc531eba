#include "analysis/data_availability.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace hotspot {
namespace {

bool any_known_category_matches(const std::vector<std::string>& patterns, const std::vector<std::string>& known) {
  for (const std::string& p : patterns)
    for (const std::string& k : known)
      if (wildcard_match(p, k)) return true;
  return false;
}

}  // namespace

ThemeAvailability theme_availability(const Theme& theme, const Taxonomy& taxonomy,
                                     const std::vector<std::string>& mapped_flags) {
  // A window theme has no rules of its own: it can match when its base theme can.
  if (theme.is_window()) return theme_availability(taxonomy.themes[static_cast<std::size_t>(theme.base)], taxonomy,
                                                   mapped_flags);
  std::vector<std::string> why;
  bool any = false;
  for (const ThemeRule& r : theme.rules) {
    if (!r.flag.empty() && std::find(mapped_flags.begin(), mapped_flags.end(), r.flag) == mapped_flags.end()) {
      why.push_back(fmt::format("needs the flag '{}', which no input maps", r.flag));
      continue;
    }
    if (!r.categories.empty() && !taxonomy.known_categories.empty() &&
        !any_known_category_matches(r.categories, taxonomy.known_categories)) {
      why.push_back(fmt::format("matches categories ({}) that the taxonomy's source never uses",
                                fmt::join(r.categories, ", ")));
      continue;
    }
    any = true;  // this rule can match
  }
  ThemeAvailability a;
  std::sort(why.begin(), why.end());
  why.erase(std::unique(why.begin(), why.end()), why.end());
  if (any) {
    a.partial = why;
    return a;
  }
  a.possible = false;
  a.reason = why.empty() ? "has no rules" : fmt::format("{}", fmt::join(why, "; "));
  return a;
}

std::vector<Month> months_without_rows(const Period& window, const std::vector<Month>& accepted_months) {
  std::vector<bool> seen(static_cast<std::size_t>(window.months()), false);
  for (const Month m : accepted_months)
    if (window.contains(m)) seen[static_cast<std::size_t>(m - window.first)] = true;
  std::vector<Month> out;
  for (Month m = window.first; m <= window.last; ++m)
    if (!seen[static_cast<std::size_t>(m - window.first)]) out.push_back(m);
  return out;
}

}  // namespace hotspot
