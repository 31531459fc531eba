#pragma once
// The linear-programming attacker (issue 23), written apart from the engine:
// it reads packs as a partner would, states everything they publish as linear
// constraints on non-negative integer unknowns (incidents per theme signature,
// ward and month; per signature and venue catchment), and for each withheld
// value minimises and maximises it with GLPK. A value is recovered when its
// range holds one integer (integer programming settles narrow ranges). The
// models are solved by the attacks' solver (attack/lp_attack).
//
// The attacker is given which theme signatures exist (the sets of themes an
// incident can count in): from the taxonomy's rules for police.uk, from the
// truth for the sample. That is at least what a reader of the manifest can
// know, so a pack this attacker cannot break resists a real one too.
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "attack/lp_attack.hpp"

namespace hotspot::attack {

// Theme signatures: bit i = themes[i].
struct Algebra {
  std::vector<std::string> themes;
  std::vector<std::uint32_t> signatures;
  int index(const std::string& theme) const;  // -1 when absent
};

// The truth: incidents per (signature, ward code, month).
using AtomTruth = std::map<std::tuple<std::uint32_t, std::string, int>, long>;

struct Outcome {
  int withheld = 0;    // withheld cells read (over every pack)
  int targets = 0;     // distinct withheld quantities
  int recovered = 0;   // pinned to one value (the truth)
  int narrowed = 0;    // narrower than the published rule says, not pinned
  std::vector<std::string> examples, unsound;
  int lp_solves = 0, mip_solves = 0;
  double seconds = 0;  // solving
  std::string summary() const;
};

// One monthly pack's folder and its period (year * 12 + month - 1).
struct MonthlyPack {
  std::filesystem::path dir;
  int month;
};

// Every ward_summary.csv cell of `packs` (count, previous, year_earlier,
// baseline_mean, year to date and rolling 12 months with the year before them
// (financial year from April, as the sample); the ALL row the sum of the
// wards) against the truth.
// `months_with_data`: the months any input row falls in (the others hold nothing).
Outcome attack_ward_tables(const std::vector<MonthlyPack>& packs, const Algebra& algebra,
                           const std::map<std::string, int>& min_count, const AtomTruth& truth,
                           const std::set<int>& months_with_data);

// Venue plans of one pack: per candidate venue, every plan's reach_incidents
// (and a mix's weighted reach) are sums of the signature atoms in its catchment.
// `truth[venue][signature]`: incidents there over the look-back.
Outcome attack_venue_plans(const std::filesystem::path& pack, const Algebra& algebra,
                           const std::map<std::string, std::map<std::string, double>>& plans,
                           const std::map<std::string, int>& min_count,
                           const std::map<std::string, std::map<std::uint32_t, long>>& truth);

}  // namespace hotspot::attack
