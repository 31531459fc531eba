#pragma once
// The report's trend pages: per theme, the area's monthly count over the 24
// months ending with the period, against its 12-month baseline mean and the
// band of one standard deviation either side (as the ward table computes
// them). Six themes a page. Each month's count is the ALL cell of its month
// tile, withheld or not as the ward table's disclosure decided it
// (app/disclosure/ward_disclosure.hpp): a withheld month is a gap, and what is
// withheld is recorded in the ledger.
#include <string>

#include "app/context/run_context.hpp"
#include "app/stages/stage_results.hpp"

namespace hotspot {

inline constexpr std::size_t kTrendChartsPerPage = 6;

inline constexpr const char* kTrendOutput = "report.html trend charts";  // its name in the ledger

std::string trend_pages(const RunInputs& run, const WardResult& wards, DisclosureLedger& ledger);

}  // namespace hotspot
