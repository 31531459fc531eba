#include "app/disclosure/ward_disclosure.hpp"

#include <algorithm>

namespace hotspot {
namespace {

// The counts of one column of one theme: the wards, then the area total.
std::vector<std::uint64_t> column_counts(const WardStats& stats, std::size_t t, CountColumn c) {
  auto value = [c](const ChangeStats& s) -> std::uint64_t {
    switch (c) {
      case kCurrent: return s.count;
      case kPrevious: return s.previous.value_or(0);  // absent for every row alike
      case kYearEarlier: return s.year_earlier.value_or(0);
      case kBaseline: return s.baseline_total;
      case kCountColumns: break;
    }
    return 0;
  };
  std::vector<std::uint64_t> out;
  for (const ChangeStats& s : stats.wards[t]) out.push_back(value(s));
  out.push_back(value(stats.totals[t]));
  return out;
}

}  // namespace

bool WardDisclosure::any_current(std::size_t theme) const {
  const std::vector<Withheld>& c = cells[theme][kCurrent];
  return std::any_of(c.begin(), c.end(), [](Withheld w) { return w != Withheld::No; });
}

WardDisclosure ward_disclosure(const std::vector<Theme>& themes, const WardStats& stats) {
  WardDisclosure d;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    const std::size_t wards = stats.wards[t].size();
    AdditiveConstraint wards_sum_to_all{wards, {}};
    for (std::size_t w = 0; w < wards; ++w) wards_sum_to_all.parts.push_back(w);
    auto& columns = d.cells.emplace_back();
    int unprotected = 0;
    for (std::size_t c = 0; c < kCountColumns; ++c) {
      const Suppression s = suppress_counts(column_counts(stats, t, static_cast<CountColumn>(c)),
                                            {wards_sum_to_all}, themes[t].min_count);
      columns[c] = s.cells;
      unprotected += s.unprotected;
    }
    d.unprotected.push_back(unprotected);
  }
  return d;
}

}  // namespace hotspot
