#include "io/geometry_check.hpp"

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <fmt/format.h>

namespace hotspot {
namespace {

std::string point_text(const OGRSimpleCurve& c, int i) { return fmt::format("({:g}, {:g})", c.getX(i), c.getY(i)); }

std::string curve_problem(const OGRSimpleCurve& c) {
  for (int i = 0; i < c.getNumPoints(); ++i)
    if (!std::isfinite(c.getX(i)) || !std::isfinite(c.getY(i)))
      return fmt::format("point {} is not a finite number", i + 1);
  return {};
}

std::string ring_problem(const OGRLinearRing& ring) {
  if (std::string p = curve_problem(ring); !p.empty()) return p;
  const int n = ring.getNumPoints();
  if (n < 4) return fmt::format("has {} points; a ring needs at least 4, the first repeated at the end", n);
  if (ring.getX(0) != ring.getX(n - 1) || ring.getY(0) != ring.getY(n - 1))
    return fmt::format("is not closed: it starts at {} and ends at {}", point_text(ring, 0), point_text(ring, n - 1));
  return {};
}

std::string polygon_problem(const OGRPolygon& poly) {
  for (int r = 0; r <= poly.getNumInteriorRings(); ++r) {
    const OGRLinearRing* ring = r == 0 ? poly.getExteriorRing() : poly.getInteriorRing(r - 1);
    if (!ring) continue;
    if (std::string p = ring_problem(*ring); !p.empty())
      return fmt::format("{} {}", r == 0 ? std::string("the outer ring") : fmt::format("hole {}", r), p);
  }
  return {};
}

}  // namespace

std::string geometry_problem(const OGRGeometry& g) {
  switch (wkbFlatten(g.getGeometryType())) {
    case wkbPolygon: return polygon_problem(*g.toPolygon());
    case wkbLineString: return curve_problem(*g.toLineString());
    case wkbPoint: {
      const OGRPoint& p = *g.toPoint();
      const bool finite = g.IsEmpty() || (std::isfinite(p.getX()) && std::isfinite(p.getY()));
      return finite ? "" : "the point is not a finite number";
    }
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbMultiPoint:
    case wkbGeometryCollection: {
      const OGRGeometryCollection& parts = *g.toGeometryCollection();
      for (int i = 0; i < parts.getNumGeometries(); ++i)
        if (std::string p = geometry_problem(*parts.getGeometryRef(i)); !p.empty())
          return parts.getNumGeometries() == 1 ? p : fmt::format("part {}: {}", i + 1, p);
      return {};
    }
    default: return {};
  }
}

std::string crs_label(const std::string& configured, const OGRSpatialReference* layer_srs) {
  if (!configured.empty()) return configured;
  const char* name = layer_srs ? layer_srs->GetName() : nullptr;
  return name && *name ? fmt::format("the layer's CRS ({})", name) : "the layer's CRS";
}

}  // namespace hotspot
