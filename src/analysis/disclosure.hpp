#pragma once
// Statistical disclosure control for published counts: primary and secondary
// cell suppression audited by linear programming, as statistical offices
// protect linked tables (Hundepool et al., Statistical Disclosure Control,
// Wiley 2012, ch. 4; tau-ARGUS; R's sdcTable, whose "SIMPLEHEURISTIC" also
// solves the attacker's problem for each suppressed cell).
//
// The model. Every published number is a linear function of atoms: counts of
// incidents that no output splits further (for the ward table, the incidents
// of one theme signature -- the set of themes an incident counts in -- in one
// ward and month-set). A theme's count is the sum of the atoms of the
// signatures that hold it, so "violence = VAWG + robbery + weapons" is as
// visible here as to an attacker who reads the themes' rules in the manifest,
// and the ALL row is the sum of its wards.
//
// What the attacker knows, and the audit assumes: every published cell's
// value; that atoms are non-negative integers; that a "<m" cell lies in
// 1..m-1 and a "[c]" cell is at least max(m, 1) (a secondary suppression is
// never zero, never under m). For each withheld cell the audit minimises and
// maximises its value over everything published (GLPK's simplex, warm
// started; integer programming settles narrow ranges). A cell is exposed when
// its range holds a single value (for a real-valued cell, is narrower than
// one incident). The attacker's own model may have more atoms (signatures the
// rules allow but the data lacks); more atoms only widen the ranges, so a
// pattern safe here is safe for that attacker too.
//
// Secondary suppression (deterministic greedy, after sdcTable's
// SIMPLEHEURISTIC): withheld cells are audited in order; for an exposed one,
// the published nonzero cells linked to it (sharing an atom with it, or with
// a cell that does) are tried smallest first, and the first whose withholding
// leaves it unexposed is withheld ([c]); when none does alone, the one that
// widened the range most is withheld and the search goes on. Withholding only
// widens every other range (a published equality becomes an interval), so a
// cell audited safe stays safe and each cell is audited once, plus once per
// secondary. A withheld cell nothing can protect (its own rule pins it, or
// nothing linked is left to withhold) is reported as unprotected: the caller
// refuses to publish (README "Disclosure control").
//
// Cost: two LPs per withheld cell and per candidate tried, each over the atoms
// of one block (a ward table block: signatures x wards). BENCHMARKS.md.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/withheld.hpp"

namespace hotspot {

// ---- linked tables ----------------------------------------------------------

struct AtomTerm {
  std::uint32_t atom = 0;
  double coef = 1;
};
using LinearForm = std::vector<AtomTerm>;

// One published value: a linear function of the atoms.
struct LinkedCell {
  LinearForm terms{};
  double value = 0;               // its true value
  int min_count = 0;              // the minimum of the rule it follows (its theme's)
  Withheld state = Withheld::No;  // a decision made before (kept): another table's, or a canonical block's
  bool fixed = false;             // its state is decided elsewhere: never chosen as a secondary suppression
  bool published = true;          // false: not in the output at all ("no data"): no constraint, no target
  bool integer = true;            // a count; false: a real value (hours spread over a from/to record, a mass)
  // Further values published with it and withheld with it (a weighted mass beside a count).
  std::vector<std::pair<LinearForm, double>> also{};
};

struct LinkedTables {
  std::size_t atoms = 0;
  std::vector<LinkedCell> cells;
  std::vector<char> continuous;  // [atom], when not empty: 1 for atoms that may be fractional (spread hours)

  std::size_t add(LinkedCell c) {
    cells.push_back(std::move(c));
    return cells.size() - 1;
  }
};

constexpr double kUnbounded = 1e15;

// What an attacker can deduce of one cell from everything published.
struct AttackerRange {
  double lo = 0, hi = kUnbounded;
  bool integer = true;
  // A single value (integer cells), or narrower than one incident (real ones).
  bool exact() const;
};

struct ProtectionStats {
  std::uint64_t lp_solves = 0, mip_solves = 0, candidates_tried = 0;
};

struct Protection {
  std::vector<Withheld> cells;  // one per cell (unpublished cells: No)
  int primary = 0, secondary = 0;
  std::vector<std::size_t> unprotected;  // withheld cells an attacker can still work out (expected none)
  ProtectionStats stats;
};

// Primary suppression of every published cell that is not fixed, then
// secondary suppression until no withheld cell is exposed.
Protection protect(const LinkedTables& tables);

// The attacker's range of every cell under a pattern (published cells: their
// value). For tests and for the audit of a finished pattern.
std::vector<AttackerRange> attacker_ranges(const LinkedTables& tables, const std::vector<Withheld>& cells,
                                           ProtectionStats* stats = nullptr);

// ---- one-dimensional tables -----------------------------------------------------

// total == sum of parts, all cells indexes into the value vector.
struct AdditiveConstraint {
  std::size_t total;
  std::vector<std::size_t> parts;
};

struct Suppression {
  std::vector<Withheld> cells;  // one per value
  int primary = 0, secondary = 0;
  int unprotected = 0;          // withheld cells still exposed with nothing left to withhold
};

// Primary then secondary suppression of counts under additive constraints
// (a value that is never a total is an atom). `given`, when not empty (one per
// value), marks cells already withheld: they stay withheld, and are protected
// here like any other. The same audit as protect().
Suppression suppress_counts(const std::vector<std::uint64_t>& values,
                            const std::vector<AdditiveConstraint>& constraints, int min_count,
                            const std::vector<Withheld>& given = {});

// The same problem as linked tables, for tests and for callers that add cells.
LinkedTables additive_tables(const std::vector<std::uint64_t>& values, const std::vector<AdditiveConstraint>& constraints,
                             int min_count, const std::vector<Withheld>& given = {});

// ---- the ledger ---------------------------------------------------------------------

// What a run withheld, in counts only, for the manifest: [theme][output].
struct DisclosureTally {
  std::uint64_t primary = 0, secondary = 0, derived = 0;
  void add(Withheld w) {
    primary += w == Withheld::Primary;
    secondary += w == Withheld::Secondary;
    derived += w == Withheld::Derived;
  }
  std::uint64_t total() const { return primary + secondary + derived; }
};
using DisclosureLedger = std::map<std::string, std::map<std::string, DisclosureTally>>;

}  // namespace hotspot
