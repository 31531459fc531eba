#pragma once
// Year to date and the rolling 12 months against target, per theme for the
// area and each ward, as ward_summary.csv publishes them: read back from the
// table's cells, so whoever quotes them (the report's summary and exception
// list) can show nothing the disclosure control withheld.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/ward_stats.hpp"
#include "core/theme.hpp"
#include "io/table.hpp"

namespace hotspot {

// One comparison as published. A value is set only where the table shows it;
// the texts are what the table prints ("123", "<5", "[c]", "" for none).
struct PublishedComparison {
  std::optional<std::int64_t> now, before;
  std::string now_text, before_text;
  std::optional<double> change_pct;  // percent: -3.2 = 3.2% fewer
  std::optional<double> target_pct;  // the theme's target, percent
  Rag status = Rag::None;            // None when withheld or not comparable
  std::string status_text;           // "red", "amber", "green", "[c]" or ""
};

struct PlaceTargets {
  std::string code, name;  // ward code and name, or "ALL" and the area's name
  PublishedComparison ytd, rolling;
};

struct ThemeTargets {
  std::string theme;               // id
  PlaceTargets area;               // the ALL row
  std::vector<PlaceTargets> wards;  // in the table's order
};

// `summary`: the ward table with its ALL row last (WardResult::summary).
std::vector<ThemeTargets> published_targets(const Table& summary, const std::vector<Theme>& themes);

}  // namespace hotspot
