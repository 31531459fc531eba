#include "geo/contiguity.hpp"

namespace hotspot {

SpatialWeights queen_contiguity(const WardSet& wards) {
  const GeosContext& ctx = wards.context();
  SpatialWeights w;
  w.neighbours.resize(wards.size());
  std::vector<std::uint32_t> near;
  // Each pair is tested once, from its lower ward, with the predicate and
  // direction of the pair loop this replaced; near() is in ward order, so every
  // neighbours[i] comes out ascending, as before.
  for (std::uint32_t i = 0; i < wards.size(); ++i) {
    wards.near(wards.envelope(i), near);
    for (const std::uint32_t j : near) {
      if (j <= i) continue;
      if (predicate_result(ctx, GEOSPreparedIntersects_r(ctx.get(), wards.prepared(i), wards.geom(j)),
                           "ward contiguity")) {
        w.neighbours[i].emplace_back(static_cast<int>(j), 1.0);
        w.neighbours[j].emplace_back(static_cast<int>(i), 1.0);
      }
    }
  }
  return w;
}

}  // namespace hotspot
