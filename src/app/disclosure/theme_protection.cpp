#include "app/disclosure/theme_protection.hpp"

#include <algorithm>
#include <set>

namespace hotspot {

std::vector<int> theme_protection(const std::vector<Theme>& themes, const std::vector<Incident>& incidents) {
  std::vector<int> out;
  for (const Theme& t : themes) out.push_back(t.min_count);
  std::set<ThemeMask> signatures;
  for (const Incident& inc : incidents) signatures.insert(inc.themes);
  for (ThemeMask s : signatures)
    for (std::size_t p = 0; p < themes.size(); ++p) {
      if (themes[p].min_count <= 1 || !(s & (ThemeMask{1} << p))) continue;
      for (std::size_t t = 0; t < themes.size(); ++t)
        if (s & (ThemeMask{1} << t)) out[t] = std::max(out[t], themes[p].min_count);
    }
  return out;
}

}  // namespace hotspot
