#pragma once
// RAII for the GEOS C API. One GeosContext per thread of work; every handle
// carries the context that made it, so deleters never need global state.
#include <geos_c.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;

  GEOSContextHandle_t get() const { return handle_; }
  // The last error GEOS reported on this context (empty when none).
  const std::string& last_error() const { return last_error_; }

 private:
  static void on_error(const char* message, void* self);
  GEOSContextHandle_t handle_;
  std::string last_error_;
};

struct GeomDeleter {
  GEOSContextHandle_t ctx;
  void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(ctx, g); }
};
struct PreparedDeleter {
  GEOSContextHandle_t ctx;
  void operator()(const GEOSPreparedGeometry* g) const { GEOSPreparedGeom_destroy_r(ctx, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

// Takes ownership of a geometry GEOS returned; throws an internal Error naming
// `what` when GEOS returned null.
GeomPtr own(const GeosContext& ctx, GEOSGeometry* g, std::string_view what);
PreparedPtr prepare(const GeosContext& ctx, const GEOSGeometry* g);

// A collection of `type` (GEOS_MULTIPOLYGON, ...) made of `parts`. GEOS takes
// the parts over even when it fails, so they are released only in the call
// itself: nothing can throw between release and hand-over, and none leaks.
GeomPtr collect(const GeosContext& ctx, int type, std::vector<GeomPtr> parts, std::string_view what);

// unique_ptr deleter for GEOS MakeValid parameters, holding their context.
struct MakeValidParamsDeleter {
  GEOSContextHandle_t ctx;
  void operator()(GEOSMakeValidParams* p) const { GEOSMakeValidParams_destroy_r(ctx, p); }
};
using MakeValidParamsPtr = std::unique_ptr<GEOSMakeValidParams, MakeValidParamsDeleter>;

GeomPtr geom_from_wkb(const GeosContext& ctx, const std::vector<unsigned char>& wkb);
std::vector<unsigned char> geom_to_wkb(const GeosContext& ctx, const GEOSGeometry* g);

// Converts a GEOS predicate result (0, 1, or 2 = error) to bool, throwing on error.
bool predicate_result(const GeosContext& ctx, char result, std::string_view what);

}  // namespace hotspot
