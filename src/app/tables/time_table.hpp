#pragma once
// time_of_day.csv: a day-of-week by hour table per theme, declared by its
// columns (app/tables/table_columns.hpp), each count taking the decision of
// app/disclosure/time_disclosure.hpp; and its entry in the disclosure ledger.
#include <vector>

#include "analysis/disclosure.hpp"
#include "analysis/time_profile.hpp"
#include "app/disclosure/time_disclosure.hpp"
#include "core/theme.hpp"
#include "io/table.hpp"

namespace hotspot {

// Seven weekday rows and a "time unknown" row per theme, in taxonomy order;
// a time window theme has none (its hours are a part of its base theme's).
// `profiles` has one entry per theme; `withheld` is the disclosure decision.
Table time_of_day_table(const std::vector<Theme>& themes, const std::vector<TimeProfile>& profiles,
                        const TimeDisclosure& withheld);

// Tallies each theme's withheld cells of the table into the ledger.
void tally_time_of_day(const Table& table, const std::vector<Theme>& themes, DisclosureLedger& ledger);

}  // namespace hotspot
