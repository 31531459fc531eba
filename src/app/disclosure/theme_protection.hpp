#pragma once
// Protection by content: which disclosure minimum a theme's geometric outputs
// (rasters, polygons, venue reach and mixes) must honour, because of the
// protected incidents it can contain.
//
// A theme P is *protected* when its min_count m > 1. Its incidents are no less
// protected when they are published as part of another theme: police.uk's
// violence theme holds every VAWG (proxy) incident, so an unmasked violence
// raster, or a violence polygon beside a robbery polygon of the same shape,
// would give VAWG back. A theme T *can contain* P when some incident could
// count in both: one rule of T and one rule of P can match the same
// (category, subcategory, flags). T's protection is the strictest min_count
// among the protected themes it can contain, itself included.
//
// Static, from the rules, not from the month's data: the manifest prints every
// rule, so an attacker knows what can overlap; a protection that switched on
// and off with the data (a month where some ASB row happens to carry a
// domestic-abuse flag) would itself say whether such a row exists. What the
// static answer costs is small because the outputs protect by content: only
// the incidents that actually belong to a protected theme (`protected_content`)
// are aggregated or counted, so a theme that could contain VAWG but holds no
// VAWG incident this month is published exactly as before.
#include <string>
#include <vector>

#include "app/config/config.hpp"
#include "core/incident.hpp"
#include "core/taxonomy.hpp"

namespace hotspot {

struct ThemeProtection {
  int min_count = 0;            // strictest min_count (> 1) of a protected theme it can contain; 0 = none
  ThemeMask protected_themes = 0;  // the protected themes it can contain, itself included when protected
  std::string from;             // id of the theme whose min_count it takes ("" when none)
  bool inherited = false;       // min_count comes from another theme, stricter than its own

  bool any() const { return min_count > 1; }
  // Whether an incident of this theme is protected content: it counts in a protected theme.
  bool covers(ThemeMask incident_themes) const { return (incident_themes & protected_themes) != 0; }
};

// Whether two glob patterns (case-insensitive, * and ?) match a common string.
bool patterns_intersect(std::string_view a, std::string_view b);

// Whether one incident could count in both themes by their rules. A rule that
// needs a flag no input maps never matches. Window themes answer for their
// base theme (their incidents are a subset of it).
bool themes_can_overlap(const Taxonomy& taxonomy, std::size_t a, std::size_t b,
                        const std::vector<std::string>& mapped_flags);

// One entry per theme of the taxonomy, in order.
std::vector<ThemeProtection> theme_protection(const Taxonomy& taxonomy, const std::vector<std::string>& mapped_flags);

// The same for a run: the flags its [[incidents]] tables map.
std::vector<ThemeProtection> theme_protection(const RunConfig& cfg);
// One theme's entry of it.
ThemeProtection protection_of(const RunConfig& cfg, const Theme& theme);

}  // namespace hotspot
