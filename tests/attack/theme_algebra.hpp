#pragma once
// Which themes can share an incident, from the match rules the manifest prints.
//
// Every incident has a signature: the set of themes it counts in. A theme's
// count in a ward and month is the sum, over the signatures that hold the
// theme, of the incidents with that signature there. The attacker enumerates
// every signature the rules allow (an over-approximation is sound: it only
// adds unknowns) and uses those atoms as the unknowns of the linear programme.
//
// With police.uk's taxonomy and user themes robbery (Robbery) and weapons
// (Possession of weapons) the atoms are {asb}, {violence, vawg},
// {violence, acquisitive, robbery}, {violence, weapons} and {acquisitive}:
// violence = vawg + robbery + weapons in every ward, month and column.
//
// How the rules are read: a rule matches when its category (any of, `*`/`?`
// wildcards, case-insensitive), subcategory and flag conditions all hold.
// Category and subcategory values are enumerated from the rules' literals
// plus, for wildcard patterns, every subset of patterns that can match one
// string (two patterns whose fixed prefixes, or suffixes, differ cannot);
// flags are independent. A theme with no rules (a time window, `<base>_<id>`)
// is a subset of its base theme: each atom holding the base may or may not
// hold it. A rule-less theme with no base may hold any incident.
#include <cstdint>
#include <string>
#include <vector>

#include "attack/pack.hpp"

namespace hotspot::attack {

using Signature = std::uint64_t;  // bit t: theme t of the manifest

struct ThemeAlgebra {
  std::vector<std::string> themes;  // manifest order
  std::vector<Signature> atoms;     // nonempty signatures the rules allow, sorted
  bool independent = false;         // every theme its own atom (no relations used)

  int theme_index(const std::string& id) const;  // -1 when absent
  std::vector<int> atoms_of(int theme) const;    // indexes into atoms
  int atom_of(Signature s) const;                // -1 when not an atom
  std::string describe() const;                  // "{violence,vawg} {asb} ..."
};

// The attacker's algebra from the manifest's rules.
ThemeAlgebra theme_algebra(const Manifest& m);

// Themes treated as unrelated (one atom each): the attack without theme sums.
ThemeAlgebra independent_themes(const Manifest& m);

bool glob_match(const std::string& pattern, const std::string& text);  // case-insensitive, * and ?

}  // namespace hotspot::attack
