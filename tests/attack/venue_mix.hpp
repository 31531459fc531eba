#pragma once
// Attack 4 (issue 23): venue plans differenced.
//
// Each plan's venues_<plan>.geojson lists every candidate venue with its
// reach: the incidents of the plan's themes within the catchment over the
// look-back months (reach_incidents, and `reach`, their weighted mass to two
// decimals). For a venue, with y[a] the incidents of theme signature a in its
// catchment (theme_algebra.hpp):
//   single-theme plan t:  reach_incidents = sum_{a holds t} y[a]
//                         ("<m" in the reason when withheld: 1..m-1)
//   mix plan {t: w_t}:    reach = sum_a (sum_{t in a} w_t) y[a]  (+-0.005)
//                         reach_incidents = sum_{a holds any t} y[a]
// so a mix that includes VAWG, minus the single-theme plans of its other
// themes, gives VAWG's withheld reach back. Optionally each plan's `rank`
// (published for withheld venues too) orders the venues' reach.
// Every withheld reach is a target of the linear programme (lp_attack.hpp).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "attack/lp_attack.hpp"
#include "attack/theme_algebra.hpp"
#include "attack/ward_model.hpp"

namespace hotspot::attack {

struct VenuePlan {
  std::string id;                        // "vawg", "mix"
  std::map<std::string, double> weights; // theme id -> weight (1 for a single-theme plan)
  int min_count = 0;
};

struct VenueAttack {
  ThemeAlgebra algebra;
  std::vector<VenuePlan> plans;
  std::vector<std::string> venues;
  LinearModel model;
  struct Target {
    std::string plan, venue, text;
  };
  std::vector<Target> targets;  // by model target
  std::map<std::pair<std::size_t, std::size_t>, int> var;  // (venue, atom) -> variable
  int lookback_months = 3;
  double radius = 400;
};

VenueAttack build_venue_attack(const std::filesystem::path& pack, const ThemeAlgebra& algebra, bool use_ranks = true);

// The unknowns' true values from the incidents of the look-back months ending
// with `period_last` and the venues' positions (id -> x, y).
std::vector<double> venue_truth(const VenueAttack& a, const std::vector<TruthIncident>& truth,
                                const std::map<std::string, std::pair<double, double>>& where, MonthIndex period_last);

struct VenueOutcome {
  int withheld = 0, recovered = 0, false_claims = 0, outside = 0;
  std::vector<std::string> unsound, examples;
  std::string summary() const;
};

// Each venue's position (British National Grid) from a plan's layer, for the truth.
std::map<std::string, std::pair<double, double>> venue_positions(const std::filesystem::path& layer);

VenueOutcome attack_venues(const std::filesystem::path& pack, const ThemeAlgebra& algebra,
                           const std::vector<TruthIncident>& truth,
                           const std::map<std::string, std::pair<double, double>>& where);

}  // namespace hotspot::attack
