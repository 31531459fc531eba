#pragma once
// Attack 5 (issue 23): a pack written although the engine itself warned that
// a withheld count can be deduced. The classic case is a rare theme with m-1
// incidents in m-1 wards: every nonzero ward reads "<m", so does the ALL row,
// and m-1 cells each at least 1 summing to at most m-1 are each exactly 1.
// Zeros are never withheld, so the engine has nothing left to withhold and
// only warns. The attacker reads the warning in manifest.json (and the
// console), then recovers the cells with the ward-table LP (ward_model.hpp).
#include <string>
#include <vector>

#include "attack/pack.hpp"

namespace hotspot::attack {

// The manifest's warnings that say a withheld count can still be deduced.
std::vector<std::string> deducible_warnings(const Manifest& m);

}  // namespace hotspot::attack
