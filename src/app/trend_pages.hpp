#pragma once
// The report's trend pages: per theme, the area's monthly count over the 24
// months ending with the period, against its 12-month baseline mean and the
// band of one standard deviation either side (as the ward table computes
// them). Six themes a page. For a theme with min_count m > 1, a month with
// fewer than m incidents is a gap, and so is the next smallest baseline month
// when only one would be, so no month comes back from the published baseline.
#include <string>

#include "app/run_context.hpp"

namespace hotspot {

inline constexpr std::size_t kTrendChartsPerPage = 6;
inline constexpr int kTrendMonths = 24;

std::string trend_pages(const RunContext& run);

}  // namespace hotspot
