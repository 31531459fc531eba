#include "geo/apportion.hpp"

#include "core/error.hpp"
#include "geo/envelope.hpp"

namespace hotspot {
namespace {

double area_of(const GeosContext& ctx, const GEOSGeometry* g) {
  double a = 0;
  if (!GEOSArea_r(ctx.get(), g, &a)) throw internal_error("geos", "area of a small area failed: " + ctx.last_error());
  return a;
}

}  // namespace

// Each small area is tested only against the wards whose envelope meets its
// own (the ward set's R-tree), and a prepared covers test settles the usual
// case, a small area inside one ward, without an intersection: O(n log w).
Apportionment apportion(const GeosContext& ctx, const WardSet& wards, const std::vector<SmallArea>& areas,
                        double nest_tolerance) {
  Apportionment out;
  out.count.assign(wards.size(), 0);
  out.split.assign(wards.size(), 0);
  std::vector<std::uint32_t> near;
  std::vector<std::pair<std::uint32_t, double>> shares;
  out.in_wards.assign(areas.size(), 0);
  out.nested_whole.assign(areas.size(), 0);
  for (std::size_t k = 0; k < areas.size(); ++k) {
    const SmallArea& sa = areas[k];
    const GeomPtr g = geom_from_wkb(ctx, sa.wkb);
    wards.near(envelope(ctx, g.get()), near);
    const std::uint32_t* inside = nullptr;
    for (const std::uint32_t& w : near)
      if (predicate_result(ctx, GEOSPreparedCovers_r(ctx.get(), wards.prepared(w), g.get()), "ward covers small area")) {
        inside = &w;
        break;
      }
    if (inside) {
      out.count[*inside] += sa.count;
      ++out.nested;
      out.in_wards[k] = 1;
      out.nested_whole[k] = 1;
      continue;
    }
    const double total = area_of(ctx, g.get());
    shares.clear();
    double in_wards = 0;
    for (std::uint32_t w : near) {
      if (!predicate_result(ctx, GEOSPreparedIntersects_r(ctx.get(), wards.prepared(w), g.get()), "ward meets small area"))
        continue;
      const GeomPtr part = own(ctx, GEOSIntersection_r(ctx.get(), wards.geom(w), g.get()), "small area in ward");
      const double share = total > 0 ? area_of(ctx, part.get()) / total : 0;
      if (share > 0) shares.emplace_back(w, share), in_wards += share;
    }
    if (in_wards <= nest_tolerance) {  // outside but for slivers: a neighbour's small area
      ++out.outside;
      continue;
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < shares.size(); ++i)
      if (shares[i].second > shares[best].second) best = i;
    if (shares[best].second >= 1 - nest_tolerance) {  // nested but for slivers of another resolution
      out.count[shares[best].first] += sa.count;
      ++out.nested;
      out.in_wards[k] = 1;
      out.nested_whole[k] = 1;
      continue;
    }
    out.in_wards[k] = std::min(1.0, in_wards);
    ++out.split_areas;
    for (const auto& [w, share] : shares) {
      out.count[w] += sa.count * share;
      out.split[w] += sa.count * share;
    }
    out.count_outside += sa.count * std::max(0.0, 1 - in_wards);
  }
  return out;
}

}  // namespace hotspot
