#pragma once
// The report's trend pages: per theme, the area's monthly count over the 24
// months ending with the period, against its 12-month baseline mean and the
// band of one standard deviation either side (as the ward table computes
// them). Six themes a page. For a theme with min_count m > 1 the months go
// through the disclosure control of every table (app/disclosure/trend_disclosure.hpp):
// a withheld month is a gap, and what is withheld is recorded in the ledger.
#include <string>

#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"

namespace hotspot {

inline constexpr std::size_t kTrendChartsPerPage = 6;
inline constexpr int kTrendMonths = 24;

inline constexpr const char* kTrendOutput = "report.html trend charts";  // its name in the ledger

std::string trend_pages(const RunInputs& run, const WardResult& wards, DisclosureLedger& ledger);

}  // namespace hotspot
