#include "analysis/disclosure.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <stdexcept>

namespace hotspot {

bool AttackerRange::exact() const {
  if (!integer) return hi - lo < 1 - 1e-9;
  return std::floor(hi + 1e-6) - std::ceil(lo - 1e-6) < 1;  // at most one integer
}

namespace {

// Integer programming settles ranges whose relaxation holds at most this many
// integers (the attacker may solve it too); wider ones cannot become a point.
constexpr double kIntegerCheckWidth = 3;
constexpr int kMipTimeLimitMs = 2000;
// Candidates tried for one exposed cell before the best of them is taken.
constexpr std::size_t kCandidatesTried = 16;

// What the attacker knows of a withheld cell before any constraint: [lo, hi].
std::pair<double, double> prior(const LinkedCell& c, Withheld w) {
  const double m = c.min_count;
  if (w == Withheld::Primary) return c.integer ? std::pair{1.0, std::max(1.0, m - 1)} : std::pair{0.0, std::max(0.0, m)};
  if (w == Withheld::Derived) return {c.integer ? 1.0 : 0.0, kUnbounded};  // a sum with a withheld part: nonzero
  return {std::max(m, c.integer ? 1.0 : 0.0), kUnbounded};  // secondary: nonzero, never under m
}

// GLPK keeps one environment per thread (its own thread-local state) and never
// frees it on thread exit: each area's worker thread would leak it. The
// environment is released when the last problem alive on this thread goes.
class GlpkThreadUse {
 public:
  GlpkThreadUse() { ++users(); }
  ~GlpkThreadUse() {
    if (--users() == 0) glp_free_env();
  }
  GlpkThreadUse(const GlpkThreadUse&) = delete;
  GlpkThreadUse& operator=(const GlpkThreadUse&) = delete;

 private:
  static int& users() {
    thread_local int count = 0;
    return count;
  }
};

// The attacker's problem for one pattern, kept as one GLPK problem whose rows
// change bounds as cells are withheld, so every solve starts from the last basis.
class AttackerProblem {
 public:
  AttackerProblem(const LinkedTables& t, const std::vector<Withheld>& states, ProtectionStats& stats)
      : t_(t), stats_(stats), row_(t.cells.size(), 0), also_row_(t.cells.size(), 0) {
    lp_ = glp_create_prob();
    const int atoms = static_cast<int>(std::max<std::size_t>(t.atoms, 1));
    glp_add_cols(lp_, atoms);
    for (int j = 1; j <= atoms; ++j) glp_set_col_bnds(lp_, j, GLP_LO, 0, 0);
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0};
    int rows = 0;
    auto add_row = [&](const LinearForm& f) {
      ++rows;
      // Merge repeated atoms: GLPK refuses duplicate indexes in a row.
      std::map<std::uint32_t, double> merged;
      for (const AtomTerm& a : f) merged[a.atom] += a.coef;
      for (const auto& [atom, coef] : merged) {
        if (coef == 0) continue;
        ia.push_back(rows);
        ja.push_back(static_cast<int>(atom) + 1);
        ar.push_back(coef);
      }
    };
    for (std::size_t i = 0; i < t.cells.size(); ++i) {
      const LinkedCell& c = t.cells[i];
      if (!c.published) continue;
      add_row(c.terms);
      row_[i] = rows;
      cell_of_row_.push_back(i);
      if (!c.also.empty()) also_row_[i] = rows + 1;
      for (const auto& [form, value] : c.also) {
        add_row(form);
        cell_of_row_.push_back(i);
      }
    }
    if (rows > 0) {
      glp_add_rows(lp_, rows);
      glp_load_matrix(lp_, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    }
    for (std::size_t i = 0; i < t.cells.size(); ++i)
      if (row_[i]) set_state(i, states[i]);
    glp_init_smcp(&smcp_);
    smcp_.msg_lev = GLP_MSG_OFF;
    smcp_.presolve = GLP_OFF;
  }
  ~AttackerProblem() { glp_delete_prob(lp_); }

  // Called after every simplex solution while set: each one is a feasible point of the attacker's problem.
  std::function<void()> after_solve;
  // A cell's value at the last simplex solution.
  double current_value(std::size_t i) const {
    double v = 0;
    for (const AtomTerm& a : t_.cells[i].terms) v += a.coef * glp_get_col_prim(lp_, static_cast<int>(a.atom) + 1);
    return v;
  }
  AttackerProblem(const AttackerProblem&) = delete;
  AttackerProblem& operator=(const AttackerProblem&) = delete;

  void set_state(std::size_t i, Withheld w) {
    const LinkedCell& c = t_.cells[i];
    if (w == Withheld::No) {
      glp_set_row_bnds(lp_, row_[i], GLP_FX, c.value, c.value);
    } else {
      auto [lo, hi] = prior(c, w);
      lo = std::min(lo, c.value);  // a state decided elsewhere on a value outside the rule: keep the truth feasible
      hi = std::max(hi, c.value);
      if (hi >= kUnbounded) glp_set_row_bnds(lp_, row_[i], GLP_LO, lo, 0);
      else if (lo == hi) glp_set_row_bnds(lp_, row_[i], GLP_FX, lo, lo);
      else glp_set_row_bnds(lp_, row_[i], GLP_DB, lo, hi);
    }
    for (std::size_t k = 0; k < c.also.size(); ++k) {
      const int r = also_row_[i] + static_cast<int>(k);
      if (w == Withheld::No) glp_set_row_bnds(lp_, r, GLP_FX, c.also[k].second, c.also[k].second);
      else glp_set_row_bnds(lp_, r, GLP_FR, 0, 0);
    }
  }

  // `binding`, when given, receives the published cells whose equations bind
  // the minimum or the maximum (a nonzero dual value): withholding one of them
  // is what can widen the range.
  AttackerRange range(std::size_t i, std::set<std::size_t>* binding = nullptr) {
    const LinkedCell& c = t_.cells[i];
    AttackerRange r;
    r.integer = c.integer;
    set_objective(c.terms);
    r.lo = solve(GLP_MIN);
    if (binding) binding_rows(*binding);
    r.hi = solve(GLP_MAX);
    if (binding) binding_rows(*binding);
    if (c.integer && r.hi < kUnbounded && std::floor(r.hi + 1e-6) - std::ceil(r.lo - 1e-6) < kIntegerCheckWidth &&
        !r.exact()) {
      // The relaxation leaves a few integers: an attacker's integer programme may
      // leave one. Without a proof in the time allowed, the cell counts as exposed.
      const std::optional<double> lo = integer_solve(GLP_MIN), hi = lo ? integer_solve(GLP_MAX) : std::nullopt;
      if (lo && hi) {
        r.lo = std::max(r.lo, *lo);
        r.hi = std::min(r.hi, *hi);
      } else {
        r.hi = r.lo;
      }
    }
    clear_objective(c.terms);
    return r;
  }

 private:
  void binding_rows(std::set<std::size_t>& out) const {
    if (glp_get_status(lp_) != GLP_OPT) return;
    for (int r = 1; r <= glp_get_num_rows(lp_); ++r)
      if (std::fabs(glp_get_row_dual(lp_, r)) > 1e-9 && glp_get_row_type(lp_, r) == GLP_FX) out.insert(cell_of_row_[static_cast<std::size_t>(r)]);
  }

  void set_objective(const LinearForm& f) {
    for (const AtomTerm& a : f) glp_set_obj_coef(lp_, static_cast<int>(a.atom) + 1, glp_get_obj_coef(lp_, static_cast<int>(a.atom) + 1) + a.coef);
  }
  void clear_objective(const LinearForm& f) {
    for (const AtomTerm& a : f) glp_set_obj_coef(lp_, static_cast<int>(a.atom) + 1, 0);
  }

  double solve(int direction) {
    glp_set_obj_dir(lp_, direction);
    ++stats_.lp_solves;
    int rc = glp_simplex(lp_, &smcp_);
    if (rc != 0) {  // a numerically bad warm start: from a fresh basis
      glp_adv_basis(lp_, 0);
      rc = glp_simplex(lp_, &smcp_);
    }
    if (rc != 0) throw std::runtime_error("disclosure audit: the simplex method failed (GLPK code " + std::to_string(rc) + ")");
    const int status = glp_get_status(lp_);
    if (status == GLP_UNBND) return direction == GLP_MIN ? -kUnbounded : kUnbounded;
    if (status != GLP_OPT)
      throw std::runtime_error("disclosure audit: the attacker's problem has no solution (GLPK status " +
                               std::to_string(status) + "), though the true counts satisfy it");
    if (after_solve) after_solve();
    return glp_get_obj_val(lp_);
  }

  // The integer optimum, or nothing when the time limit stops the search first.
  std::optional<double> integer_solve(int direction) {
    if (!integer_) {
      for (int j = 1; j <= glp_get_num_cols(lp_); ++j) {
        const std::size_t atom = static_cast<std::size_t>(j - 1);
        if (atom < t_.continuous.size() && t_.continuous[atom]) continue;
        glp_set_col_kind(lp_, j, GLP_IV);
      }
      integer_ = true;
    }
    glp_set_obj_dir(lp_, direction);
    glp_iocp iocp;
    glp_init_iocp(&iocp);
    iocp.msg_lev = GLP_MSG_OFF;
    iocp.presolve = GLP_ON;
    iocp.tm_lim = kMipTimeLimitMs;
    ++stats_.mip_solves;
    const int rc = glp_intopt(lp_, &iocp);
    const int status = glp_mip_status(lp_);
    if (rc != 0 || status != GLP_OPT) return std::nullopt;
    return glp_mip_obj_val(lp_);
  }

  const LinkedTables& t_;
  ProtectionStats& stats_;
  GlpkThreadUse glpk_;  // outlives the problem: released after ~AttackerProblem deletes lp_
  glp_prob* lp_ = nullptr;
  glp_smcp smcp_{};
  std::vector<int> row_, also_row_;  // 1-based rows; 0: not published
  std::vector<std::size_t> cell_of_row_{SIZE_MAX};  // [row]: its cell
  bool integer_ = false;
};

// Cells linked to `cell`: sharing an atom with it, or with a cell that does.
std::vector<std::size_t> linked_cells(const LinkedTables& t, const std::vector<std::vector<std::size_t>>& by_atom,
                                      std::size_t cell) {
  auto atoms_of = [&](std::size_t i) {
    std::vector<std::uint32_t> out;
    for (const AtomTerm& a : t.cells[i].terms) out.push_back(a.atom);
    for (const auto& [form, value] : t.cells[i].also)
      for (const AtomTerm& a : form) out.push_back(a.atom);
    return out;
  };
  std::set<std::size_t> first, both;
  for (std::uint32_t a : atoms_of(cell))
    for (std::size_t j : by_atom[a]) first.insert(j);
  both = first;
  for (std::size_t i : first)
    for (std::uint32_t a : atoms_of(i))
      for (std::size_t j : by_atom[a]) both.insert(j);
  return {both.begin(), both.end()};
}

}  // namespace

std::vector<AttackerRange> attacker_ranges(const LinkedTables& t, const std::vector<Withheld>& cells,
                                           ProtectionStats* stats) {
  if (cells.size() != t.cells.size())
    throw std::invalid_argument("attacker_ranges: one state per cell of the tables, facts included");
  ProtectionStats local;
  AttackerProblem problem(t, cells, stats ? *stats : local);
  std::vector<AttackerRange> out(t.cells.size());
  for (std::size_t i = 0; i < t.cells.size(); ++i) {
    out[i].integer = t.cells[i].integer;
    if (!t.cells[i].published) continue;
    if (cells[i] == Withheld::No) out[i].lo = out[i].hi = t.cells[i].value;
    else out[i] = problem.range(i);
  }
  return out;
}

Protection protect(const LinkedTables& t) {
  Protection p;
  p.cells.assign(t.cells.size(), Withheld::No);
  std::vector<std::size_t> queue;
  for (std::size_t i = 0; i < t.cells.size(); ++i) {
    const LinkedCell& c = t.cells[i];
    if (!c.published) continue;
    p.cells[i] = c.state;
    if (c.state == Withheld::No && !c.fixed && primary_suppressed(c.value, c.min_count)) {
      p.cells[i] = Withheld::Primary;
      ++p.primary;
    }
    if (p.cells[i] != Withheld::No) queue.push_back(i);
  }
  if (queue.empty()) return p;

  std::vector<std::vector<std::size_t>> by_atom(t.atoms);
  for (std::size_t i = 0; i < t.cells.size(); ++i) {
    if (!t.cells[i].published) continue;
    for (const AtomTerm& a : t.cells[i].terms) by_atom[a.atom].push_back(i);
    for (const auto& [form, value] : t.cells[i].also)
      for (const AtomTerm& a : form) by_atom[a.atom].push_back(i);
  }
  for (auto& cells : by_atom) cells.erase(std::unique(cells.begin(), cells.end()), cells.end());

  AttackerProblem problem(t, p.cells, p.stats);
  // Every simplex solution is a feasible point: the values it gives the cells
  // still to be audited bound their ranges from inside. A cell two points
  // already put far enough apart cannot be exposed (an integer cell 4 apart
  // holds more than three integers, so no integer programme would be run for
  // it), and withholding more only keeps those points feasible: it is not
  // audited. The same pattern as auditing every cell, at a fraction of the
  // LPs. Points seen while a candidate is only tried are not kept.
  std::vector<double> seen_lo(t.cells.size(), HUGE_VAL), seen_hi(t.cells.size(), -HUGE_VAL);
  std::size_t pending = 0;  // queue positions from here on are not audited yet
  auto spread_enough = [&](std::size_t c) {
    return seen_hi[c] - seen_lo[c] >= (t.cells[c].integer ? kIntegerCheckWidth + 1 : 1.0);
  };
  auto observe = [&] {
    for (std::size_t k = pending; k < queue.size(); ++k) {
      const std::size_t c = queue[k];
      if (spread_enough(c)) continue;
      const double v = problem.current_value(c);
      seen_lo[c] = std::min(seen_lo[c], v);
      seen_hi[c] = std::max(seen_hi[c], v);
    }
  };
  problem.after_solve = observe;
  auto candidate = [&](std::size_t j) {
    const LinkedCell& c = t.cells[j];
    return c.published && !c.fixed && p.cells[j] == Withheld::No && c.value > 0;
  };
  auto by_size = [&](std::size_t a, std::size_t b) {
    return t.cells[a].value != t.cells[b].value ? t.cells[a].value < t.cells[b].value : a < b;
  };
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const std::size_t cell = queue[q];
    pending = q + 1;
    if (spread_enough(cell)) continue;
    std::set<std::size_t> binding;
    AttackerRange r = problem.range(cell, &binding);
    if (!r.exact()) continue;
    const auto [own_lo, own_hi] = prior(t.cells[cell], p.cells[cell]);
    if (AttackerRange{own_lo, own_hi, t.cells[cell].integer}.exact()) {  // its own rule pins it ("<2")
      p.unprotected.push_back(cell);
      continue;
    }
    while (r.exact()) {
      // Candidates: the published cells that bind its range, then those linked
      // to it, then any; each group smallest first.
      std::vector<std::size_t> candidates, group;
      std::set<std::size_t> seen;
      auto add_group = [&](std::vector<std::size_t> g) {
        std::sort(g.begin(), g.end(), by_size);
        for (std::size_t j : g)
          if (seen.insert(j).second) candidates.push_back(j);
      };
      for (std::size_t j : binding)
        if (candidate(j)) group.push_back(j);
      add_group(group);
      group.clear();
      for (std::size_t j : linked_cells(t, by_atom, cell))
        if (candidate(j)) group.push_back(j);
      add_group(group);
      group.clear();
      for (std::size_t j = 0; j < t.cells.size(); ++j)
        if (candidate(j)) group.push_back(j);
      add_group(group);
      if (candidates.empty()) {
        p.unprotected.push_back(cell);
        break;
      }
      std::size_t best = candidates.front();
      double best_width = -1;
      bool freed = false;
      for (std::size_t k = 0; k < candidates.size() && k < kCandidatesTried; ++k) {
        const std::size_t j = candidates[k];
        ++p.stats.candidates_tried;
        problem.set_state(j, Withheld::Secondary);
        problem.after_solve = nullptr;  // points of a problem this candidate may not stay withheld in
        const AttackerRange tried = problem.range(cell);
        problem.after_solve = observe;
        problem.set_state(j, Withheld::No);
        if (!tried.exact()) {
          best = j;
          freed = true;
          break;
        }
        if (tried.hi - tried.lo > best_width + 1e-9) best = j, best_width = tried.hi - tried.lo;
      }
      problem.set_state(best, Withheld::Secondary);
      p.cells[best] = Withheld::Secondary;
      ++p.secondary;
      queue.push_back(best);
      if (freed) break;
      binding.clear();
      r = problem.range(cell, &binding);
    }
  }
  return p;
}

LinkedTables additive_tables(const std::vector<std::uint64_t>& values, const std::vector<AdditiveConstraint>& constraints,
                             int min_count, const std::vector<Withheld>& given) {
  const std::size_t n = values.size();
  std::vector<int> defining(n, -1);  // the constraint that defines a total
  for (std::size_t k = 0; k < constraints.size(); ++k)
    if (defining[constraints[k].total] < 0) defining[constraints[k].total] = static_cast<int>(k);
  LinkedTables t;
  std::vector<std::uint32_t> atom_of(n, UINT32_MAX);
  for (std::size_t i = 0; i < n; ++i)
    if (defining[i] < 0) atom_of[i] = static_cast<std::uint32_t>(t.atoms++);
  // A total's atoms: its parts', expanded (a part may be a total itself).
  std::vector<LinearForm> form(n);
  std::vector<char> state(n, 0);  // 0 unvisited, 1 in progress, 2 done
  auto expand = [&](auto&& self, std::size_t i) -> const LinearForm& {
    if (state[i] == 2) return form[i];
    if (state[i] == 1) throw std::invalid_argument("suppress_counts: a total is a part of itself");
    state[i] = 1;
    if (defining[i] < 0) {
      form[i] = {{atom_of[i], 1}};
    } else {
      for (std::size_t part : constraints[static_cast<std::size_t>(defining[i])].parts) {
        const LinearForm& f = self(self, part);
        form[i].insert(form[i].end(), f.begin(), f.end());
      }
    }
    state[i] = 2;
    return form[i];
  };
  for (std::size_t i = 0; i < n; ++i) {
    LinkedCell c;
    c.terms = expand(expand, i);
    c.value = static_cast<double>(values[i]);
    c.min_count = min_count;
    if (!given.empty()) c.state = given[i];
    t.add(std::move(c));
  }
  // A total defined twice (a grand total of rows and of columns): the two sums agree, which the attacker knows.
  for (std::size_t k = 0; k < constraints.size(); ++k) {
    const AdditiveConstraint& c = constraints[k];
    if (defining[c.total] == static_cast<int>(k)) continue;
    LinkedCell same;
    same.terms = form[c.total];
    for (std::size_t part : c.parts)
      for (AtomTerm a : expand(expand, part)) same.terms.push_back({a.atom, -a.coef});
    same.fixed = true;  // a fact, not a cell: published as 0, never withheld
    t.add(std::move(same));
  }
  return t;
}

Suppression suppress_counts(const std::vector<std::uint64_t>& values,
                            const std::vector<AdditiveConstraint>& constraints, int min_count,
                            const std::vector<Withheld>& given) {
  const LinkedTables t = additive_tables(values, constraints, min_count, given);
  const Protection p = protect(t);
  Suppression s;
  s.cells.assign(p.cells.begin(), p.cells.begin() + static_cast<std::ptrdiff_t>(values.size()));
  s.primary = p.primary;
  s.secondary = p.secondary;
  s.unprotected = static_cast<int>(p.unprotected.size());
  return s;
}

}  // namespace hotspot
