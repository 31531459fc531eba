#pragma once
// Outlines of a cluster of points: convex hull and concave hull (GEOS), and
// the standard deviational ellipse.
#include <vector>

#include "analysis/kde.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

// Points that coincide or lie on a line have no area: such hulls are buffered
// by `min_radius` metres so a cluster on one snap point still shows on a map.
GeomPtr convex_hull(const GeosContext& ctx, const std::vector<WeightedPoint>& pts, double min_radius);
// GEOS concave hull with the given edge-length ratio (0 = tightest, 1 = convex).
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
