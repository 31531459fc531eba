#pragma once
// Corrections for testing many cells or wards at once.
#include <string_view>
#include <vector>

namespace hotspot {

enum class Correction { FalseDiscoveryRate, Bonferroni, None };
Correction parse_correction(std::string_view name);  // "fdr", "bonferroni", "none"

// Adjusted p-values: Benjamini-Hochberg (monotone step-up, capped at 1),
// Bonferroni (p * m, capped at 1), or unchanged.
std::vector<double> adjust_p_values(const std::vector<double>& p, Correction c);

}  // namespace hotspot
