#pragma once
// A pack folder read back as a partner receives it: the manifest's themes and
// their match rules, the period and its comparison windows, the months with no
// rows, the warnings, and the published tables as text. The attacks read only
// this (never the restricted folder, never the engine's code).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace hotspot::attack {

// Months as an index: year * 12 + month - 1.
using MonthIndex = int;
MonthIndex parse_month(const std::string& yyyy_mm);  // "2017-06"
std::string month_text(MonthIndex m);

struct MonthRange {
  MonthIndex first = 0, last = -1;  // inclusive; empty when last < first
  int size() const { return last < first ? 0 : last - first + 1; }
  bool contains(MonthIndex m) const { return m >= first && m <= last; }
};

struct ThemeRule {  // a rule matches when all of its conditions hold
  std::vector<std::string> category, subcategory;  // any of; empty = no condition
  std::string flag;                                // empty = no condition
};

struct ThemeInfo {
  std::string id, label;
  int min_count = 0;
  std::vector<ThemeRule> rules;  // empty for a time-window theme
};

struct Manifest {
  std::string area;
  std::vector<ThemeInfo> themes;
  MonthRange period, previous, year_earlier, baseline;
  MonthRange year_to_date, year_to_date_before, rolling_12, rolling_12_before;  // empty in packs before issue 26
  std::set<MonthIndex> months_without_rows;  // in any of the windows above
  std::vector<std::string> warnings;
  nlohmann::json raw;
  const ThemeInfo* theme(const std::string& id) const;
};

Manifest read_manifest(const std::filesystem::path& pack);

// ---- CSV -----------------------------------------------------------------------

using Row = std::map<std::string, std::string>;
std::vector<std::string> split_csv_line(const std::string& line);
std::vector<Row> read_csv(const std::filesystem::path& p);  // quoted fields on one line
std::string read_text(const std::filesystem::path& p);
bool is_number(const std::string& s);

// ---- what a published cell says --------------------------------------------------

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Bound {
  double lo = 0, hi = kInf;
};

// A count cell: "12" -> [12, 12]; "<m" -> [1, m-1]; "[c]" -> [m, inf) (README:
// a secondary cell is an unsuppressed nonzero count). `known` is false for an
// empty or "no data" cell (no constraint).
bool count_bound(const std::string& text, int min_count, Bound& out);
bool is_withheld(const std::string& text);  // "<m" or "[c]"

}  // namespace hotspot::attack
