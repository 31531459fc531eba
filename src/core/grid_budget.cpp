#include "core/grid_budget.hpp"

#include <climits>
#include <cmath>
#include <fmt/format.h>

#include "core/error.hpp"

namespace hotspot {

GridSize grid_size(double width, double height, double margin, double cell) {
  return GridSize{std::ceil((width + 2 * margin) / cell) + 1, std::ceil((height + 2 * margin) / cell) + 1};
}

void GridBudget::check(const GridSize& size, double cell, double bytes_per_cell, std::string_view what,
                       std::string_view settings) const {
  const double mb = size.cells() * bytes_per_cell / 1e6;
  // `!(a <= b)` is also true for NaN.
  const bool fits = mb <= limit_mb;
  if (fits && size.nx <= INT_MAX && size.ny <= INT_MAX) return;
  const std::string need = fmt::format(
      "{} ({}): grids of {:.0f} x {:.0f} cells of {:g} m over {} would need about {:.0f} MB, {}", what, settings,
      size.nx, size.ny, cell, extent.empty() ? "the study area" : extent, mb,
      fits ? fmt::format("more cells a side than a grid can hold ({})", INT_MAX)
           : fmt::format("over the limit kde.memory_budget_mb = {:g}", limit_mb));
  if (!outlier.empty())  // the wards are the problem, not the settings
    throw bad_input("grid", fmt::format("{}: {}. Fix that ward's geometry (a stray vertex?) or leave it out with "
                                        "wards.where; no setting makes such grids small.",
                                        outlier, need));
  throw usage_error("grid", fmt::format("{}. Set a larger cell or a smaller reach ({}), or raise "
                                        "kde.memory_budget_mb if the machine has the memory.",
                                        need, settings));
}

}  // namespace hotspot
