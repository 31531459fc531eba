#include "geo/crs_transform.hpp"

#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <vector>

#include "core/error.hpp"

namespace hotspot {
namespace {

std::string proj_message(PJ_CONTEXT* ctx) {
  return proj_context_errno_string(ctx, proj_context_errno(ctx));
}

// PROJ objects freed in reverse order of creation, whatever path is taken.
struct ProjScope {
  PJ_CONTEXT* ctx = proj_context_create();
  std::vector<PJ*> objects;
  PJ* keep(PJ* p) {
    if (p) objects.push_back(p);
    return p;
  }
  ~ProjScope() {
    for (auto it = objects.rbegin(); it != objects.rend(); ++it) proj_destroy(*it);
    proj_context_destroy(ctx);
  }
};

}  // namespace

void require_projected_metric_crs(const std::string& crs, const std::string& setting) {
  constexpr const char* kAdvice = "Use a projected CRS in metres, e.g. EPSG:27700 (British National Grid).";
  ProjScope p;
  proj_log_level(p.ctx, PJ_LOG_NONE);
  PJ* obj = p.keep(proj_create(p.ctx, crs.c_str()));
  if (!obj || !proj_is_crs(obj))
    throw usage_error("crs", fmt::format("{} = '{}' is not a CRS PROJ knows. {}", setting, crs, kAdvice));
  // Look through wrappers: a bound CRS (with towgs84) or a compound CRS
  // (horizontal + height) is as metric as its horizontal part.
  if (proj_get_type(obj) == PJ_TYPE_BOUND_CRS) obj = p.keep(proj_get_source_crs(p.ctx, obj));
  if (obj && proj_get_type(obj) == PJ_TYPE_COMPOUND_CRS) obj = p.keep(proj_crs_get_sub_crs(p.ctx, obj, 0));
  if (!obj || proj_get_type(obj) != PJ_TYPE_PROJECTED_CRS) {
    const bool geographic = obj && (proj_get_type(obj) == PJ_TYPE_GEOGRAPHIC_2D_CRS ||
                                    proj_get_type(obj) == PJ_TYPE_GEOGRAPHIC_3D_CRS);
    throw usage_error("crs", fmt::format("{} = '{}' is {}, but the analysis measures cells, bandwidths and areas "
                                         "in metres. {}", setting, crs,
                                         geographic ? "a geographic CRS (degrees)" : "not a projected CRS", kAdvice));
  }
  PJ* cs = p.keep(proj_crs_get_coordinate_system(p.ctx, obj));
  const int axes = cs ? proj_cs_get_axis_count(p.ctx, cs) : 0;
  for (int i = 0; i < axes; ++i) {
    const char* unit = nullptr;
    double factor = 0;
    proj_cs_get_axis_info(p.ctx, cs, i, nullptr, nullptr, nullptr, &factor, &unit, nullptr, nullptr);
    if (std::fabs(factor - 1.0) > 1e-9)
      throw usage_error("crs", fmt::format("{} = '{}' has axes in {}, but the analysis measures in metres. {}",
                                           setting, crs, unit ? unit : "units other than metres", kAdvice));
  }
}

CrsTransform::CrsTransform(const std::string& from, const std::string& to)
    : ctx_(proj_context_create()) {
  proj_log_level(ctx_, PJ_LOG_NONE);
  PJ* raw = proj_create_crs_to_crs(ctx_, from.c_str(), to.c_str(), nullptr);
  if (!raw) {
    const std::string msg = proj_message(ctx_);
    proj_context_destroy(ctx_);
    throw bad_input("crs", fmt::format("cannot transform from '{}' to '{}': {}. Use an authority "
                                       "code such as EPSG:27700 or EPSG:4326.", from, to, msg));
  }
  pj_ = proj_normalize_for_visualization(ctx_, raw);
  proj_destroy(raw);

  PJ* src = proj_create(ctx_, from.c_str());
  PJ* dst = proj_create(ctx_, to.c_str());
  noop_ = src && dst && proj_is_equivalent_to(src, dst, PJ_COMP_EQUIVALENT);

  // The area of use comes in lon/lat; express it in source coordinates so each
  // point is checked with a box test rather than a transformation.
  double west = -180, south = -90, east = 180, north = 90;
  const char* name = nullptr;
  const bool have_area = src && proj_get_area_of_use(ctx_, src, &west, &south, &east, &north, &name);
  if (!have_area || west > east) {
    west = -180, south = -90, east = 180, north = 90;
  }
  const bool geographic = src && (proj_get_type(src) == PJ_TYPE_GEOGRAPHIC_2D_CRS ||
                                  proj_get_type(src) == PJ_TYPE_GEOGRAPHIC_3D_CRS);
  if (geographic) {
    valid_ = Bounds{std::max(-180.0, west - 1), std::max(-90.0, south - 1),
                    std::min(180.0, east + 1), std::min(90.0, north + 1)};
  } else {
    PJ* lonlat_to_src_raw = proj_create_crs_to_crs(ctx_, "EPSG:4326", from.c_str(), nullptr);
    PJ* lonlat_to_src = lonlat_to_src_raw ? proj_normalize_for_visualization(ctx_, lonlat_to_src_raw)
                                          : nullptr;
    // A margin of one degree: extracts are often a little outside the official area.
    if (!lonlat_to_src ||
        !proj_trans_bounds(ctx_, lonlat_to_src, PJ_FWD, west - 1, south - 1, east + 1, north + 1,
                           &valid_.min_x, &valid_.min_y, &valid_.max_x, &valid_.max_y, 21)) {
      const double inf = std::numeric_limits<double>::infinity();
      valid_ = Bounds{-inf, -inf, inf, inf};
    }
    if (lonlat_to_src) proj_destroy(lonlat_to_src);
    if (lonlat_to_src_raw) proj_destroy(lonlat_to_src_raw);
  }
  if (src) proj_destroy(src);
  if (dst) proj_destroy(dst);
}

CrsTransform::~CrsTransform() {
  proj_destroy(pj_);
  proj_context_destroy(ctx_);
}

void CrsTransform::apply(double* x, double* y, std::size_t n, std::size_t stride) const {
  if (n == 0) return;
  const std::size_t step = stride * sizeof(double);
  proj_trans_generic(pj_, PJ_FWD, x, step, n, y, step, n, nullptr, 0, 0, nullptr, 0, 0);
  for (std::size_t i = 0; i < n; ++i) {
    double& xi = x[i * stride];
    double& yi = y[i * stride];
    if (!std::isfinite(xi) || !std::isfinite(yi) || xi == HUGE_VAL) {
      xi = yi = std::numeric_limits<double>::infinity();
    }
  }
}

}  // namespace hotspot
