#include "analysis/multiple_testing.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>

#include "core/error.hpp"

namespace hotspot {

Correction parse_correction(std::string_view name) {
  if (name == "fdr" || name == "bh") return Correction::FalseDiscoveryRate;
  if (name == "bonferroni") return Correction::Bonferroni;
  if (name == "none") return Correction::None;
  throw usage_error("statistics", fmt::format("'{}' is not a correction: use fdr, bonferroni or none", name));
}

std::vector<double> adjust_p_values(const std::vector<double>& p, Correction c) {
  const std::size_t m = p.size();
  std::vector<double> out(p);
  if (m == 0 || c == Correction::None) return out;
  if (c == Correction::Bonferroni) {
    for (double& v : out) v = std::min(1.0, v * static_cast<double>(m));
    return out;
  }
  // Benjamini-Hochberg step-up: q_(i) = min over j >= i of p_(j) * m / j, capped at 1.
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  double running = 1.0;
  for (std::size_t k = m; k-- > 0;) {
    const double q = p[order[k]] * static_cast<double>(m) / static_cast<double>(k + 1);
    running = std::min(running, q);
    out[order[k]] = std::min(1.0, running);
  }
  return out;
}

}  // namespace hotspot
