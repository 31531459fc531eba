#pragma once
// repeat_locations.csv: per theme, the 100 m squares incidents came back to
// most (their repeat places summed, each square listed once), named by the
// streets of those places and by the square (OS grid reference) and ward,
// never as a point, declared by its columns (app/tables/table_columns.hpp).
// Places whose count is withheld are left out before the squares are summed
// (app/stages/repeat_stage.cpp).
#include <string>
#include <vector>

#include "analysis/repeat_locations.hpp"
#include "core/theme.hpp"
#include "core/ward.hpp"
#include "io/table.hpp"

namespace hotspot {

// A 100 m square and the repeat places in it.
struct RepeatSquare {
  std::string square;       // its OS grid reference (or km reference elsewhere)
  long incidents = 0;       // at its repeat places
  int months_active = 0;    // distinct months with an incident at any of them
  int places = 0;           // repeat places (recorded points) in it
  std::uint32_t ward = kNoWard;  // the ward of its busiest place
  std::string streets;      // the places' streets, busiest first, "; "-joined; empty when none is recorded
};

// One published row: a square and its place in its theme's list.
struct RepeatRow {
  const Theme* theme;
  int rank;
  RepeatSquare sq;
};

// `lookback_months`: the months the counts span, on every row (of_months).
Table repeat_locations_table(const std::vector<RepeatRow>& rows, const std::vector<Ward>& wards, int lookback_months);

}  // namespace hotspot
