#include "geo/geos_handle.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace hotspot {

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
  GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

void GeosContext::on_error(const char* message, void* self) {
  static_cast<GeosContext*>(self)->last_error_ = message ? message : "";
}

GeomPtr own(const GeosContext& ctx, GEOSGeometry* g, std::string_view what) {
  if (!g) throw internal_error("geos", fmt::format("{} failed: {}", what, ctx.last_error()));
  return GeomPtr(g, GeomDeleter{ctx.get()});
}

PreparedPtr prepare(const GeosContext& ctx, const GEOSGeometry* g) {
  const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx.get(), g);
  if (!p) throw internal_error("geos", "preparing a geometry failed: " + ctx.last_error());
  return PreparedPtr(p, PreparedDeleter{ctx.get()});
}

GeomPtr collect(const GeosContext& ctx, int type, std::vector<GeomPtr> parts, std::string_view what) {
  std::vector<GEOSGeometry*> raw(parts.size());  // allocated before any part is released
  for (std::size_t i = 0; i < parts.size(); ++i) raw[i] = parts[i].release();
  return own(ctx, GEOSGeom_createCollection_r(ctx.get(), type, raw.data(), static_cast<unsigned>(raw.size())), what);
}

GeomPtr geom_from_wkb(const GeosContext& ctx, const std::vector<unsigned char>& wkb) {
  return own(ctx, GEOSGeomFromWKB_buf_r(ctx.get(), wkb.data(), wkb.size()), "reading WKB");
}

std::vector<unsigned char> geom_to_wkb(const GeosContext& ctx, const GEOSGeometry* g) {
  std::size_t size = 0;
  unsigned char* buf = GEOSGeomToWKB_buf_r(ctx.get(), g, &size);
  if (!buf) throw internal_error("geos", "writing WKB failed: " + ctx.last_error());
  std::vector<unsigned char> out(buf, buf + size);
  GEOSFree_r(ctx.get(), buf);
  return out;
}

bool predicate_result(const GeosContext& ctx, char result, std::string_view what) {
  if (result == 2) throw internal_error("geos", fmt::format("{} failed: {}", what, ctx.last_error()));
  return result == 1;
}

}  // namespace hotspot
