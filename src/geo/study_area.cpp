#include "geo/study_area.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>


#include "core/error.hpp"

namespace hotspot {

GeomPtr study_area(const GeosContext& ctx, const std::vector<GeomPtr>& wards) {
  std::vector<GeomPtr> parts;
  parts.reserve(wards.size());
  for (const GeomPtr& w : wards) parts.push_back(own(ctx, GEOSGeom_clone_r(ctx.get(), w.get()), "copying a ward"));
  const GeomPtr collection = collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts), "collecting wards");
  // Wards usually tile exactly, where the coverage union is much faster; real
  // boundary files have slivers, so fall back to the general union if it fails
  // (GEOS returns null) or is not valid (an error in the check counts as not valid).
  GeomPtr u(GEOSCoverageUnion_r(ctx.get(), collection.get()), GeomDeleter{ctx.get()});
  if (!u || GEOSisValid_r(ctx.get(), u.get()) != 1)
    u = own(ctx, GEOSUnaryUnion_r(ctx.get(), collection.get()), "union of wards");
  return u;
}

std::vector<std::uint8_t> cells_in_area(const GeosContext& ctx, const GEOSGeometry* area, const GridSpec& spec,
                                        bool all_touched) {
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
  char touched[] = "ALL_TOUCHED=TRUE";
  char* options[] = {touched, nullptr};
  if (GDALRasterizeGeometries(ds.get(), 1, &band, 1, &handle, nullptr, nullptr, &burn,
                              all_touched ? options : nullptr, nullptr, nullptr) != CE_None)
    throw internal_error("study area", std::string("rasterising the study area failed: ") + CPLGetLastErrorMsg());
  std::vector<std::uint8_t> mask(spec.size());
  if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, spec.nx, spec.ny, mask.data(), spec.nx, spec.ny, GDT_Byte, 0,
                                     0) != CE_None)
    throw internal_error("study area", "reading the study-area mask failed");
  return mask;
}

}  // namespace hotspot
