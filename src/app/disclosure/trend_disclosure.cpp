#include "app/disclosure/trend_disclosure.hpp"

namespace hotspot {

std::vector<Withheld> trend_withheld(const std::vector<std::uint64_t>& monthly, Month first,
                                     const std::vector<PublishedTotal>& totals, int min_count) {
  std::vector<std::uint64_t> values = monthly;
  std::vector<Withheld> given(monthly.size(), Withheld::No);
  std::vector<AdditiveConstraint> constraints;
  const Month last = first + static_cast<int>(monthly.size()) - 1;
  for (const PublishedTotal& total : totals) {
    if (total.months.first < first || total.months.last > last) continue;
    AdditiveConstraint c{values.size(), {}};
    std::uint64_t sum = 0;
    for (Month m = total.months.first; m <= total.months.last; ++m) {
      const auto i = static_cast<std::size_t>(m - first);
      c.parts.push_back(i);
      sum += monthly[i];
    }
    values.push_back(sum);  // after the months, so a month wins a tie for the next smallest
    given.push_back(total.withheld);
    constraints.push_back(std::move(c));
  }
  std::vector<Withheld> cells = suppress_counts(values, constraints, min_count, given).cells;
  cells.resize(monthly.size());
  return cells;
}

DisclosureTally tally_months(const std::vector<Withheld>& months) {
  DisclosureTally t;
  for (Withheld w : months) {
    t.primary += w == Withheld::Primary;
    t.secondary += w == Withheld::Secondary;
  }
  return t;
}

}  // namespace hotspot
