#include "geo/ward_overlap.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace hotspot {
namespace {

// Overlaps smaller than this are digitising slivers between neighbours, not
// wards that overlap.
constexpr double kOverlapM2 = 1.0;

}  // namespace

WardOverlapResult WardOverlap::of(const GEOSGeometry* g) const {
  std::vector<std::uint32_t> candidates;
  wards_.near(envelope(ctx_, g), candidates);  // in ward order, as the result must be
  WardOverlapResult r;
  double best = 0;
  for (const std::uint32_t w : candidates) {
    GeomPtr overlap = own(ctx_, GEOSIntersection_r(ctx_.get(), g, wards_.geom(w)), "overlap with a ward");
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

void warn_overlapping_wards(const WardSet& set, const std::vector<Ward>& wards, Diagnostics& diag) {
  const GeosContext& ctx = set.context();
  std::vector<std::string> pairs;
  std::vector<std::uint32_t> near;
  for (std::uint32_t i = 0; i < set.size(); ++i) {
    set.near(set.envelope(i), near);
    for (const std::uint32_t j : near) {
      if (j <= i) continue;
      GeomPtr both = own(ctx, GEOSIntersection_r(ctx.get(), set.geom(i), set.geom(j)), "intersecting wards");
      double area = 0;
      GEOSArea_r(ctx.get(), both.get(), &area);
      if (area > kOverlapM2)
        pairs.push_back(fmt::format("{} ({}) and {} ({}) share {:.0f} m2", wards[i].code, wards[i].name,
                                    wards[j].code, wards[j].name, area));
    }
  }
  if (pairs.empty()) return;
  const std::size_t n = pairs.size();
  const std::vector<std::string> shown(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(n, 10)));
  diag.warn(fmt::format("{} pair{} of wards overlap: {}{}. A point in an overlap counts in the ward with the lowest "
                        "code only. Check the boundary file (or wards.where, which may select two editions).",
                        n, n == 1 ? "" : "s", fmt::join(shown, "; "),
                        shown.size() < n ? fmt::format("; and {} more", n - shown.size()) : ""));
}

}  // namespace hotspot
