#include "app/support/lp_attacker.hpp"

#include <glpk.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <regex>

#include "app/support/attacker.hpp"

namespace hotspot::attack {
namespace fs = std::filesystem;

int LpModel::add_var() { return vars_++; }

void LpModel::constrain(std::vector<Term> terms, double lo, double hi, std::string label) {
  rows_.push_back({std::move(terms), lo, hi, std::move(label)});
}

int LpModel::add_target(std::vector<Term> terms) {
  targets_.push_back(std::move(terms));
  return static_cast<int>(targets_.size()) - 1;
}

double LpModel::value(int target, const std::vector<double>& x) const {
  double v = 0;
  for (const Term& t : targets_[static_cast<std::size_t>(target)]) v += t.coef * x[static_cast<std::size_t>(t.var)];
  return v;
}

std::vector<std::string> LpModel::violated(const std::vector<double>& x) const {
  std::vector<std::string> out;
  for (const Row& r : rows_) {
    double v = 0;
    for (const Term& t : r.terms) v += t.coef * x[static_cast<std::size_t>(t.var)];
    if (v < r.lo - 1e-6 || (r.hi >= 0 && v > r.hi + 1e-6)) out.push_back(fmt::format("{}: truly {}", r.label, v));
  }
  return out;
}

namespace {

double solve(glp_prob* lp, int dir, const glp_smcp& parm, int& solves) {
  ++solves;
  glp_set_obj_dir(lp, dir);
  int rc = glp_simplex(lp, &parm);
  if (rc != 0) {
    glp_adv_basis(lp, 0);
    rc = glp_simplex(lp, &parm);
  }
  REQUIRE(rc == 0);
  const int status = glp_get_status(lp);
  if (status == GLP_UNBND) return dir == GLP_MIN ? 0 : -1;
  REQUIRE(status == GLP_OPT);
  return glp_get_obj_val(lp);
}

// The integer optimum, or the relaxation's rounded bound when none is proven in time.
double integer_solve(glp_prob* lp, int dir, double fallback, int& solves) {
  ++solves;
  glp_set_obj_dir(lp, dir);
  glp_iocp iocp;
  glp_init_iocp(&iocp);
  iocp.msg_lev = GLP_MSG_OFF;
  iocp.presolve = GLP_ON;
  iocp.tm_lim = 5000;
  if (glp_intopt(lp, &iocp) != 0 || glp_mip_status(lp) != GLP_OPT) return fallback;
  return glp_mip_obj_val(lp);
}

}  // namespace

std::vector<std::pair<double, double>> LpModel::ranges(std::vector<char>* partial) const {
  if (partial) partial->assign(targets_.size(), 0);
  glp_prob* lp = glp_create_prob();
  glp_add_cols(lp, std::max(vars_, 1));
  for (int j = 1; j <= std::max(vars_, 1); ++j) {
    glp_set_col_bnds(lp, j, GLP_LO, 0, 0);
    glp_set_col_kind(lp, j, GLP_IV);
  }
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  if (!rows_.empty()) glp_add_rows(lp, static_cast<int>(rows_.size()));
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const Row& r = rows_[i];
    const int row = static_cast<int>(i) + 1;
    std::map<int, double> merged;
    for (const Term& t : r.terms) merged[t.var] += t.coef;
    for (const auto& [var, coef] : merged) ia.push_back(row), ja.push_back(var + 1), ar.push_back(coef);
    if (r.hi < 0) glp_set_row_bnds(lp, row, GLP_LO, r.lo, 0);
    else if (r.lo == r.hi) glp_set_row_bnds(lp, row, GLP_FX, r.lo, r.lo);
    else glp_set_row_bnds(lp, row, GLP_DB, r.lo, r.hi);
  }
  glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  std::vector<std::pair<double, double>> out;
  // Every LP solution is a feasible point: the values it gives the targets not
  // yet solved bound their ranges from inside. A target two points already put
  // 4 or more apart has a range of more than three integers whatever its
  // optimum (no integer programme would be run for it, nor could it be exact):
  // it is not solved (the same outcomes as solving every target, much faster).
  std::vector<double> seen_lo(targets_.size(), HUGE_VAL), seen_hi(targets_.size(), -HUGE_VAL);
  std::vector<double> x(static_cast<std::size_t>(std::max(vars_, 1)));
  std::size_t next = 0;  // targets before it are done
  auto observe = [&] {
    if (glp_get_status(lp) != GLP_OPT) return;
    for (int j = 0; j < vars_; ++j) x[static_cast<std::size_t>(j)] = glp_get_col_prim(lp, j + 1);
    for (std::size_t k = next + 1; k < targets_.size(); ++k) {
      if (seen_hi[k] - seen_lo[k] >= 4) continue;
      double v = 0;
      for (const Term& t : targets_[k]) v += t.coef * x[static_cast<std::size_t>(t.var)];
      seen_lo[k] = std::min(seen_lo[k], v);
      seen_hi[k] = std::max(seen_hi[k], v);
    }
  };
  for (const std::vector<Term>& target : targets_) {
    if (seen_hi[next] - seen_lo[next] >= 4) {
      out.emplace_back(std::ceil(seen_lo[next] - 1e-6), std::floor(seen_hi[next] + 1e-6));
      if (partial) (*partial)[next] = 1;
      ++next;
      continue;
    }
    for (const Term& t : target) glp_set_obj_coef(lp, t.var + 1, glp_get_obj_coef(lp, t.var + 1) + t.coef);
    double lo = std::ceil(solve(lp, GLP_MIN, parm, lp_solves) - 1e-6);
    observe();
    double hi = solve(lp, GLP_MAX, parm, lp_solves);
    observe();
    if (hi >= 0) hi = std::floor(hi + 1e-6);
    if (hi >= 0 && hi - lo < 3 && hi > lo) {  // an integer programme may close a narrow gap
      lo = std::max(lo, std::ceil(integer_solve(lp, GLP_MIN, lo, mip_solves) - 1e-6));
      hi = std::min(hi, std::floor(integer_solve(lp, GLP_MAX, hi, mip_solves) + 1e-6));
    }
    out.emplace_back(lo, hi);
    for (const Term& t : target) glp_set_obj_coef(lp, t.var + 1, 0);
    ++next;
  }
  glp_delete_prob(lp);
  glp_free_env();  // GLPK's per-thread environment: nothing else of ours is alive in it
  return out;
}

int Algebra::index(const std::string& theme) const {
  const auto it = std::find(themes.begin(), themes.end(), theme);
  return it == themes.end() ? -1 : static_cast<int>(it - themes.begin());
}

std::string Outcome::summary() const {
  std::string s = fmt::format("{} withheld cells ({} distinct values): {} recovered, {} narrowed ({} LPs, {} integer "
                              "programmes, {:.1f} s)", withheld, targets, recovered, narrowed, lp_solves, mip_solves, seconds);
  for (const std::string& e : examples) s += "\n  recovered: " + e;
  for (std::size_t i = 0; i < unsound.size() && i < 5; ++i) s += "\n  UNSOUND: " + unsound[i];
  return s;
}

namespace {

// What the published rule says a withheld text holds: "<m" 1..m-1, "[c]" at least `c_min`.
std::pair<double, double> withheld_bound(const std::string& text, int m, double c_min) {
  if (text == "[c]") return {c_min, -1};
  return {1, static_cast<double>(m - 1)};
}

void score(const LpModel& model, const std::vector<double>& x, const std::vector<std::string>& names,
           const std::vector<std::pair<double, double>>& priors, Outcome& o) {
  o.unsound = model.violated(x);
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<char> partial;
  const auto ranges = model.ranges(&partial);
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  o.lp_solves = model.lp_solves;
  o.mip_solves = model.mip_solves;
  for (std::size_t t = 0; t < ranges.size(); ++t) {
    const double real = model.value(static_cast<int>(t), x);
    const auto [lo, hi] = ranges[t];
    if (partial[t]) continue;  // not solved: a range wider than three values, the truth somewhere in it
    if (real < lo - 1e-6 || (hi >= 0 && real > hi + 1e-6))
      o.unsound.push_back(fmt::format("{}: truly {}, range [{}, {}]", names[t], real, lo, hi));
    if (hi >= 0 && lo == hi) {
      ++o.recovered;
      if (o.examples.size() < 8) o.examples.push_back(fmt::format("{} = {}", names[t], lo));
    } else if (lo > priors[t].first || (hi >= 0 && (priors[t].second < 0 || hi < priors[t].second))) {
      ++o.narrowed;
    }
  }
}

}  // namespace

Outcome attack_ward_tables(const std::vector<MonthlyPack>& packs, const Algebra& algebra,
                           const std::map<std::string, int>& min_count, const AtomTruth& truth,
                           const std::set<int>& months_with_data) {
  LpModel model;
  std::map<std::tuple<std::size_t, std::string, int>, int> var;  // (signature, ward, month)
  std::vector<std::tuple<std::size_t, std::string, int>> key;
  std::vector<std::string> wards;
  auto expression = [&](int theme, const std::string& row, int first, int last) {
    std::vector<LpModel::Term> terms;
    for (int m = first; m <= last; ++m) {
      if (!months_with_data.count(m)) continue;
      for (const std::string& w : wards) {
        if (row != "ALL" && row != w) continue;
        for (std::size_t s = 0; s < algebra.signatures.size(); ++s) {
          if (!(algebra.signatures[s] & (1u << theme))) continue;
          const auto k = std::make_tuple(s, w, m);
          auto it = var.find(k);
          if (it == var.end()) {
            it = var.emplace(k, model.add_var()).first;
            key.push_back(k);
          }
          terms.push_back({it->second, 1});
        }
      }
    }
    return terms;
  };
  Outcome o;
  std::map<std::tuple<std::string, std::string, int, int>, int> target_of;
  std::vector<std::string> names;
  std::vector<std::pair<double, double>> priors;
  for (const MonthlyPack& pack : packs) {
    const std::vector<Row> rows = read_csv(pack.dir / "ward_summary.csv");
    if (wards.empty())
      for (const Row& r : rows)
        if (r.at("ward_code") != "ALL") wards.push_back(r.at("ward_code"));
    const int P = pack.month;
    const int ytd_first = P - (P % 12 + 9) % 12;  // the sample's financial year starts in April
    const std::vector<std::tuple<std::string, int, int>> columns = {
        {"count", P, P}, {"previous", P - 1, P - 1}, {"year_earlier", P - 12, P - 12}, {"baseline_mean", P - 12, P - 1},
        {"ytd", ytd_first, P}, {"ytd_before", ytd_first - 12, P - 12},
        {"rolling_12", P - 11, P}, {"rolling_12_before", P - 23, P - 12}};
    for (std::size_t t = 0; t < algebra.themes.size(); ++t) {
      const std::string& theme = algebra.themes[t];
      const int m = min_count.count(theme) ? min_count.at(theme) : 0;
      for (const Row& r : rows) {
        const std::string& row = r.at("ward_code");
        for (const auto& [column, first, last] : columns) {
          const auto it = r.find(theme + "_" + column);
          if (it == r.end() || it->second.empty() || it->second == "no data") continue;
          const std::string& text = it->second;
          std::vector<LpModel::Term> terms = expression(static_cast<int>(t), row, first, last);
          const std::string label = fmt::format("{} {} {} of the pack of {}", theme, row, column, P);
          const bool baseline = column == "baseline_mean";
          if (!withheld(text)) {
            const double v = std::stod(text);
            if (baseline) {
              const double b = std::stod(r.at(theme + "_baseline_months"));
              model.constrain(terms, std::ceil((v - 0.05) * b - 1e-9), std::floor((v + 0.05) * b + 1e-9), label);
            } else {
              model.constrain(terms, v, v, label);
            }
            continue;
          }
          ++o.withheld;
          // A sum of months withheld with one of them (baseline, year to date, rolling 12) is at least 1.
          const auto prior = withheld_bound(text, m, baseline || last > first ? 1.0 : std::max(m, 1));
          model.constrain(terms, prior.first, prior.second, label + " '" + text + "'");
          const auto k = std::make_tuple(theme, row, first, last);
          if (!target_of.count(k)) {
            target_of[k] = model.add_target(terms);
            names.push_back(fmt::format("{} {} {}..{}", theme, row, first, last));
            priors.push_back(prior);
          }
        }
      }
    }
  }
  o.targets = static_cast<int>(names.size());
  std::vector<double> x(static_cast<std::size_t>(model.vars()), 0);
  for (std::size_t v = 0; v < key.size(); ++v) {
    const auto& [s, w, m] = key[v];
    const auto it = truth.find({algebra.signatures[s], w, m});
    if (it != truth.end()) x[v] = static_cast<double>(it->second);
  }
  score(model, x, names, priors, o);
  return o;
}

Outcome attack_venue_plans(const fs::path& pack, const Algebra& algebra,
                           const std::map<std::string, std::map<std::string, double>>& plans,
                           const std::map<std::string, int>& min_count,
                           const std::map<std::string, std::map<std::uint32_t, long>>& truth) {
  LpModel model;
  std::map<std::pair<std::string, std::size_t>, int> var;  // (venue, signature)
  std::vector<std::pair<std::string, std::size_t>> key;
  std::vector<std::string> names;
  std::vector<std::pair<double, double>> priors;
  Outcome o;
  static const std::regex count_in_reason(R"(\((<[0-9]+|\[c\]) incidents)");
  for (const auto& [plan, weights] : plans) {
    int m = 0;
    for (const auto& [theme, w] : weights) m = std::max(m, min_count.count(theme) ? min_count.at(theme) : 0);
    GDALDatasetUniquePtr ds(GDALDataset::Open((pack / ("venues_" + plan + ".geojson")).c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    for (auto& f : *ds->GetLayer(0)) {
      const std::string venue = f->GetFieldAsString("venue_id");
      if (!f->GetFieldAsInteger(f->GetFieldIndex("eligible"))) continue;
      std::vector<LpModel::Term> count, mass;
      for (std::size_t s = 0; s < algebra.signatures.size(); ++s) {
        double w = 0;
        for (const auto& [theme, weight] : weights) {
          const int t = algebra.index(theme);
          if (t >= 0 && (algebra.signatures[s] & (1u << t))) w += weight;
        }
        if (w == 0) continue;
        const auto k = std::make_pair(venue, s);
        auto it = var.find(k);
        if (it == var.end()) {
          it = var.emplace(k, model.add_var()).first;
          key.push_back(k);
        }
        count.push_back({it->second, 1});
        mass.push_back({it->second, w});
      }
      const std::string label = plan + " " + venue;
      const int ci = f->GetFieldIndex("reach_incidents"), ri = f->GetFieldIndex("reach");
      if (f->IsFieldSetAndNotNull(ci)) {
        const double v = static_cast<double>(f->GetFieldAsInteger64(ci));
        model.constrain(count, v, v, label + " reach_incidents");
        if (f->IsFieldSetAndNotNull(ri)) {
          const double r = f->GetFieldAsDouble(ri);
          model.constrain(mass, r - 0.005 - 1e-9, r + 0.005 + 1e-9, label + " reach");
        }
        continue;
      }
      std::smatch match;
      const std::string reason = f->GetFieldAsString("reason");
      REQUIRE(std::regex_search(reason, match, count_in_reason));
      ++o.withheld;
      const auto prior = withheld_bound(match[1].str(), m, std::max(m, 1));
      model.constrain(count, prior.first, prior.second, label + " '" + match[1].str() + "'");
      model.add_target(count);
      names.push_back(label);
      priors.push_back(prior);
    }
  }
  o.targets = static_cast<int>(names.size());
  std::vector<double> x(static_cast<std::size_t>(model.vars()), 0);
  for (std::size_t v = 0; v < key.size(); ++v) {
    const auto& [venue, s] = key[v];
    const auto it = truth.find(venue);
    if (it == truth.end()) continue;
    const auto n = it->second.find(algebra.signatures[s]);
    if (n != it->second.end()) x[v] = static_cast<double>(n->second);
  }
  score(model, x, names, priors, o);
  return o;
}

}  // namespace hotspot::attack
