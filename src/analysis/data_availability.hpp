#pragma once
// Honest "no data": which themes cannot match anything in the inputs, and
// which months of the period and its comparison windows have no rows at all,
// so a report never shows "0 incidents, -100%, green" for data it never had.
#include <string>
#include <vector>

#include "core/period.hpp"
#include "core/taxonomy.hpp"

namespace hotspot {

// A theme can match an incident only when one of its rules can: every flag it
// needs is mapped by some input, and (when the taxonomy lists the categories
// its source uses) one of its category patterns matches one of them.
struct ThemeAvailability {
  bool possible = true;
  std::string reason;  // why not, for people: "needs the flag 'hate', which no input maps"
  std::vector<std::string> partial;  // possible, but these rules cannot match: the count is partial
};

ThemeAvailability theme_availability(const Theme& theme, const Taxonomy& taxonomy,
                                     const std::vector<std::string>& mapped_flags);

// Months of `window` in which no row was accepted, in order. `accepted_months`
// holds the month of every accepted row (any order, repeats allowed).
std::vector<Month> months_without_rows(const Period& window, const std::vector<Month>& accepted_months);

}  // namespace hotspot
