#include "attack/venue_mix.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <regex>
#include <stdexcept>

#include "attack/police_uk_rows.hpp"

namespace hotspot::attack {
namespace fs = std::filesystem;

namespace {

struct VenueRow {
  std::string id, reason;
  bool has_reach = false, has_count = false;
  double reach = 0;
  long count = 0;
  long rank = -1;
};

std::vector<VenueRow> read_plan(const fs::path& file) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR));
  if (!ds) throw std::runtime_error("cannot open " + file.string());
  std::vector<VenueRow> out;
  for (auto& f : *ds->GetLayer(0)) {
    VenueRow v;
    v.id = f->GetFieldAsString("venue_id");
    v.reason = f->GetFieldAsString("reason");
    const int ir = f->GetFieldIndex("reach"), ic = f->GetFieldIndex("reach_incidents"), ik = f->GetFieldIndex("rank");
    v.has_reach = ir >= 0 && f->IsFieldSetAndNotNull(ir);
    if (v.has_reach) v.reach = f->GetFieldAsDouble(ir);
    v.has_count = ic >= 0 && f->IsFieldSetAndNotNull(ic);
    if (v.has_count) v.count = f->GetFieldAsInteger64(ic);
    if (ik >= 0 && f->IsFieldSetAndNotNull(ik)) v.rank = f->GetFieldAsInteger64(ik);
    out.push_back(v);
  }
  return out;
}

// "(<5 incidents in the last 3 months within 400 m)" -> "<5"
std::string count_in_reason(const std::string& reason) {
  static const std::regex re(R"(\((<?[0-9]+|\[c\]) incidents in the last)");
  std::smatch m;
  return std::regex_search(reason, m, re) ? m[1].str() : "";
}

}  // namespace

VenueAttack build_venue_attack(const fs::path& pack, const ThemeAlgebra& algebra, bool use_ranks) {
  const Manifest m = read_manifest(pack);
  VenueAttack a;
  a.algebra = algebra;
  const auto& venues = m.raw.at("stages").at("venues");
  a.lookback_months = venues.value("lookback_months", 3);
  a.radius = venues.value("radius_m", 400.0);
  for (const auto& id : venues.at("plans")) {
    VenuePlan p;
    p.id = id.get<std::string>();
    if (const ThemeInfo* t = m.theme(p.id)) {
      p.weights[p.id] = 1;
      p.min_count = t->min_count;
    }
    a.plans.push_back(p);
  }
  // A mix's themes and weights, from its reasons: "mix (Anti-social behaviour x1, VAWG x0.5)".
  for (VenuePlan& p : a.plans) {
    if (!p.weights.empty()) continue;
    for (const VenueRow& v : read_plan(pack / ("venues_" + p.id + ".geojson"))) {
      const std::size_t at = v.reason.find(p.id + " (");
      if (at == std::string::npos) continue;
      // Up to the matching parenthesis: labels may hold their own ("VAWG (proxy) x1").
      std::size_t close = at + p.id.size() + 2;
      for (int depth = 1; close < v.reason.size(); ++close) {
        depth += v.reason[close] == '(';
        depth -= v.reason[close] == ')';
        if (depth == 0) break;
      }
      const std::string inside = v.reason.substr(at + p.id.size() + 2, close - at - p.id.size() - 2);
      std::size_t from = 0;
      while (from < inside.size()) {
        std::size_t to = inside.find(", ", from);
        if (to == std::string::npos) to = inside.size();
        const std::string part = inside.substr(from, to - from);
        const std::size_t x = part.rfind(" x");
        for (const ThemeInfo& t : m.themes)
          if (t.label == part.substr(0, x)) {
            p.weights[t.id] = std::stod(part.substr(x + 2));
            p.min_count = std::max(p.min_count, t.min_count);
          }
        from = to + 2;
      }
      break;
    }
  }
  auto var = [&](std::size_t venue, std::size_t atom) {
    const auto key = std::make_pair(venue, atom);
    const auto it = a.var.find(key);
    if (it != a.var.end()) return it->second;
    return a.var[key] = a.model.add_var(a.venues[venue] + " atom " + std::to_string(atom));
  };
  for (const VenuePlan& p : a.plans) {
    if (p.weights.empty()) continue;  // a plan whose themes the attacker cannot name
    const std::vector<VenueRow> rows = read_plan(pack / ("venues_" + p.id + ".geojson"));
    std::vector<std::pair<long, std::vector<Term>>> by_rank;
    for (const VenueRow& v : rows) {
      auto it = std::find(a.venues.begin(), a.venues.end(), v.id);
      if (it == a.venues.end()) it = a.venues.insert(a.venues.end(), v.id);
      const std::size_t vi = static_cast<std::size_t>(it - a.venues.begin());
      std::vector<Term> count_terms, mass_terms;
      for (std::size_t at = 0; at < algebra.atoms.size(); ++at) {
        double w = 0;
        bool any = false;
        for (const auto& [theme, weight] : p.weights) {
          const int t = algebra.theme_index(theme);
          if (t >= 0 && (algebra.atoms[at] & (Signature{1} << t))) w += weight, any = true;
        }
        if (!any) continue;
        const int x = var(vi, at);
        count_terms.push_back({x, 1.0});
        mass_terms.push_back({x, w});
      }
      const std::string label = "venues_" + p.id + " " + v.id;
      if (v.has_count) a.model.add_constraint(count_terms, {static_cast<double>(v.count), static_cast<double>(v.count)}, label + " reach_incidents");
      if (v.has_reach) a.model.add_constraint(mass_terms, {v.reach - 0.005 - 1e-9, v.reach + 0.005 + 1e-9}, label + " reach");
      const std::string text = count_in_reason(v.reason);
      Bound b;
      if (!v.has_count && count_bound(text, p.min_count, b)) {
        a.model.add_constraint(count_terms, b, label + " reason '" + text + "'");
        if (is_withheld(text)) {
          a.model.add_target(count_terms);
          a.targets.push_back({p.id, v.id, text});
        }
      }
      if (v.rank > 0) by_rank.emplace_back(v.rank, mass_terms);
    }
    // Ranks order the reach: rank r reaches at least as much as rank r + 1.
    if (use_ranks) {
      std::sort(by_rank.begin(), by_rank.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      for (std::size_t i = 0; i + 1 < by_rank.size(); ++i) {
        if (by_rank[i].first == by_rank[i + 1].first) continue;
        std::vector<Term> diff = by_rank[i].second;
        for (Term t : by_rank[i + 1].second) diff.push_back({t.var, -t.coef});
        a.model.add_constraint(diff, {0, kInf}, "venues_" + p.id + " rank " + std::to_string(by_rank[i].first));
      }
    }
  }
  return a;
}

std::vector<double> venue_truth(const VenueAttack& a, const std::vector<TruthIncident>& truth,
                                const std::map<std::string, std::pair<double, double>>& where, MonthIndex last) {
  std::vector<double> x(a.model.var_lo.size(), 0.0);
  for (const TruthIncident& inc : truth) {
    if (inc.month > last || inc.month <= last - a.lookback_months) continue;
    Signature s = 0;
    for (const std::string& th : inc.themes) {
      const int t = a.algebra.theme_index(th);
      if (t >= 0) s |= Signature{1} << t;
    }
    const int atom = a.algebra.atom_of(s);
    if (s == 0 || atom < 0) continue;
    for (std::size_t v = 0; v < a.venues.size(); ++v) {
      const auto w = where.find(a.venues[v]);
      if (w == where.end() || std::hypot(inc.x - w->second.first, inc.y - w->second.second) > a.radius) continue;
      const auto it = a.var.find({v, static_cast<std::size_t>(atom)});
      if (it != a.var.end()) x[static_cast<std::size_t>(it->second)] += 1;
    }
  }
  return x;
}

std::map<std::string, std::pair<double, double>> venue_positions(const fs::path& layer) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(layer.c_str(), GDAL_OF_VECTOR));
  if (!ds) throw std::runtime_error("cannot open " + layer.string());
  const std::unique_ptr<OGRCoordinateTransformation> ct = wgs84_to_bng();
  std::map<std::string, std::pair<double, double>> out;
  for (auto& f : *ds->GetLayer(0)) {
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) continue;
    double x = g->toPoint()->getX(), y = g->toPoint()->getY();
    if (ct->Transform(1, &x, &y)) out[f->GetFieldAsString("venue_id")] = {x, y};
  }
  return out;
}

std::string VenueOutcome::summary() const {
  std::string s = std::to_string(recovered) + " of " + std::to_string(withheld) + " withheld venue reaches recovered, " +
                  std::to_string(false_claims) + " false claims, " + std::to_string(outside) + " truths outside the range";
  for (const std::string& e : examples) s += "\n  recovered: " + e;
  return s;
}

VenueOutcome attack_venues(const fs::path& pack, const ThemeAlgebra& algebra, const std::vector<TruthIncident>& truth,
                           const std::map<std::string, std::pair<double, double>>& where) {
  const VenueAttack a = build_venue_attack(pack, algebra);
  const Manifest m = read_manifest(pack);
  const std::vector<double> x = venue_truth(a, truth, where, m.period.last);
  VenueOutcome o;
  o.unsound = violations(a.model, x);
  const std::vector<Range> ranges = solve_ranges(a.model);
  o.withheld = static_cast<int>(ranges.size());
  for (std::size_t t = 0; t < ranges.size(); ++t) {
    const double real = evaluate(a.model.targets[t], x);
    if (real < ranges[t].lo - 1e-9 || real > ranges[t].hi + 1e-9) ++o.outside;
    if (!ranges[t].exact()) continue;
    if (std::fabs(real - ranges[t].lo) > 1e-9) {
      ++o.false_claims;
      continue;
    }
    ++o.recovered;
    if (o.examples.size() < 8)
      o.examples.push_back(a.targets[t].plan + " " + a.targets[t].venue + " shows '" + a.targets[t].text + "', is " +
                           std::to_string(static_cast<long>(real)));
  }
  return o;
}

}  // namespace hotspot::attack
