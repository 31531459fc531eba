#pragma once
// repeat_locations.csv: per theme, the places incidents came back to most,
// each as its 100 m square (OS grid reference) and ward, never as a point,
// declared by its columns (app/tables/table_columns.hpp). Rows whose count is
// withheld are left out before the table is built (app/stages/repeat_stage.cpp).
#include <string>
#include <vector>

#include "analysis/repeat_locations.hpp"
#include "core/theme.hpp"
#include "core/ward.hpp"
#include "io/table.hpp"

namespace hotspot {

// One published row: a location and its place in its theme's list.
struct RepeatRow {
  const Theme* theme;
  int rank;
  RepeatLocation loc;
};

// `lookback_months`: the months the counts span, on every row (of_months).
Table repeat_locations_table(const std::vector<RepeatRow>& rows, const std::vector<Ward>& wards, const std::string& crs,
                             int lookback_months);

}  // namespace hotspot
