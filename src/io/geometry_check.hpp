#pragma once
// Geometry that GEOS cannot take, found while it is still an OGR geometry,
// so the message can name the feature and the ring: GEOS refuses an unclosed
// ring with an exception that names neither, which used to end a run with an
// internal error. Invalid but well-formed polygons (self-intersections) are
// GEOS MakeValid's to repair, not this check's.
#include <string>

class OGRGeometry;
class OGRSpatialReference;

namespace hotspot {

// The first thing wrong with `g`, in words ("the outer ring of part 2 is not
// closed: it starts at (530000, 180000) and ends at (530000, 181000)"), or
// empty: a polygon ring with fewer than 4 points or whose last point is not
// its first, a coordinate that is not a finite number.
std::string geometry_problem(const OGRGeometry& g);

// The CRS of a layer, short, for messages: its name ("OSGB36 / British
// National Grid"), or `configured` when the config set one.
std::string crs_label(const std::string& configured, const OGRSpatialReference* layer_srs);

}  // namespace hotspot
