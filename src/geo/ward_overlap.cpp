#include "geo/ward_overlap.hpp"

namespace hotspot {

Bounds envelope(const GeosContext& ctx, const GEOSGeometry* g) {
  Bounds b;
  GEOSGeom_getXMin_r(ctx.get(), g, &b.min_x);
  GEOSGeom_getYMin_r(ctx.get(), g, &b.min_y);
  GEOSGeom_getXMax_r(ctx.get(), g, &b.max_x);
  GEOSGeom_getYMax_r(ctx.get(), g, &b.max_y);
  return b;
}

WardOverlap::WardOverlap(const GeosContext& ctx, const std::vector<Ward>& wards) : ctx_(ctx) {
  for (const Ward& w : wards) {
    geoms_.push_back(geom_from_wkb(ctx, w.wkb));
    boxes_.push_back(envelope(ctx, geoms_.back().get()));
  }
}

WardOverlapResult WardOverlap::of(const GEOSGeometry* g) const {
  const Bounds e = envelope(ctx_, g);
  WardOverlapResult r;
  double best = 0;
  for (std::size_t w = 0; w < geoms_.size(); ++w) {
    const Bounds& b = boxes_[w];
    if (b.min_x > e.max_x || b.max_x < e.min_x || b.min_y > e.max_y || b.max_y < e.min_y) continue;
    GeomPtr overlap = own(ctx_, GEOSIntersection_r(ctx_.get(), g, geoms_[w].get()), "overlap with a ward");
    double a = 0;
    GEOSArea_r(ctx_.get(), overlap.get(), &a);
    if (a <= 0) continue;  // sharing only an edge is not being in the ward
    r.wards.push_back(w);
    if (a > best) {
      best = a;
      r.main = w;
    }
  }
  return r;
}

}  // namespace hotspot
