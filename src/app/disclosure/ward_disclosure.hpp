#pragma once
// The ward table's disclosure decision: which counts of every theme's
// columns (period, previous, year-earlier, 12-month baseline) are withheld,
// decided once per run so the layer, the CSV, the report, the console and the
// manifest agree.
#include <array>
#include <vector>

#include "analysis/disclosure.hpp"
#include "analysis/ward_stats.hpp"
#include "core/theme.hpp"

namespace hotspot {

// The published counts of each theme: the period, the previous period, the
// year-earlier period and the baseline total (shown as its mean).
enum CountColumn : std::size_t { kCurrent, kPrevious, kYearEarlier, kBaseline, kCountColumns };

// Which counts of the ward table are withheld, decided once per run so the
// layer, the CSV, the report, the console and the manifest agree. Each column
// of a theme is one additive constraint: the wards sum to the ALL row.
struct WardDisclosure {
  // [theme][column][ward], with the ALL row as the last entry.
  std::vector<std::array<std::vector<Withheld>, kCountColumns>> cells;
  std::vector<int> unprotected;  // [theme]: constraints left exposing a cell (expected 0)

  Withheld at(std::size_t theme, CountColumn column, std::size_t row) const { return cells[theme][column][row]; }
  // Any ward's count for the period withheld: spatial statistics over all wards would give it away.
  bool any_current(std::size_t theme) const;
};

WardDisclosure ward_disclosure(const std::vector<Theme>& themes, const WardStats& stats);

}  // namespace hotspot
