#include "analysis/disclosure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace hotspot {

bool primary_suppressed(std::uint64_t count, int min_count) {
  return min_count > 1 && count >= 1 && count < static_cast<std::uint64_t>(min_count);
}

namespace {

// What the attacker knows of a cell before using any constraint.
Range prior(const std::vector<std::uint64_t>& values, const std::vector<Withheld>& cells, std::size_t i, int m) {
  switch (cells[i]) {
    case Withheld::No: return {static_cast<std::int64_t>(values[i]), static_cast<std::int64_t>(values[i])};
    case Withheld::Primary: return {1, m - 1};
    case Withheld::Secondary: break;
  }
  return {m, kUnbounded};  // an unsuppressed nonzero count was at least m
}

std::int64_t add(std::int64_t a, std::int64_t b) { return std::min(a + b, kUnbounded); }

// The smallest published nonzero cell of a constraint (ties: lowest index), or none.
std::optional<std::size_t> smallest_published(const std::vector<std::uint64_t>& values,
                                              const std::vector<Withheld>& cells, const AdditiveConstraint& c) {
  std::optional<std::size_t> best;
  auto consider = [&](std::size_t i) {
    if (cells[i] != Withheld::No || values[i] == 0) return;
    if (!best || values[i] < values[*best] || (values[i] == values[*best] && i < *best)) best = i;
  };
  consider(c.total);
  for (std::size_t p : c.parts) consider(p);
  return best;
}

bool exposes(const std::vector<std::uint64_t>& values, const std::vector<Withheld>& cells,
             const AdditiveConstraint& c, int m) {
  auto check = [&](std::size_t i) {
    return cells[i] != Withheld::No && deducible_range(values, cells, c, i, m).exact();
  };
  if (check(c.total)) return true;
  return std::any_of(c.parts.begin(), c.parts.end(), check);
}

}  // namespace

Range deducible_range(const std::vector<std::uint64_t>& values, const std::vector<Withheld>& cells,
                      const AdditiveConstraint& c, std::size_t cell, int m) {
  Range own = prior(values, cells, cell, m);
  // total = sum(parts): the cell is the total, or one part = total - the other parts.
  Range total = prior(values, cells, c.total, m);
  std::int64_t others_lo = 0, others_hi = 0;
  for (std::size_t p : c.parts) {
    if (p == cell) continue;
    const Range r = prior(values, cells, p, m);
    others_lo = add(others_lo, r.lo);
    others_hi = add(others_hi, r.hi);
  }
  Range from;
  if (cell == c.total) {
    from = {others_lo, others_hi};
  } else {
    from.lo = others_hi >= kUnbounded ? 0 : total.lo - others_hi;
    from.hi = total.hi >= kUnbounded ? kUnbounded : total.hi - others_lo;
  }
  own.lo = std::max(own.lo, from.lo);
  own.hi = std::min(own.hi, from.hi);
  return own;
}

std::string withheld_text(Withheld w, int min_count) {
  return w == Withheld::Primary ? fmt::format("<{}", min_count) : std::string(kConfidential);
}

Suppression suppress_counts(const std::vector<std::uint64_t>& values,
                            const std::vector<AdditiveConstraint>& constraints, int min_count,
                            const std::vector<Withheld>& given) {
  Suppression s;
  s.cells = given.empty() ? std::vector<Withheld>(values.size(), Withheld::No) : given;
  bool any = std::any_of(s.cells.begin(), s.cells.end(), [](Withheld w) { return w != Withheld::No; });
  for (std::size_t i = 0; i < values.size(); ++i)
    if (s.cells[i] == Withheld::No && primary_suppressed(values[i], min_count)) {
      s.cells[i] = Withheld::Primary;
      ++s.primary;
      any = true;
    }
  if (!any) return s;
  for (bool changed = true; changed;) {
    changed = false;
    for (const AdditiveConstraint& c : constraints) {
      while (exposes(values, s.cells, c, min_count)) {
        const std::optional<std::size_t> next = smallest_published(values, s.cells, c);
        if (!next) break;  // counted below, after the sweeps settle
        s.cells[*next] = Withheld::Secondary;
        ++s.secondary;
        changed = true;
      }
    }
    s.rounds += changed;
  }
  for (const AdditiveConstraint& c : constraints) s.unprotected += exposes(values, s.cells, c, min_count);
  return s;
}

}  // namespace hotspot
