#include "app/disclosure/reach_disclosure.hpp"

#include <fmt/format.h>

#include <cmath>

namespace hotspot {
namespace {

bool holds_any(ThemeMask signature, const std::vector<std::pair<std::size_t, double>>& themes) {
  for (const auto& [t, w] : themes)
    if (w > 0 && (signature & (ThemeMask{1} << t))) return true;
  return false;
}

double weight_of(ThemeMask signature, const std::vector<std::pair<std::size_t, double>>& themes) {
  double w = 0;
  for (const auto& [t, weight] : themes)
    if (signature & (ThemeMask{1} << t)) w += weight;
  return w;
}

}  // namespace

ReachDecision reach_disclosure(const std::vector<ReachPlan>& plans, const CatchmentSignatures& catchments,
                               bool by_incidents) {
  ReachDecision out;
  const std::size_t n = catchments.size();
  out.reach.assign(plans.size(), std::vector<Withheld>(n, Withheld::No));
  for (std::size_t k = 0; k < n; ++k) {
    LinkedTables t;
    std::vector<std::pair<ThemeMask, std::uint64_t>> atoms(catchments[k].begin(), catchments[k].end());
    t.atoms = atoms.size();
    for (const ReachPlan& p : plans) {
      LinkedCell c;
      LinearForm mass;
      double from_atoms = 0, mass_from_atoms = 0;
      bool weighted = false;
      for (std::size_t a = 0; a < atoms.size(); ++a) {
        if (!holds_any(atoms[a].first, p.themes)) continue;
        const double w = weight_of(atoms[a].first, p.themes);
        c.terms.push_back({static_cast<std::uint32_t>(a), 1});
        mass.push_back({static_cast<std::uint32_t>(a), w});
        weighted = weighted || w != 1;
        from_atoms += static_cast<double>(atoms[a].second);
        mass_from_atoms += w * static_cast<double>(atoms[a].second);
      }
      c.min_count = p.min_count;
      if (by_incidents) {
        c.value = static_cast<double>(p.reach->reach_count[k]);
        // Its weighted mass is published beside the count: a second equation on
        // the same atoms, when the incidents carry unit weights (the mass is then
        // the weighted count).
        if (weighted && std::fabs(mass_from_atoms - p.reach->reach[k]) < 1e-6) c.also.push_back({mass, p.reach->reach[k]});
        if (std::fabs(from_atoms - c.value) > 1e-9)
          throw std::logic_error(fmt::format("venue reach of plan {}: {} incidents in the catchment, {} counted", p.id,
                                             from_atoms, c.value));
      } else {
        c.terms = mass;  // each atom: one signature's surface mass in the catchment
        c.value = p.reach->reach[k];
        c.integer = false;
      }
      t.add(std::move(c));
    }
    if (!by_incidents) t.continuous.assign(t.atoms, 1);
    const Protection pr = protect(t);
    out.stats.lp_solves += pr.stats.lp_solves;
    out.stats.mip_solves += pr.stats.mip_solves;
    out.stats.candidates_tried += pr.stats.candidates_tried;
    for (std::size_t p = 0; p < plans.size(); ++p) out.reach[p][k] = pr.cells[p];
    for (std::size_t c : pr.unprotected)
      out.unprotected.push_back(fmt::format("the reach of candidate venue #{} in plan {}", k + 1, plans[c].id));
  }
  return out;
}

int ReachDisclosure::published_rank(std::size_t k) const {
  int above = 0;
  for (std::size_t j = 0; j < state.size(); ++j)
    if (j != k && state[j] == Withheld::No && (r.reach[j] > r.reach[k] || (r.reach[j] == r.reach[k] && j < k))) ++above;
  return above + 1;
}

std::size_t ReachDisclosure::published_count() const {
  std::size_t n = 0;
  for (Withheld w : state) n += w == Withheld::No;
  return n;
}

}  // namespace hotspot
