#pragma once
// How many points contribute to each cell of a KDE surface: the count of
// points strictly within the kernel's support of the cell centre. The KDE's
// splatting (a disc of cells per point, never the whole grid), counting 1
// instead of adding the kernel: O(points x cells in a disc).
#include <cstdint>
#include <vector>

#include "analysis/kde.hpp"
#include "core/grid.hpp"

namespace hotspot {

// Points with a non-finite position or zero weight contribute nothing to the
// KDE and are not counted. A point at exactly `support` adds zero kernel and
// is not counted either.
std::vector<std::uint32_t> support_counts(const std::vector<WeightedPoint>& points, const GridSpec& spec,
                                          double support);

}  // namespace hotspot
