#include "app/support/lp_attacker.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <regex>

#include "app/support/attacker.hpp"

namespace hotspot::attack {
namespace fs = std::filesystem;

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

// A bound as the model takes it: hi < 0 is open.
Bound bound_of(std::pair<double, double> range) { return {range.first, range.second < 0 ? kInf : range.second}; }

// Solving options: a target LP solutions already spread over more than 3 is
// left unsolved (at least three integers: neither exact nor closed by an
// integer programme), and ranges of two or three integers go to the integer
// programme, 5 s each way.
SolveOptions attack_options() {
  SolveOptions o;
  o.full_ranges = false;
  o.skip_spread = 3;
  o.integer = true;
  o.integer_max_gap = 2;
  o.integer_time_limit = 5;
  o.integer_across_components = true;
  return o;
}

void score(const LinearModel& model, const std::vector<double>& x, const std::vector<std::string>& names,
           const std::vector<std::pair<double, double>>& priors, Outcome& o) {
  o.unsound = violations(model, x);
  SolveStats stats;
  const std::vector<Range> ranges = solve_ranges(model, attack_options(), &stats);
  o.seconds = stats.seconds;
  o.lp_solves = stats.lp_solves;
  o.mip_solves = stats.mip_solves;
  for (std::size_t t = 0; t < ranges.size(); ++t) {
    const double real = evaluate(model.targets[t], x);
    if (ranges[t].partial) continue;  // not solved: a range wider than three values, the truth somewhere in it
    const double lo = ranges[t].lo, hi = std::isfinite(ranges[t].hi) ? ranges[t].hi : -1;  // -1: unbounded
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
  LinearModel model;
  std::map<std::tuple<std::size_t, std::string, int>, int> var;  // (signature, ward, month)
  std::vector<std::tuple<std::size_t, std::string, int>> key;
  std::vector<std::string> wards;
  auto expression = [&](int theme, const std::string& row, int first, int last) {
    std::vector<Term> terms;
    for (int m = first; m <= last; ++m) {
      if (!months_with_data.count(m)) continue;
      for (const std::string& w : wards) {
        if (row != "ALL" && row != w) continue;
        for (std::size_t s = 0; s < algebra.signatures.size(); ++s) {
          if (!(algebra.signatures[s] & (1u << theme))) continue;
          const auto k = std::make_tuple(s, w, m);
          auto it = var.find(k);
          if (it == var.end()) {
            it = var.emplace(k, model.add_var(fmt::format("x{}", key.size()))).first;
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
          std::vector<Term> terms = expression(static_cast<int>(t), row, first, last);
          const std::string label = fmt::format("{} {} {} of the pack of {}", theme, row, column, P);
          const bool baseline = column == "baseline_mean";
          if (!is_withheld(text)) {
            const double v = std::stod(text);
            if (baseline) {
              const double b = std::stod(r.at(theme + "_baseline_months"));
              model.add_constraint(terms, Bound{std::ceil((v - 0.05) * b - 1e-9), std::floor((v + 0.05) * b + 1e-9)}, label);
            } else {
              model.add_constraint(terms, Bound{v, v}, label);
            }
            continue;
          }
          ++o.withheld;
          // A sum of months withheld with one of them (baseline, year to date, rolling 12) is at least 1.
          const auto prior = withheld_bound(text, m, baseline || last > first ? 1.0 : std::max(m, 1));
          model.add_constraint(terms, bound_of(prior), label + " '" + text + "'");
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
  std::vector<double> x(model.var_lo.size(), 0);
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
  LinearModel model;
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
      std::vector<Term> count, mass;
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
          it = var.emplace(k, model.add_var(fmt::format("x{}", key.size()))).first;
          key.push_back(k);
        }
        count.push_back({it->second, 1});
        mass.push_back({it->second, w});
      }
      const std::string label = plan + " " + venue;
      const int ci = f->GetFieldIndex("reach_incidents"), ri = f->GetFieldIndex("reach");
      if (f->IsFieldSetAndNotNull(ci)) {
        const double v = static_cast<double>(f->GetFieldAsInteger64(ci));
        model.add_constraint(count, Bound{v, v}, label + " reach_incidents");
        if (f->IsFieldSetAndNotNull(ri)) {
          const double r = f->GetFieldAsDouble(ri);
          model.add_constraint(mass, Bound{r - 0.005 - 1e-9, r + 0.005 + 1e-9}, label + " reach");
        }
        continue;
      }
      std::smatch match;
      const std::string reason = f->GetFieldAsString("reason");
      REQUIRE(std::regex_search(reason, match, count_in_reason));
      ++o.withheld;
      const auto prior = withheld_bound(match[1].str(), m, std::max(m, 1));
      model.add_constraint(count, bound_of(prior), label + " '" + match[1].str() + "'");
      model.add_target(count);
      names.push_back(label);
      priors.push_back(prior);
    }
  }
  o.targets = static_cast<int>(names.size());
  std::vector<double> x(model.var_lo.size(), 0);
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
