#include "geo/crs_transform.hpp"

#include <cpl_error.h>

#include <algorithm>
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

// PROJ's log has errors and debug lines, no warnings. While a transformation
// is being made, its error lines are kept; if it is made, they are raised as
// GDAL warnings, which a run's handler turns into run warnings
// (app/context/gdal_warnings.hpp): something PROJ could not use, though it found a
// way. If it is not made, our own error reports the failure, once. Points
// are transformed with the log off: a point PROJ cannot transform becomes
// infinity and the caller's reject, not a warning per row.
void keep_proj_log(void* lines, int level, const char* message) {
  if (level == PJ_LOG_ERROR && message && *message) static_cast<std::vector<std::string>*>(lines)->emplace_back(message);
}
void drop_proj_log(void*, int, const char*) {}

// A quiet context: PROJ calls whose failures we report ourselves.
ProjContextPtr quiet_context() {
  ProjContextPtr ctx(proj_context_create());
  if (!ctx) throw internal_error("crs", "PROJ could not create a context");
  proj_log_level(ctx.get(), PJ_LOG_NONE);
  return ctx;
}

// PROJ objects of one inspection, freed in reverse order of creation whatever path is taken.
struct ProjScope {
  ProjContextPtr ctx = quiet_context();
  std::vector<ProjPtr> objects;
  PJ* keep(PJ* p) {
    if (p) objects.emplace_back(p);
    return p;
  }
  ~ProjScope() {
    while (!objects.empty()) objects.pop_back();
  }
};

}  // namespace

void require_projected_metric_crs(const std::string& crs, const std::string& setting) {
  constexpr const char* kAdvice = "Use a projected CRS in metres, e.g. EPSG:27700 (British National Grid).";
  ProjScope p;
  PJ* obj = p.keep(proj_create(p.ctx.get(), crs.c_str()));
  if (!obj || !proj_is_crs(obj))
    throw usage_error("crs", fmt::format("{} = '{}' is not a CRS PROJ knows. {}", setting, crs, kAdvice));
  // Look through wrappers: a bound CRS (with towgs84) or a compound CRS
  // (horizontal + height) is as metric as its horizontal part.
  if (proj_get_type(obj) == PJ_TYPE_BOUND_CRS) obj = p.keep(proj_get_source_crs(p.ctx.get(), obj));
  if (obj && proj_get_type(obj) == PJ_TYPE_COMPOUND_CRS) obj = p.keep(proj_crs_get_sub_crs(p.ctx.get(), obj, 0));
  if (!obj || proj_get_type(obj) != PJ_TYPE_PROJECTED_CRS) {
    const bool geographic = obj && (proj_get_type(obj) == PJ_TYPE_GEOGRAPHIC_2D_CRS ||
                                    proj_get_type(obj) == PJ_TYPE_GEOGRAPHIC_3D_CRS);
    throw usage_error("crs", fmt::format("{} = '{}' is {}, but the analysis measures cells, bandwidths and areas "
                                         "in metres. {}", setting, crs,
                                         geographic ? "a geographic CRS (degrees)" : "not a projected CRS", kAdvice));
  }
  PJ* cs = p.keep(proj_crs_get_coordinate_system(p.ctx.get(), obj));
  const int axes = cs ? proj_cs_get_axis_count(p.ctx.get(), cs) : 0;
  for (int i = 0; i < axes; ++i) {
    const char* unit = nullptr;
    double factor = 0;
    proj_cs_get_axis_info(p.ctx.get(), cs, i, nullptr, nullptr, nullptr, &factor, &unit, nullptr, nullptr);
    if (std::fabs(factor - 1.0) > 1e-9)
      throw usage_error("crs", fmt::format("{} = '{}' has axes in {}, but the analysis measures in metres. {}",
                                           setting, crs, unit ? unit : "units other than metres", kAdvice));
  }
}

CrsDistortion crs_distortion(const std::string& crs, const Bounds& extent) {
  CrsDistortion d;
  ProjScope p;
  PJ* projected = p.keep(proj_create(p.ctx.get(), crs.c_str()));
  if (!projected) return d;
  const CrsTransform to_lonlat(crs, "EPSG:4326");
  for (const double fx : {0.5, 0.0, 1.0})
    for (const double fy : {0.5, 0.0, 1.0}) {
      double lon = extent.min_x + fx * (extent.max_x - extent.min_x);
      double lat = extent.min_y + fy * (extent.max_y - extent.min_y);
      to_lonlat.apply(lon, lat);
      if (!std::isfinite(lon) || !std::isfinite(lat)) continue;
      proj_errno_reset(projected);
      const PJ_FACTORS f = proj_factors(projected, proj_coord(lon * M_PI / 180, lat * M_PI / 180, 0, 0));
      if (proj_errno(projected) != 0 || !std::isfinite(f.areal_scale)) continue;
      const double worst = std::max({std::fabs(f.areal_scale - 1), std::fabs(f.meridional_scale - 1),
                                     std::fabs(f.parallel_scale - 1)});
      if (worst > d.worst)
        d = CrsDistortion{worst, f.areal_scale, f.meridional_scale, f.parallel_scale, lon, lat};
    }
  return d;
}

void require_true_scale(const std::string& crs, const Bounds& extent, const std::string& setting) {
  const CrsDistortion d = crs_distortion(crs, extent);
  if (d.worst <= kMaxCrsDistortion) return;
  const double centre_lon = d.lon;  // the UTM zone of the worst point: the area is small next to a zone
  const int zone = std::clamp(static_cast<int>(std::floor((centre_lon + 180) / 6)) + 1, 1, 60);
  throw usage_error("crs", fmt::format(
      "{} = '{}' misstates distances and areas over the study area: at {:.4f}, {:.4f} (lon, lat) its areal scale "
      "factor is {:.4f} (areas {:.1f}% too {}) and its linear scale {:.4f} north-south, {:.4f} east-west; the limit "
      "is {:g}% either way. Cells, bandwidths and km2 would be wrong. Use a CRS made for the area: the national grid "
      "(EPSG:27700 in Great Britain) or its UTM zone, EPSG:{}.",
      setting, crs, d.lon, d.lat, d.areal, std::fabs(d.areal - 1) * 100, d.areal > 1 ? "large" : "small",
      d.meridional, d.parallel, kMaxCrsDistortion * 100, (d.lat >= 0 ? 32600 : 32700) + zone));
}

CrsTransform::CrsTransform(const std::string& from, const std::string& to) : ctx_(quiet_context()) {
  PJ_CONTEXT* ctx = ctx_.get();
  std::vector<std::string> log;
  // Off again however the constructor ends, before `log` goes.
  struct LogOffOnExit {
    PJ_CONTEXT* ctx;
    ~LogOffOnExit() {
      proj_log_level(ctx, PJ_LOG_NONE);
      proj_log_func(ctx, nullptr, &drop_proj_log);
    }
  };
  proj_log_func(ctx, &log, &keep_proj_log);
  proj_log_level(ctx, PJ_LOG_ERROR);
  ProjPtr src, dst;
  {
    const LogOffOnExit off{ctx};
    const ProjPtr raw(proj_create_crs_to_crs(ctx, from.c_str(), to.c_str(), nullptr));
    if (!raw)
      throw bad_input("crs", fmt::format("cannot transform from '{}' to '{}': {}. Use an authority "
                                         "code such as EPSG:27700 or EPSG:4326.", from, to, proj_message(ctx)));
    pj_.reset(proj_normalize_for_visualization(ctx, raw.get()));
    if (!pj_) throw bad_input("crs", fmt::format("cannot transform from '{}' to '{}': {}.", from, to, proj_message(ctx)));

    src.reset(proj_create(ctx, from.c_str()));
    dst.reset(proj_create(ctx, to.c_str()));
    noop_ = src && dst && proj_is_equivalent_to(src.get(), dst.get(), PJ_COMP_EQUIVALENT);
  }
  // PROJ's messages from making the transformation itself; the area of use
  // below may fail, with PROJ logging per point, and then falls back to no
  // bounds, so its log stays off.
  for (const std::string& line : log) CPLError(CE_Warning, kProjLogError, "%s", line.c_str());

  // The area of use comes in lon/lat; express it in source coordinates so each
  // point is checked with a box test rather than a transformation.
  double west = -180, south = -90, east = 180, north = 90;
  const char* name = nullptr;
  const bool have_area = src && proj_get_area_of_use(ctx, src.get(), &west, &south, &east, &north, &name);
  if (!have_area || west > east) {
    west = -180, south = -90, east = 180, north = 90;
  }
  const bool geographic = src && (proj_get_type(src.get()) == PJ_TYPE_GEOGRAPHIC_2D_CRS ||
                                  proj_get_type(src.get()) == PJ_TYPE_GEOGRAPHIC_3D_CRS);
  if (geographic) {
    valid_ = Bounds{std::max(-180.0, west - 1), std::max(-90.0, south - 1),
                    std::min(180.0, east + 1), std::min(90.0, north + 1)};
  } else {
    const ProjPtr lonlat_to_src_raw(proj_create_crs_to_crs(ctx, "EPSG:4326", from.c_str(), nullptr));
    const ProjPtr lonlat_to_src(lonlat_to_src_raw ? proj_normalize_for_visualization(ctx, lonlat_to_src_raw.get())
                                                  : nullptr);
    // A margin of one degree: extracts are often a little outside the official area.
    if (!lonlat_to_src ||
        !proj_trans_bounds(ctx, lonlat_to_src.get(), PJ_FWD, west - 1, south - 1, east + 1, north + 1,
                           &valid_.min_x, &valid_.min_y, &valid_.max_x, &valid_.max_y, 21)) {
      const double inf = std::numeric_limits<double>::infinity();
      valid_ = Bounds{-inf, -inf, inf, inf};
    }
  }
}

void CrsTransform::apply(double* x, double* y, std::size_t n, std::size_t stride) const {
  if (n == 0) return;
  const std::size_t step = stride * sizeof(double);
  proj_trans_generic(pj_.get(), PJ_FWD, x, step, n, y, step, n, nullptr, 0, 0, nullptr, 0, 0);
  for (std::size_t i = 0; i < n; ++i) {
    double& xi = x[i * stride];
    double& yi = y[i * stride];
    if (!std::isfinite(xi) || !std::isfinite(yi) || xi == HUGE_VAL) {
      xi = yi = std::numeric_limits<double>::infinity();
    }
  }
}

}  // namespace hotspot
