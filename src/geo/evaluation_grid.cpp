#include "geo/evaluation_grid.hpp"

#include <array>

namespace hotspot {

EvalGrid evaluation_grid(const WardIndex& wards, double study_area_m2, double cell) {
  constexpr int kSamples = 4;
  const Bounds& e = wards.extent();
  EvalGrid g;
  g.spec = aligned_grid(e.min_x, e.min_y, e.max_x, e.max_y, cell, 0);
  g.wards = wards.ward_count();
  g.study_area_m2 = study_area_m2;
  g.compact.assign(g.spec.size(), -1);
  std::array<std::uint32_t, kSamples * kSamples> found{};
  for (int row = 0; row < g.spec.ny; ++row)
    for (int col = 0; col < g.spec.nx; ++col) {
      std::size_t n = 0;
      for (int sr = 0; sr < kSamples; ++sr)
        for (int sc = 0; sc < kSamples; ++sc) {
          const double x = g.spec.origin_x + (col + (sc + 0.5) / kSamples) * cell;
          const double y = g.spec.origin_y - (row + (sr + 0.5) / kSamples) * cell;
          if (const std::uint32_t w = wards.locate(x, y); w != kNoWard) found[n++] = w;
        }
      if (n == 0) continue;
      std::uint32_t best = found[0];
      std::size_t best_count = 0;
      for (std::size_t i = 0; i < n; ++i) {
        std::size_t c = 0;
        for (std::size_t j = 0; j < n; ++j) c += found[j] == found[i];
        if (c > best_count || (c == best_count && found[i] < best)) best = found[i], best_count = c;
      }
      g.compact[g.spec.index(row, col)] = static_cast<std::int64_t>(g.ward.size());
      g.ward.push_back(best);
    }
  return g;
}

}  // namespace hotspot
