#pragma once
// Which months of a theme's monthly trend chart are withheld: the primary and
// secondary suppression of every table (analysis/disclosure), with the totals
// the ward table publishes for the whole area (the ALL row's period, previous,
// year-earlier and baseline counts) as the sums an attacker can subtract from.
// A total the ward table withheld stays withheld here, so a month that alone
// would give it back is withheld too.
#include <cstdint>
#include <vector>

#include "analysis/disclosure.hpp"
#include "core/period.hpp"

namespace hotspot {

// A total of whole months as the ward table published it.
struct PublishedTotal {
  Period months;
  Withheld withheld = Withheld::No;
};

// One entry per month of `monthly`, whose first month is `first`. Totals not
// wholly inside those months are left out: a month the chart does not show
// is unknown to the attacker, so it cannot be subtracted.
std::vector<Withheld> trend_withheld(const std::vector<std::uint64_t>& monthly, Month first,
                                     const std::vector<PublishedTotal>& totals, int min_count);

// The withheld months as the ledger counts them.
DisclosureTally tally_months(const std::vector<Withheld>& months);

}  // namespace hotspot
