#include "geo/contiguity.hpp"

#include "geo/ward_overlap.hpp"

namespace hotspot {

SpatialWeights queen_contiguity(const GeosContext& ctx, const std::vector<Ward>& wards) {
  std::vector<GeomPtr> geoms;
  std::vector<Bounds> boxes;
  for (const Ward& w : wards) {
    geoms.push_back(geom_from_wkb(ctx, w.wkb));
    boxes.push_back(envelope(ctx, geoms.back().get()));
  }
  SpatialWeights w;
  w.neighbours.resize(wards.size());
  for (std::size_t i = 0; i < wards.size(); ++i) {
    const PreparedPtr p = prepare(ctx, geoms[i].get());
    for (std::size_t j = i + 1; j < wards.size(); ++j) {
      const Bounds& a = boxes[i];
      const Bounds& b = boxes[j];
      if (a.min_x > b.max_x || b.min_x > a.max_x || a.min_y > b.max_y || b.min_y > a.max_y) continue;
      if (predicate_result(ctx, GEOSPreparedIntersects_r(ctx.get(), p.get(), geoms[j].get()), "ward contiguity")) {
        w.neighbours[i].emplace_back(static_cast<int>(j), 1.0);
        w.neighbours[j].emplace_back(static_cast<int>(i), 1.0);
      }
    }
  }
  return w;
}

}  // namespace hotspot
