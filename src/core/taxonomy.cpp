#include "core/taxonomy.hpp"

#include <cctype>

namespace hotspot {
namespace {

char fold(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool any_match(const std::vector<std::string>& patterns, std::string_view text) {
  if (patterns.empty()) return true;
  for (const auto& p : patterns)
    if (wildcard_match(p, text)) return true;
  return false;
}

}  // namespace

bool wildcard_match(std::string_view pattern, std::string_view text) {
  // Iterative glob with single backtrack point: linear for one '*', and at most
  // O(|p|*|t|) in general, which is fine for category names.
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || fold(pattern[p]) == fold(text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

ThemeMask Taxonomy::classify(std::string_view category, std::string_view subcategory,
                             FlagMask flags) const {
  ThemeMask mask = 0;
  for (std::size_t i = 0; i < themes.size(); ++i) {
    for (const auto& rule : themes[i].rules) {
      if (!rule.flag.empty()) {
        const int f = flag_index(rule.flag);
        if (f < 0 || !(flags & (FlagMask{1} << f))) continue;
      }
      if (any_match(rule.categories, category) && any_match(rule.subcategories, subcategory)) {
        mask |= ThemeMask{1} << i;
        break;
      }
    }
  }
  return mask;
}

bool Taxonomy::is_unknown_category(std::string_view category) const {
  if (known_categories.empty()) return false;
  if (any_match(known_categories, category)) return false;
  for (const auto& theme : themes)
    for (const auto& rule : theme.rules)
      if (!rule.categories.empty() && any_match(rule.categories, category)) return false;
  return true;
}

int Taxonomy::theme_index(std::string_view id) const {
  for (std::size_t i = 0; i < themes.size(); ++i)
    if (themes[i].id == id) return static_cast<int>(i);
  return -1;
}

int Taxonomy::flag_index(std::string_view name) const {
  for (std::size_t i = 0; i < flag_names.size(); ++i)
    if (flag_names[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace hotspot
