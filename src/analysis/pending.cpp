// TEMPORARY: weak placeholders so the tree links while the analysis modules are
// being written in parallel; each real definition overrides its placeholder.
// This file is deleted before the work is committed.
#include "analysis/dbscan.hpp"
#include "analysis/gistar_grid.hpp"
#include "analysis/hotspot_classes.hpp"
#include "analysis/kde.hpp"
#include "analysis/local_stats.hpp"
#include "analysis/multiple_testing.hpp"
#include "analysis/nnh.hpp"
#include "core/error.hpp"

#define PENDING throw internal_error("pending", __func__)
namespace hotspot {
__attribute__((weak)) DbscanResult dbscan(const std::vector<WeightedPoint>&, double, int) { PENDING; }
__attribute__((weak)) NnhResult nnh(const std::vector<WeightedPoint>&, const NnhParams&) { PENDING; }
__attribute__((weak)) Correction parse_correction(std::string_view) { PENDING; }
__attribute__((weak)) std::vector<double> adjust_p_values(const std::vector<double>&, Correction) { PENDING; }
__attribute__((weak)) SpatialWeights SpatialWeights::row_standardised() const { PENDING; }
__attribute__((weak)) LocalG local_g(const std::vector<double>&, const SpatialWeights&, bool) { PENDING; }
__attribute__((weak)) LocalMoran local_moran(const std::vector<double>&, const SpatialWeights&, int, std::uint64_t, double) { PENDING; }
__attribute__((weak)) GiStarGridResult gistar_grid(const Grid&, double, Correction) { PENDING; }
}  // namespace hotspot
