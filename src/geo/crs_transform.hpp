#pragma once
// Coordinate transformation with PROJ. Axis order is always x/easting then
// y/northing, lon then lat (proj_normalize_for_visualization), whatever the
// CRS definition says, because that is how extracts and GeoJSON store them.
#include <proj.h>

#include <memory>
#include <string>

namespace hotspot {

struct Bounds {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  bool contains(double x, double y) const {
    return x >= min_x && x <= max_x && y >= min_y && y <= max_y;
  }
};

// Throws a usage Error naming `setting` unless `crs` is a projected CRS whose
// axes are in metres: cells, bandwidths, distances and km2 all assume metres,
// and in degrees they silently give 0 km2 wards.
void require_projected_metric_crs(const std::string& crs, const std::string& setting);

// How far a projected CRS's scale departs from true over an area. Cells,
// bandwidths, radii and km2 are measured in the CRS, so a CRS made for the
// whole world (Web Mercator, EPSG:3857) misstates them: in London its areas
// are 2.6 times too large. PROJ's proj_factors gives the areal scale factor
// and the meridional and parallel (linear) ones at a point.
struct CrsDistortion {
  double worst = 0;  // the largest |factor - 1| of the three, over the points looked at
  double areal = 1, meridional = 1, parallel = 1;  // at that point
  double lon = 0, lat = 0;                         // that point, degrees
};
// At the centre, corners and edge midpoints of `extent` (in `crs`); points
// PROJ cannot place are skipped.
CrsDistortion crs_distortion(const std::string& crs, const Bounds& extent);
// National grids and UTM zones stay within 0.2% over their areas (British
// National Grid 0.9992 to 1.0014 in area over Great Britain); 1% is past
// anything made for the area and far short of Web Mercator's 160% in London.
inline constexpr double kMaxCrsDistortion = 0.01;
// Throws a usage Error naming `setting` when crs_distortion over `extent` is
// over kMaxCrsDistortion, with the factors, where, and a CRS to use instead.
void require_true_scale(const std::string& crs, const Bounds& extent, const std::string& setting);

// RAII for PROJ: a context, and an object (which remembers its context; PROJ
// frees it without one). Declare the context first so it is destroyed last.
struct ProjContextDeleter {
  void operator()(PJ_CONTEXT* c) const { proj_context_destroy(c); }
};
struct ProjDeleter {
  void operator()(PJ* p) const { proj_destroy(p); }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;
using ProjPtr = std::unique_ptr<PJ, ProjDeleter>;

// Error number of the GDAL warnings PROJ's log becomes (see CrsTransform), so
// they read "PROJ: ..." rather than "GDAL: ...".
inline constexpr int kProjLogError = 0x50524f4a;  // "PROJ"

class CrsTransform {
 public:
  // `from` and `to` are anything PROJ accepts: "EPSG:27700", WKT, PROJJSON.
  CrsTransform(const std::string& from, const std::string& to);
  CrsTransform(const CrsTransform&) = delete;
  CrsTransform& operator=(const CrsTransform&) = delete;

  // Transforms in place; points PROJ cannot transform become infinity.
  void apply(double* x, double* y, std::size_t n, std::size_t stride = 1) const;
  void apply(double& x, double& y) const { apply(&x, &y, 1); }
  // The source CRS's area of use, in source coordinates, grown by a margin.
  // Points outside it cannot be right for that CRS.
  const Bounds& source_valid_bounds() const { return valid_; }
  bool is_noop() const { return noop_; }

 private:
  ProjContextPtr ctx_;
  ProjPtr pj_;
  Bounds valid_;
  bool noop_ = false;
};

}  // namespace hotspot
