#pragma once
// Outlines of a cluster of points: convex hull and concave hull (GEOS), and
// the standard deviational ellipse.
//
// Cost is bounded at London scale (clusters of hundreds of thousands of
// incidents on police.uk's snap points): both hulls are computed on the
// cluster's DISTINCT locations, which gives the same hulls as before, since
// GEOS's hull algorithms ignore repeated points. A concave hull of more than
// kConcaveHullMaxPoints distinct locations is computed on a thinned set: the
// locations are bucketed in square cells, the cell side doubled until at most
// kConcaveHullMaxPoints / 4 cells are occupied, and each cell keeps its
// westmost, eastmost, southmost and northmost location. That outline is a
// concave hull of real incident locations, but a location thinned away may
// fall outside it by up to about one cell; smaller clusters are unchanged.
#include <cstddef>
#include <vector>

#include "analysis/kde.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

inline constexpr std::size_t kConcaveHullMaxPoints = 8000;

// Points that coincide or lie on a line have no area: such hulls are buffered
// by `min_radius` metres so a cluster on one snap point still shows on a map.
GeomPtr convex_hull(const GeosContext& ctx, const std::vector<WeightedPoint>& pts, double min_radius);
// GEOS concave hull with the given edge-length ratio (0 = tightest, 1 = convex),
// thinned above kConcaveHullMaxPoints distinct locations (see above).
GeomPtr concave_hull(const GeosContext& ctx, const std::vector<WeightedPoint>& pts, double ratio, double min_radius);

struct Ellipse {
  double cx = 0, cy = 0;      // mean centre
  double major = 0, minor = 0;  // semi-axes, metres
  double angle_deg = 0;       // of the major axis, counter-clockwise from east
};

// One-standard-deviation ellipse: principal axes of the points' covariance
// (population), semi-axes sqrt(2) times the standard deviation along each
// axis, the ArcGIS (10.0+) convention under which the ellipse holds about 63%
// of a bivariate normal sample.
Ellipse deviational_ellipse(const std::vector<WeightedPoint>& pts);
// The ellipse as a polygon of `vertices` points (semi-axes at least min_radius).
GeomPtr ellipse_polygon(const GeosContext& ctx, const Ellipse& e, double min_radius, int vertices = 72);

}  // namespace hotspot
