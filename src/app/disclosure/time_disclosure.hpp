#pragma once
// time_of_day.csv's disclosure decision: which hours (weekday x hour), day
// totals and unknown-time counts of each theme are withheld.
//
// The hours are counts of the period's incidents, split by theme signature
// like the ward table (violence's 21:00 on Fridays = VAWG's + robbery's +
// weapons' there), so the table is protected as linked tables
// (analysis/disclosure.hpp) with its atoms (signature x hour, and signature
// with no time). It is also linked to the ward table: a theme's hours, day
// totals and unknown count sum to its count for the period, and the same
// signatures' incidents fill the wards. So the period's ward block is part of
// the problem, its pattern fixed (decided month-canonically, see
// ward_disclosure.hpp), with one equation per signature tying its wards' atoms
// to its hours' atoms. Secondary suppression then chooses among the hour
// table's cells only. A from/to record spread over several hours makes the
// hours fractional: the atoms are then real and a cell is exposed when its
// range is narrower than one incident.
#include <string>
#include <vector>

#include "analysis/disclosure.hpp"
#include "core/incident.hpp"
#include "core/theme.hpp"

namespace hotspot {

inline constexpr std::size_t kTimeSlots = 7 * 24;  // hour cells, Monday 00:00 first
inline constexpr std::size_t kDayTotal = kTimeSlots;      // + weekday: that day's total
inline constexpr std::size_t kUnknownTime = kTimeSlots + 7;  // the count with no time of day
inline constexpr std::size_t kTimeCells = kUnknownTime + 1;

// The period's ward block as the ward table published it (every theme's ward
// and ALL cells), for the link to the ward table.
struct PeriodWardCells {
  std::size_t wards = 0;
  std::vector<std::vector<Withheld>> cells;  // [theme][row], ALL last; empty: not published
};

struct TimeDisclosure {
  std::vector<std::vector<Withheld>> cells;  // [theme][kTimeCells]; a time window theme: none withheld (no rows)
  std::vector<std::string> unprotected;      // in words (expected none)
  ProtectionStats stats;
};

// `incidents`: the period's incidents (every theme); `table_theme[t]`: theme t
// has rows in the table (time window themes do not).
TimeDisclosure time_disclosure(const std::vector<Theme>& themes, const std::vector<const Incident*>& incidents,
                               const std::vector<bool>& table_theme, const PeriodWardCells& wards);

}  // namespace hotspot
