#include "geo/polygonize.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"

namespace hotspot {

std::vector<GeomPtr> polygonize_regions(const GeosContext& ctx, const std::vector<std::int32_t>& labels, int count,
                                        const GridSpec& spec) {
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDatasetUniquePtr raster(mem->Create("", spec.nx, spec.ny, 1, GDT_Int32, nullptr));
  double gt[6];
  spec.geotransform(gt);
  raster->SetGeoTransform(gt);
  GDALRasterBand* band = raster->GetRasterBand(1);
  if (band->RasterIO(GF_Write, 0, 0, spec.nx, spec.ny, const_cast<std::int32_t*>(labels.data()), spec.nx, spec.ny,
                     GDT_Int32, 0, 0) != CE_None)
    throw internal_error("polygonize", "cannot fill the label raster");

  GDALDriver* vmem = GetGDALDriverManager()->GetDriverByName("Memory");
  GDALDatasetUniquePtr vectors(vmem->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  OGRLayer* layer = vectors->CreateLayer("regions", nullptr, wkbPolygon, nullptr);
  OGRFieldDefn field("label", OFTInteger);
  layer->CreateField(&field);
  // The band is its own mask: label 0 (background) produces no polygons.
  if (GDALPolygonize(band, band, OGRLayer::ToHandle(layer), 0, nullptr, nullptr, nullptr) != CE_None)
    throw internal_error("polygonize", std::string("GDALPolygonize failed: ") + CPLGetLastErrorMsg());

  std::vector<std::vector<GeomPtr>> pieces(static_cast<std::size_t>(count));
  for (auto& f : *layer) {
    const int label = f->GetFieldAsInteger(0);
    const OGRGeometry* g = f->GetGeometryRef();
    if (label < 1 || label > count || !g) continue;
    std::vector<unsigned char> wkb(static_cast<std::size_t>(g->WkbSize()));
    g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    pieces[static_cast<std::size_t>(label - 1)].push_back(geom_from_wkb(ctx, wkb));
  }
  std::vector<GeomPtr> out;
  for (auto& parts : pieces) {
    if (parts.empty()) throw internal_error("polygonize", "a region produced no polygon");
    if (parts.size() == 1) {
      out.push_back(std::move(parts[0]));
      continue;
    }
    const GeomPtr c = collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts), "collect");
    out.push_back(own(ctx, GEOSUnaryUnion_r(ctx.get(), c.get()), "dissolving a region"));
  }
  return out;
}

}  // namespace hotspot
