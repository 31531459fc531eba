#include "app/disclosure/theme_protection.hpp"

#include <algorithm>
#include <cctype>

namespace hotspot {
namespace {

char fold(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool any_pair_intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return true;  // an empty list is any value
  for (const std::string& x : a)
    for (const std::string& y : b)
      if (patterns_intersect(x, y)) return true;
  return false;
}

bool rule_possible(const ThemeRule& r, const std::vector<std::string>& mapped_flags) {
  return r.flag.empty() || std::find(mapped_flags.begin(), mapped_flags.end(), r.flag) != mapped_flags.end();
}

std::size_t rules_theme(const Taxonomy& taxonomy, std::size_t t) {
  const Theme& theme = taxonomy.themes[t];
  return theme.is_window() ? static_cast<std::size_t>(theme.base) : t;
}

}  // namespace

// The product of the two patterns' automata: state (i, j) = positions in a and
// b; a '*' may be skipped or may consume a character and stay. The patterns
// share a string exactly when (|a|, |b|) is reachable from (0, 0).
bool patterns_intersect(std::string_view a, std::string_view b) {
  const std::size_t na = a.size(), nb = b.size();
  std::vector<char> seen((na + 1) * (nb + 1), 0);
  std::vector<std::pair<std::size_t, std::size_t>> todo{{0, 0}};
  auto push = [&](std::size_t i, std::size_t j) {
    char& s = seen[i * (nb + 1) + j];
    if (!s) s = 1, todo.emplace_back(i, j);
  };
  seen[0] = 1;
  while (!todo.empty()) {
    const auto [i, j] = todo.back();
    todo.pop_back();
    if (i == na && j == nb) return true;
    if (i < na && a[i] == '*') push(i + 1, j);
    if (j < nb && b[j] == '*') push(i, j + 1);
    if (i < na && j < nb) {
      const char x = a[i], y = b[j];
      const bool wild = x == '*' || x == '?' || y == '*' || y == '?';
      if (!wild && fold(x) != fold(y)) continue;
      const std::size_t ni = x == '*' ? i : i + 1, nj = y == '*' ? j : j + 1;
      if (ni != i || nj != j) push(ni, nj);
    }
  }
  return false;
}

bool themes_can_overlap(const Taxonomy& taxonomy, std::size_t a, std::size_t b,
                        const std::vector<std::string>& mapped_flags) {
  const Theme& ta = taxonomy.themes[rules_theme(taxonomy, a)];
  const Theme& tb = taxonomy.themes[rules_theme(taxonomy, b)];
  for (const ThemeRule& ra : ta.rules) {
    if (!rule_possible(ra, mapped_flags)) continue;
    for (const ThemeRule& rb : tb.rules) {
      if (!rule_possible(rb, mapped_flags)) continue;
      // Flags never exclude each other: one incident may carry several.
      if (any_pair_intersects(ra.categories, rb.categories) && any_pair_intersects(ra.subcategories, rb.subcategories))
        return true;
    }
  }
  return false;
}

std::vector<ThemeProtection> theme_protection(const Taxonomy& taxonomy, const std::vector<std::string>& mapped_flags) {
  const std::size_t n = taxonomy.themes.size();
  std::vector<ThemeProtection> out(n);
  for (std::size_t t = 0; t < n; ++t) {
    ThemeProtection& p = out[t];
    const Theme& own = taxonomy.themes[t];
    if (own.min_count > 1) {
      p.min_count = own.min_count;
      p.from = own.id;
      p.protected_themes |= ThemeMask{1} << t;
    }
    for (std::size_t q = 0; q < n; ++q) {
      const Theme& other = taxonomy.themes[q];
      if (q == t || other.min_count <= 1 || !themes_can_overlap(taxonomy, t, q, mapped_flags)) continue;
      p.protected_themes |= ThemeMask{1} << q;
      if (other.min_count > p.min_count) {
        p.min_count = other.min_count;
        p.from = other.id;
      }
    }
    p.inherited = p.any() && p.from != own.id;
  }
  return out;
}

std::vector<ThemeProtection> theme_protection(const RunConfig& cfg) {
  std::vector<std::string> flags;
  for (const IncidentSource& s : cfg.incidents)
    for (const auto& [name, column] : s.flags) flags.push_back(name);
  return theme_protection(cfg.taxonomy, flags);
}

ThemeProtection protection_of(const RunConfig& cfg, const Theme& theme) {
  const int t = cfg.taxonomy.theme_index(theme.id);
  return t < 0 ? ThemeProtection{} : theme_protection(cfg)[static_cast<std::size_t>(t)];
}

}  // namespace hotspot
