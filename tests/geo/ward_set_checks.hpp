#pragma once
// Slow, obviously right versions of what WardSet does, shared by the sample
// test (hotspot_unit_tests) and the London one (real data).
#include <random>
#include <vector>

#include "analysis/local_stats.hpp"
#include "core/incident.hpp"
#include "core/ward.hpp"
#include "geo/geos_handle.hpp"
#include "geo/ward_set.hpp"

namespace hotspot::test {

// Queen contiguity by testing every pair (plain, unprepared GEOS intersects).
inline SpatialWeights brute_force_queen(const GeosContext& ctx, const std::vector<Ward>& wards) {
  std::vector<GeomPtr> geoms;
  for (const Ward& w : wards) geoms.push_back(geom_from_wkb(ctx, w.wkb));
  SpatialWeights out;
  out.neighbours.resize(wards.size());
  for (std::size_t i = 0; i < wards.size(); ++i)
    for (std::size_t j = 0; j < wards.size(); ++j)
      if (i != j && GEOSIntersects_r(ctx.get(), geoms[i].get(), geoms[j].get()) == 1)
        out.neighbours[i].emplace_back(static_cast<int>(j), 1.0);
  return out;
}

inline bool same_weights(const SpatialWeights& a, const SpatialWeights& b) {
  return a.neighbours == b.neighbours;
}

// Points where WardSet::locate differs from "the first ward in code order
// whose polygon covers the point": `random` points over the extent (and a
// margin), then every vertex of every ward (all on boundaries).
inline std::size_t lookup_mismatches(const GeosContext& ctx, const WardSet& set, const std::vector<Ward>& wards,
                                     int random, unsigned seed) {
  std::vector<GeomPtr> geoms;
  for (const Ward& w : wards) geoms.push_back(geom_from_wkb(ctx, w.wkb));
  auto rule = [&](double x, double y) {
    const GeomPtr p = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), x, y), "point");
    for (std::uint32_t i = 0; i < geoms.size(); ++i)
      if (GEOSCovers_r(ctx.get(), geoms[i].get(), p.get()) == 1) return i;
    return kNoWard;
  };
  std::size_t bad = 0;
  std::mt19937_64 rng(seed);
  const Bounds& e = set.extent();
  std::uniform_real_distribution<double> ux(e.min_x - 500, e.max_x + 500), uy(e.min_y - 500, e.max_y + 500);
  for (int i = 0; i < random; ++i) {
    const double x = ux(rng), y = uy(rng);
    bad += set.locate(x, y) != rule(x, y);
  }
  for (const GeomPtr& g : geoms) {
    const GeomPtr pts = own(ctx, GEOSGeom_extractUniquePoints_r(ctx.get(), g.get()), "vertices");
    for (int k = 0; k < GEOSGetNumGeometries_r(ctx.get(), pts.get()); ++k) {
      double x = 0, y = 0;
      const GEOSGeometry* p = GEOSGetGeometryN_r(ctx.get(), pts.get(), k);
      GEOSGeomGetX_r(ctx.get(), p, &x);
      GEOSGeomGetY_r(ctx.get(), p, &y);
      bad += set.locate(x, y) != rule(x, y);
    }
  }
  return bad;
}

}  // namespace hotspot::test
