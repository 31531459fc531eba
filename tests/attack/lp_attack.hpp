#pragma once
// The linear-programming attacker (the method of τ-ARGUS's and sdcTable's
// audits): every published number is a linear function of non-negative
// integer unknowns (incidents per ward, month and theme signature), known
// exactly or within an interval; for each withheld value, minimise and
// maximise it over everything published. A value is recovered when the
// minimum equals the maximum.
//
// Bounds from the LP relaxation are rounded inwards (the unknowns and the
// targets' coefficients are integers), which is sound. Optionally the
// integer programme tightens the narrow ones (branch and bound, GLPK).
#include <cstdint>
#include <string>
#include <vector>

#include "attack/pack.hpp"

namespace hotspot::attack {

struct Term {
  int var;
  double coef;
};

struct Constraint {
  std::vector<Term> terms;
  Bound bound;
  std::string label;  // what was published, for messages
};

struct LinearModel {
  std::vector<double> var_lo, var_hi;
  std::vector<std::string> var_name;
  std::vector<Constraint> constraints;
  std::vector<std::vector<Term>> targets;

  int add_var(std::string name, double lo = 0, double hi = kInf);
  void add_constraint(std::vector<Term> terms, Bound b, std::string label);
  int add_target(std::vector<Term> terms);
};

struct Range {
  double lp_lo = 0, lp_hi = kInf;  // the LP relaxation's min and max
  double lo = 0, hi = kInf;        // integer bounds (rounded inwards, or from the integer programme)
  bool partial = false;            // not solved: [lo, hi] is only a spread that feasible solutions reach
  bool exact() const { return !partial && lo == hi; }
};

struct SolveOptions {
  // Full ranges for every target (min and max). When false, each LP solution
  // found is kept, and a target two of them already put more than 1 apart is
  // known not to be recovered without solving for it (its range is then the
  // spread seen, marked partial): the same recoveries, much faster.
  bool full_ranges = true;
  // ... the spread beyond which a target is not solved. More than 1 can still
  // round inwards to one integer; more than 3 leaves at least three integers,
  // which no integer programme below integer_max_gap = 2 would try to close.
  double skip_spread = 1;
  bool integer = false;          // tighten narrow ranges by integer programming
  double integer_max_gap = 4;    // ... those with hi - lo at most this
  double integer_time_limit = 5; // seconds per integer programme
  // ... also a target spanning several components (the sum of each part's
  // integer optimum, when every one is proven in time).
  bool integer_across_components = false;
};

struct SolveStats {
  int components = 0, lp_solves = 0, mip_solves = 0, mip_tightened = 0, skipped = 0;
  int columns = 0, fixed_zero = 0;  // unknowns, and those published zeros fix
  double seconds = 0;
};

// [min, max] of every target over the model's feasible set (GLPK simplex,
// warm-started per connected component of the constraint graph).
std::vector<Range> solve_ranges(const LinearModel& model, const SolveOptions& options = {}, SolveStats* stats = nullptr);

// The constraints that `x` (the truth, one value per variable) violates: a
// sound model has none.
std::vector<std::string> violations(const LinearModel& model, const std::vector<double>& x);

double evaluate(const std::vector<Term>& terms, const std::vector<double>& x);

}  // namespace hotspot::attack
