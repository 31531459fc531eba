#include "attack/lp_attack.hpp"

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <stdexcept>

namespace hotspot::attack {

int LinearModel::add_var(std::string name, double lo, double hi) {
  var_lo.push_back(lo);
  var_hi.push_back(hi);
  var_name.push_back(std::move(name));
  return static_cast<int>(var_lo.size()) - 1;
}

void LinearModel::add_constraint(std::vector<Term> terms, Bound b, std::string label) {
  constraints.push_back({std::move(terms), b, std::move(label)});
}

int LinearModel::add_target(std::vector<Term> terms) {
  targets.push_back(std::move(terms));
  return static_cast<int>(targets.size()) - 1;
}

double evaluate(const std::vector<Term>& terms, const std::vector<double>& x) {
  double s = 0;
  for (const Term& t : terms) s += t.coef * x.at(static_cast<std::size_t>(t.var));
  return s;
}

std::vector<std::string> violations(const LinearModel& m, const std::vector<double>& x) {
  std::vector<std::string> out;
  for (std::size_t v = 0; v < m.var_lo.size(); ++v)
    if (x[v] < m.var_lo[v] - 1e-9 || x[v] > m.var_hi[v] + 1e-9)
      out.push_back(m.var_name[v] + " = " + std::to_string(x[v]) + " outside its bounds");
  for (const Constraint& c : m.constraints) {
    const double v = evaluate(c.terms, x);
    if (v < c.bound.lo - 1e-6 || v > c.bound.hi + 1e-6)
      out.push_back(c.label + ": truly " + std::to_string(v) + ", published [" + std::to_string(c.bound.lo) + ", " +
                    std::to_string(c.bound.hi) + "]");
  }
  return out;
}

namespace {

struct UnionFind {
  std::vector<int> p;
  explicit UnionFind(std::size_t n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  int find(int a) { return p[static_cast<std::size_t>(a)] == a ? a : p[static_cast<std::size_t>(a)] = find(p[static_cast<std::size_t>(a)]); }
  void unite(int a, int b) { p[static_cast<std::size_t>(find(a))] = find(b); }
};

// GLPK keeps one environment per thread (its own thread-local state) and never
// frees it on thread exit; LeakSanitizer flags it. Every problem is counted on
// its thread, and the environment released when the last one alive goes (as
// GlpkThreadUse in src/analysis/disclosure.cpp).
int& live_problems() {
  thread_local int count = 0;
  return count;
}

struct ProbDeleter {
  void operator()(glp_prob* p) const {
    glp_delete_prob(p);
    if (--live_problems() == 0) glp_free_env();
  }
};
using Prob = std::unique_ptr<glp_prob, ProbDeleter>;

Prob new_problem() {
  ++live_problems();
  Prob p(glp_create_prob());
  glp_term_out(GLP_OFF);  // a fresh environment prints again
  return p;
}

void set_bounds(glp_prob* lp, bool row, int i, double lo, double hi) {
  const bool has_lo = std::isfinite(lo), has_hi = std::isfinite(hi);
  int type = GLP_FR;
  if (has_lo && has_hi) type = lo == hi ? GLP_FX : GLP_DB;
  else if (has_lo) type = GLP_LO;
  else if (has_hi) type = GLP_UP;
  if (has_lo && has_hi && lo > hi) throw std::runtime_error("infeasible bounds in the attack model");
  if (row) glp_set_row_bnds(lp, i, type, has_lo ? lo : 0, has_hi ? hi : 0);
  else glp_set_col_bnds(lp, i, type, has_lo ? lo : 0, has_hi ? hi : 0);
}

// One connected component as a GLPK problem; local column j+1 = global var cols[j].
struct Component {
  std::vector<int> cols;
  std::map<int, int> local;  // global var -> 1-based column
  std::vector<std::size_t> rows;
  Prob lp;
};

void build(const LinearModel& m, Component& c) {
  c.lp = new_problem();
  glp_prob* lp = c.lp.get();
  glp_add_cols(lp, static_cast<int>(c.cols.size()));
  for (std::size_t j = 0; j < c.cols.size(); ++j) {
    const auto v = static_cast<std::size_t>(c.cols[j]);
    set_bounds(lp, false, static_cast<int>(j) + 1, m.var_lo[v], m.var_hi[v]);
  }
  if (!c.rows.empty()) glp_add_rows(lp, static_cast<int>(c.rows.size()));
  std::vector<int> ia(1), ja(1);
  std::vector<double> ar(1);
  for (std::size_t r = 0; r < c.rows.size(); ++r) {
    const Constraint& k = m.constraints[c.rows[r]];
    set_bounds(lp, true, static_cast<int>(r) + 1, k.bound.lo, k.bound.hi);
    std::map<int, double> merged;
    for (const Term& t : k.terms) merged[c.local.at(t.var)] += t.coef;
    for (const auto& [col, coef] : merged) {
      ia.push_back(static_cast<int>(r) + 1);
      ja.push_back(col);
      ar.push_back(coef);
    }
  }
  glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_adv_basis(lp, 0);
}

// min (dir = GLP_MIN) or max of the objective; NaN when infeasible, +-inf when unbounded.
double optimise(glp_prob* lp, int dir, SolveStats& st) {
  glp_set_obj_dir(lp, dir);
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  ++st.lp_solves;
  int rc = glp_simplex(lp, &parm);
  if (rc != 0) {  // a singular warm basis: start again from an advanced one
    glp_adv_basis(lp, 0);
    rc = glp_simplex(lp, &parm);
  }
  if (rc != 0) throw std::runtime_error("GLPK simplex failed with code " + std::to_string(rc));
  const int status = glp_get_status(lp);
  if (status == GLP_OPT) return glp_get_obj_val(lp);
  if (status == GLP_UNBND) return dir == GLP_MIN ? -kInf : kInf;
  if (status == GLP_NOFEAS) throw std::runtime_error("the published values admit no solution: the attack model is wrong");
  throw std::runtime_error("GLPK: undecided LP status " + std::to_string(status));
}

// Integer min or max; returns false when not proven optimal within the time limit.
bool optimise_integer(glp_prob* src, int dir, double seconds, double& value, SolveStats& st) {
  Prob ip = new_problem();
  glp_copy_prob(ip.get(), src, GLP_OFF);
  for (int j = 1; j <= glp_get_num_cols(ip.get()); ++j) glp_set_col_kind(ip.get(), j, GLP_IV);
  glp_set_obj_dir(ip.get(), dir);
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_ON;
  parm.tm_lim = static_cast<int>(seconds * 1000);
  ++st.mip_solves;
  const int rc = glp_intopt(ip.get(), &parm);
  if (rc != 0 || glp_mip_status(ip.get()) != GLP_OPT) return false;
  value = glp_mip_obj_val(ip.get());
  return true;
}

}  // namespace

std::vector<Range> solve_ranges(const LinearModel& input, const SolveOptions& opt, SolveStats* stats_out) {
  const auto start = std::chrono::steady_clock::now();
  SolveStats st;
  // Published zeros (a sum of non-negative unknowns at most 0) fix their
  // unknowns: drop them from every constraint and target, repeatedly.
  LinearModel m = input;
  const std::size_t n = m.var_lo.size();
  std::vector<bool> zero(n, false);
  for (std::size_t v = 0; v < n; ++v) zero[v] = m.var_lo[v] == 0 && m.var_hi[v] == 0;
  for (bool changed = true; changed;) {
    changed = false;
    for (const Constraint& c : m.constraints) {
      if (c.bound.hi > 1e-9) continue;
      bool nonneg = true;
      for (const Term& t : c.terms) nonneg = nonneg && t.coef > 0 && m.var_lo[static_cast<std::size_t>(t.var)] >= 0;
      if (!nonneg) continue;
      for (const Term& t : c.terms)
        if (!zero[static_cast<std::size_t>(t.var)]) zero[static_cast<std::size_t>(t.var)] = changed = true;
    }
  }
  auto strip = [&](std::vector<Term>& terms) {
    terms.erase(std::remove_if(terms.begin(), terms.end(), [&](const Term& t) { return zero[static_cast<std::size_t>(t.var)]; }),
                terms.end());
  };
  for (Constraint& c : m.constraints) strip(c.terms);
  for (auto& t : m.targets) strip(t);
  for (std::size_t v = 0; v < n; ++v) st.fixed_zero += zero[v];
  st.columns = static_cast<int>(n) - st.fixed_zero;
  UnionFind uf(n);
  for (const Constraint& c : m.constraints)
    for (std::size_t i = 1; i < c.terms.size(); ++i) uf.unite(c.terms[0].var, c.terms[i].var);
  std::map<int, Component> comps;
  for (std::size_t v = 0; v < n; ++v) {
    if (zero[v]) continue;
    Component& c = comps[uf.find(static_cast<int>(v))];
    c.local[static_cast<int>(v)] = static_cast<int>(c.cols.size()) + 1;
    c.cols.push_back(static_cast<int>(v));
  }
  for (std::size_t r = 0; r < m.constraints.size(); ++r) {
    if (!m.constraints[r].terms.empty()) comps[uf.find(m.constraints[r].terms[0].var)].rows.push_back(r);
    else if (m.constraints[r].bound.lo > 1e-9)
      throw std::runtime_error("the published values admit no solution (" + m.constraints[r].label + "): the attack model is wrong");
  }
  // Each target split by component: min and max add up over components.
  std::vector<std::map<int, std::vector<Term>>> parts(m.targets.size());
  std::map<int, std::vector<std::size_t>> by_comp;
  for (std::size_t t = 0; t < m.targets.size(); ++t) {
    for (const Term& term : m.targets[t]) parts[t][uf.find(term.var)].push_back(term);
    for (const auto& [root, terms] : parts[t]) by_comp[root].push_back(t);
  }
  std::vector<Range> out(m.targets.size(), Range{0, 0, 0, 0});
  std::vector<bool> partial(m.targets.size(), false);
  // Values of each target part seen in the solutions found so far: [min, max].
  std::vector<std::map<int, std::pair<double, double>>> seen(m.targets.size());
  auto record = [&](int root, glp_prob* lp, const Component& c, const std::vector<std::size_t>& targets) {
    std::vector<double> x(c.cols.size());
    for (std::size_t j = 0; j < c.cols.size(); ++j) x[j] = glp_get_col_prim(lp, static_cast<int>(j) + 1);
    for (std::size_t t : targets) {
      double v = 0;
      for (const Term& term : parts[t].at(root)) v += term.coef * x[static_cast<std::size_t>(c.local.at(term.var)) - 1];
      auto [it, fresh] = seen[t].try_emplace(root, v, v);
      if (!fresh) it->second = {std::min(it->second.first, v), std::max(it->second.second, v)};
    }
  };
  for (auto& [root, targets] : by_comp) {
    Component& c = comps.at(root);
    build(m, c);
    ++st.components;
    glp_prob* lp = c.lp.get();
    for (std::size_t t : targets) {
      // A target whose parts already spread over more than 1 in solutions found is not recovered.
      if (!opt.full_ranges) {
        double spread = 0;
        for (const auto& [r2, mm] : seen[t]) spread += mm.second - mm.first;
        if (spread > opt.skip_spread + 1e-6) {
          partial[t] = true;
          ++st.skipped;
          continue;
        }
      }
      for (int j = 1; j <= glp_get_num_cols(lp); ++j) glp_set_obj_coef(lp, j, 0);
      for (const Term& term : parts[t].at(root))
        glp_set_obj_coef(lp, c.local.at(term.var), glp_get_obj_coef(lp, c.local.at(term.var)) + term.coef);
      const double lo = optimise(lp, GLP_MIN, st);
      if (!opt.full_ranges && std::isfinite(lo)) record(root, lp, c, targets);
      const double hi = optimise(lp, GLP_MAX, st);
      if (!opt.full_ranges && std::isfinite(hi)) record(root, lp, c, targets);
      out[t].lp_lo += lo;
      out[t].lp_hi += hi;
    }
  }
  constexpr double eps = 1e-6;
  for (std::size_t t = 0; t < out.size(); ++t) {
    Range& r = out[t];
    if (partial[t]) {
      r.partial = true;
      r.lp_lo = r.lp_hi = 0;
      for (const auto& [root, mm] : seen[t]) r.lp_lo += mm.first, r.lp_hi += mm.second;
      r.lo = r.lp_lo, r.hi = r.lp_hi;
      continue;
    }
    r.lo = std::isfinite(r.lp_lo) ? std::ceil(r.lp_lo - eps) : r.lp_lo;
    r.hi = std::isfinite(r.lp_hi) ? std::floor(r.lp_hi + eps) : r.lp_hi;
    if (!opt.integer || r.partial || r.exact() || !(r.hi - r.lo <= opt.integer_max_gap)) continue;
    if (parts[t].size() != 1 && !opt.integer_across_components) continue;
    // Integer min and max of the sum of the parts, each part in its own component.
    bool lo_proven = true, hi_proven = true;
    double int_lo = 0, int_hi = 0;
    for (const auto& [root, terms] : parts[t]) {
      glp_prob* lp = comps.at(root).lp.get();
      const Component& c = comps.at(root);
      for (int j = 1; j <= glp_get_num_cols(lp); ++j) glp_set_obj_coef(lp, j, 0);
      for (const Term& term : terms)
        glp_set_obj_coef(lp, c.local.at(term.var), glp_get_obj_coef(lp, c.local.at(term.var)) + term.coef);
      double v = 0;
      if (lo_proven && optimise_integer(lp, GLP_MIN, opt.integer_time_limit, v, st)) int_lo += v;
      else lo_proven = false;
      if (hi_proven && optimise_integer(lp, GLP_MAX, opt.integer_time_limit, v, st)) int_hi += v;
      else hi_proven = false;
    }
    const double before = r.hi - r.lo;
    if (lo_proven) r.lo = std::max(r.lo, std::round(int_lo));
    if (hi_proven) r.hi = std::min(r.hi, std::round(int_hi));
    st.mip_tightened += r.hi - r.lo < before;
  }
  st.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (stats_out) *stats_out = st;
  return out;
}

}  // namespace hotspot::attack
