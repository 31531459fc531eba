#pragma once
// A theme (ASB, violence, VAWG, or one a partnership defines) and the simple
// rules that decide which incidents count in it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hotspot {

// A rule matches when every condition it sets holds. Patterns compare
// case-insensitively and may use * and ? wildcards.
struct ThemeRule {
  std::vector<std::string> categories;     // any of these; empty = any category
  std::vector<std::string> subcategories;  // any of these; empty = any subcategory
  std::string flag;                        // this flag present; empty = no condition
};

struct Theme {
  std::string id;     // snake_case, used in file and property names
  std::string label;  // for people
  std::vector<ThemeRule> rules;  // any rule matching puts an incident in the theme
  bool proxy = false;            // the theme only approximates what its name says
  std::string proxy_note;        // why, printed wherever the theme is used
  std::optional<double> target;  // target change against baseline, e.g. -0.10
  std::optional<double> target_ytd;      // target change year to date against a year earlier, e.g. -0.03
  std::optional<double> target_rolling;  // target change over 12 months against the 12 before
  bool rise_is_good = false;     // e.g. hate-crime reporting
  int min_count = 0;             // counts 1..min_count-1 are withheld (core/withheld.hpp)
  bool export_points = false;    // raw points may be written only when true
  // A window theme: the incidents of theme `base` whose time falls in time
  // window `window` (RunConfig::windows). Set after ingest, not by rules.
  int base = -1;
  int window = -1;
  bool is_window() const { return window >= 0; }
};

}  // namespace hotspot
