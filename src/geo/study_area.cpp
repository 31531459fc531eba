#include "geo/study_area.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>

#include <climits>
#include <cmath>
#include <fmt/format.h>

#include "core/error.hpp"

namespace hotspot {

GeomPtr study_area(const GeosContext& ctx, const std::vector<Ward>& wards) {
  std::vector<GEOSGeometry*> parts;
  for (const Ward& w : wards) parts.push_back(geom_from_wkb(ctx, w.wkb).release());
  GeomPtr collection = own(ctx, GEOSGeom_createCollection_r(ctx.get(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                            static_cast<unsigned>(parts.size())),
                           "collecting wards");
  // Wards usually tile exactly, where the coverage union is much faster; real
  // boundary files have slivers, so fall back to the general union if it fails.
  GEOSGeometry* u = GEOSCoverageUnion_r(ctx.get(), collection.get());
  if (!u || !GEOSisValid_r(ctx.get(), u)) {
    if (u) GEOSGeom_destroy_r(ctx.get(), u);
    u = GEOSUnaryUnion_r(ctx.get(), collection.get());
  }
  return own(ctx, u, "union of wards");
}

void check_grid_budget(const Bounds& box, double margin, double cell, double bytes_per_cell, double budget_mb,
                       std::string_view settings) {
  // One extra cell per axis: aligned grids round their edges outwards.
  const double nx = std::ceil((box.max_x - box.min_x + 2 * margin) / cell) + 1;
  const double ny = std::ceil((box.max_y - box.min_y + 2 * margin) / cell) + 1;
  const double mb = nx * ny * bytes_per_cell / 1e6;
  // `!(a <= b)` is also true for NaN; GDAL and GridSpec count cells in int.
  if (!(mb <= budget_mb) || !(nx <= INT_MAX) || !(ny <= INT_MAX))
    throw usage_error("grid", fmt::format("{}: a grid of {:.0f} x {:.0f} cells of {:g} m would need about {:.0f} MB, "
                                          "over the limit kde.memory_budget_mb = {:g}. Use a larger cell or a "
                                          "smaller reach, or raise kde.memory_budget_mb if the machine has the memory.",
                                          settings, nx, ny, cell, mb, budget_mb));
}

std::vector<std::uint8_t> cells_in_area(const GeosContext& ctx, const GEOSGeometry* area, const GridSpec& spec) {
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDatasetUniquePtr ds(mem->Create("", spec.nx, spec.ny, 1, GDT_Byte, nullptr));
  double gt[6];
  spec.geotransform(gt);
  ds->SetGeoTransform(gt);
  const std::vector<unsigned char> wkb = geom_to_wkb(ctx, area);
  OGRGeometry* g = nullptr;
  if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()) != OGRERR_NONE)
    throw internal_error("study area", "cannot convert the study area for rasterising");
  std::unique_ptr<OGRGeometry> owned(g);
  OGRGeometryH handle = OGRGeometry::ToHandle(g);
  int band = 1;
  double burn = 1;
  if (GDALRasterizeGeometries(ds.get(), 1, &band, 1, &handle, nullptr, nullptr, &burn, nullptr, nullptr,
                              nullptr) != CE_None)
    throw internal_error("study area", std::string("rasterising the study area failed: ") + CPLGetLastErrorMsg());
  std::vector<std::uint8_t> mask(spec.size());
  if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, spec.nx, spec.ny, mask.data(), spec.nx, spec.ny, GDT_Byte, 0,
                                     0) != CE_None)
    throw internal_error("study area", "reading the study-area mask failed");
  return mask;
}

}  // namespace hotspot
