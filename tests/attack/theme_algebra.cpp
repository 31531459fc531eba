#include "attack/theme_algebra.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace hotspot::attack {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool has_wildcard(const std::string& p) { return p.find_first_of("*?") != std::string::npos; }

// Two wildcard patterns can match one string unless their fixed prefixes (or suffixes) disagree.
bool compatible(const std::string& a, const std::string& b) {
  const std::size_t pa = a.find_first_of("*?"), pb = b.find_first_of("*?");
  const std::string fa = a.substr(0, pa), fb = b.substr(0, pb);
  const std::size_t n = std::min(fa.size(), fb.size());
  if (fa.compare(0, n, fb, 0, n) != 0) return false;
  const std::size_t sa = a.find_last_of("*?"), sb = b.find_last_of("*?");
  const std::string ta = a.substr(sa + 1), tb = b.substr(sb + 1);
  const std::size_t k = std::min(ta.size(), tb.size());
  return ta.compare(ta.size() - k, k, tb, tb.size() - k, k) == 0;
}

// The classes of values of one dimension (category or subcategory): each class
// is the set of patterns (indexes) one value matches.
std::vector<std::set<std::size_t>> value_classes(const std::vector<std::string>& patterns) {
  std::set<std::set<std::size_t>> out;
  out.insert(std::set<std::size_t>{});  // a value no pattern matches
  std::vector<std::size_t> wild;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (has_wildcard(patterns[i])) {
      wild.push_back(i);
      continue;
    }
    std::set<std::size_t> c;
    for (std::size_t j = 0; j < patterns.size(); ++j)
      if (glob_match(patterns[j], patterns[i])) c.insert(j);
    out.insert(c);
  }
  if (wild.size() > 16) throw std::runtime_error("too many wildcard patterns to enumerate");
  for (std::uint32_t mask = 1; mask < (1u << wild.size()); ++mask) {
    std::set<std::size_t> c;
    bool ok = true;
    for (std::size_t i = 0; i < wild.size() && ok; ++i) {
      if (!(mask & (1u << i))) continue;
      for (std::size_t j : c) ok = ok && compatible(patterns[wild[i]], patterns[j]);
      c.insert(wild[i]);
    }
    if (ok) out.insert(c);
  }
  return {out.begin(), out.end()};
}

}  // namespace

bool glob_match(const std::string& pattern, const std::string& text) {
  const std::string p = lower(pattern), t = lower(text);
  std::size_t pi = 0, ti = 0, star = std::string::npos, mark = 0;
  while (ti < t.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == t[ti])) ++pi, ++ti;
    else if (pi < p.size() && p[pi] == '*') star = pi++, mark = ti;
    else if (star != std::string::npos) pi = star + 1, ti = ++mark;
    else return false;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

int ThemeAlgebra::theme_index(const std::string& id) const {
  const auto it = std::find(themes.begin(), themes.end(), id);
  return it == themes.end() ? -1 : static_cast<int>(it - themes.begin());
}

std::vector<int> ThemeAlgebra::atoms_of(int theme) const {
  std::vector<int> out;
  for (std::size_t a = 0; a < atoms.size(); ++a)
    if (atoms[a] & (Signature{1} << theme)) out.push_back(static_cast<int>(a));
  return out;
}

int ThemeAlgebra::atom_of(Signature s) const {
  const auto it = std::lower_bound(atoms.begin(), atoms.end(), s);
  return it != atoms.end() && *it == s ? static_cast<int>(it - atoms.begin()) : -1;
}

std::string ThemeAlgebra::describe() const {
  std::string out;
  for (Signature s : atoms) {
    out += out.empty() ? "{" : " {";
    bool first = true;
    for (std::size_t t = 0; t < themes.size(); ++t)
      if (s & (Signature{1} << t)) out += (first ? "" : ",") + themes[t], first = false;
    out += "}";
  }
  return out;
}

ThemeAlgebra independent_themes(const Manifest& m) {
  ThemeAlgebra a;
  for (const ThemeInfo& t : m.themes) a.themes.push_back(t.id);
  for (std::size_t t = 0; t < a.themes.size(); ++t) a.atoms.push_back(Signature{1} << t);
  std::sort(a.atoms.begin(), a.atoms.end());
  a.independent = true;
  return a;
}

ThemeAlgebra theme_algebra(const Manifest& m) {
  ThemeAlgebra a;
  if (m.themes.size() > 63) throw std::runtime_error("more than 63 themes");
  for (const ThemeInfo& t : m.themes) a.themes.push_back(t.id);
  std::vector<std::string> cats, subs, flags;
  auto add = [](std::vector<std::string>& v, const std::string& s) {
    if (std::find(v.begin(), v.end(), lower(s)) == v.end()) v.push_back(lower(s));
  };
  for (const ThemeInfo& t : m.themes)
    for (const ThemeRule& r : t.rules) {
      for (const std::string& c : r.category) add(cats, c);
      for (const std::string& s : r.subcategory) add(subs, s);
      if (!r.flag.empty()) add(flags, r.flag);
    }
  if (flags.size() > 12) throw std::runtime_error("too many flags to enumerate");
  const auto cat_classes = value_classes(cats), sub_classes = value_classes(subs);
  auto matches_any = [](const std::vector<std::string>& want, const std::vector<std::string>& all,
                        const std::set<std::size_t>& cls) {
    if (want.empty()) return true;
    for (const std::string& w : want) {
      const auto it = std::find(all.begin(), all.end(), lower(w));
      if (it != all.end() && cls.count(static_cast<std::size_t>(it - all.begin()))) return true;
    }
    return false;
  };
  std::set<Signature> sigs;
  for (const auto& cc : cat_classes)
    for (const auto& sc : sub_classes)
      for (std::uint32_t fm = 0; fm < (1u << flags.size()); ++fm) {
        Signature s = 0;
        for (std::size_t t = 0; t < m.themes.size(); ++t)
          for (const ThemeRule& r : m.themes[t].rules) {
            const bool flag_ok =
                r.flag.empty() ||
                (fm & (1u << (std::find(flags.begin(), flags.end(), lower(r.flag)) - flags.begin())));
            if (flag_ok && matches_any(r.category, cats, cc) && matches_any(r.subcategory, subs, sc)) {
              s |= Signature{1} << t;
              break;
            }
          }
        sigs.insert(s);
      }
  // Rule-less themes: a subset of their base theme (a time window), or of anything.
  for (std::size_t t = 0; t < m.themes.size(); ++t) {
    if (!m.themes[t].rules.empty()) continue;
    int base = -1;
    for (std::size_t b = 0; b < m.themes.size(); ++b)
      if (b != t && !m.themes[b].rules.empty() && m.themes[t].id.rfind(m.themes[b].id + "_", 0) == 0 &&
          (base < 0 || m.themes[b].id.size() > m.themes[static_cast<std::size_t>(base)].id.size()))
        base = static_cast<int>(b);
    std::set<Signature> more = sigs;
    for (Signature s : sigs)
      if (base < 0 || (s & (Signature{1} << base))) more.insert(s | (Signature{1} << t));
    if (base < 0) more.insert(Signature{1} << t);
    sigs = std::move(more);
  }
  sigs.erase(0);
  a.atoms.assign(sigs.begin(), sigs.end());
  return a;
}

}  // namespace hotspot::attack
