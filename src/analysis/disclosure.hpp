#pragma once
// Statistical disclosure control for published counts, after UK official-
// statistics practice (ONS / GSS guidance on tables of small counts).
//
// Primary suppression: a count from 1 to min_count - 1 is withheld. Zero is
// shown: a true zero discloses nothing about a person, and hiding zeros would
// make every empty ward look like a small count.
//
// Secondary (complementary) suppression: counts published together often sum
// to a published total (the wards of one column sum to the area's ALL row), so
// one withheld cell would come back by subtraction. The attacker is assumed to
// know the rule, and that a primary cell lies in [1, m-1] while a secondary
// one (an unsuppressed nonzero count) lies in [m, infinity). For every
// constraint we compute, from its published cells alone, the range each
// withheld cell can take; when any range is a single value the constraint
// exposes it, and the smallest unsuppressed nonzero cell of that constraint is
// withheld too (ties: the lowest cell index). Constraints are swept in order
// until a whole sweep changes nothing. With exactly one withheld cell this is
// the textbook "suppress the next smallest" rule; the ranges also catch a 1
// hidden beside a 5 (1 + 5 = 6 leaves the 1 with nowhere else to be) and
// four hidden ones whose sum is 4.
//
// Limits: each constraint is judged on its own. For disjoint constraints (one
// column of wards and its total, as in the ward table) that is complete, since
// every value in each computed range is feasible. For constraints that share
// cells (a two-way table with row and column totals) an attacker solving them
// jointly (linear programming) may narrow a range further than one constraint
// does; this module does not search for that. Derived values (percentages,
// rates, z-scores, ranks, RAG, shares, PAI, reach) are not handled here: the
// caller withholds each one whose input is withheld.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace hotspot {

enum class Withheld : std::uint8_t { No, Primary, Secondary };

// true for counts from 1 to min_count - 1.
bool primary_suppressed(std::uint64_t count, int min_count);

// total == sum of parts, all cells indexes into the value vector.
struct AdditiveConstraint {
  std::size_t total;
  std::vector<std::size_t> parts;
};

struct Suppression {
  std::vector<Withheld> cells;    // one per value
  int primary = 0, secondary = 0;
  int rounds = 0;                 // sweeps that added a secondary suppression
  int unprotected = 0;            // constraints still exposing a cell with nothing left to withhold
};

// Primary then secondary suppression of `values` under `constraints`.
// `given`, when not empty (one per value), marks cells another table has
// already withheld: they stay withheld, and are protected here like any other.
Suppression suppress_counts(const std::vector<std::uint64_t>& values,
                            const std::vector<AdditiveConstraint>& constraints, int min_count,
                            const std::vector<Withheld>& given = {});

// The range [lo, hi] an attacker can deduce for cell `cell` from constraint `c`
// and the published cells, as above (hi = kUnbounded when open). For tests and
// for the suppression itself.
constexpr std::int64_t kUnbounded = INT64_MAX / 4;
struct Range {
  std::int64_t lo = 0, hi = kUnbounded;
  bool exact() const { return lo == hi; }
};
Range deducible_range(const std::vector<std::uint64_t>& values, const std::vector<Withheld>& cells,
                      const AdditiveConstraint& c, std::size_t cell, int min_count);

// The text a table shows for a withheld count: "<m" for a primary, "[c]" otherwise.
std::string withheld_text(Withheld w, int min_count);
constexpr const char* kConfidential = "[c]";  // ONS convention for a confidential value

// What a run withheld, in counts only, for the manifest: [theme][output].
struct DisclosureTally {
  std::uint64_t primary = 0, secondary = 0, derived = 0;
};
using DisclosureLedger = std::map<std::string, std::map<std::string, DisclosureTally>>;

}  // namespace hotspot
