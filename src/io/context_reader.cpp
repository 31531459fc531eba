#include "io/context_reader.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "geo/reproject.hpp"
#include "io/srs_text.hpp"

namespace hotspot {

std::vector<ContextFeature> read_context(const GeosContext& ctx, const ContextSource& source,
                                         const std::string& analysis_crs, const Bounds& extent) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds)
    throw bad_input("context", fmt::format("cannot open the context layer '{}': {}. Check context.path.", source.path,
                                           CPLGetLastErrorMsg()));
  OGRLayer* layer = source.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(source.layer.c_str());
  if (!layer)
    throw bad_input("context", fmt::format("{}: no layer '{}'. Check context.layer.", source.path, source.layer));
  std::string crs = source.crs;
  if (crs.empty())
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) crs = srs_wkt2(*srs);
  if (crs.empty())
    throw bad_input("context", fmt::format("{}: the layer has no CRS. Set context.crs (e.g. \"EPSG:27700\").", source.path));
  int label_idx = -1;
  if (!source.label_field.empty()) {
    label_idx = layer->GetLayerDefn()->GetFieldIndex(source.label_field.c_str());
    if (label_idx < 0)
      throw bad_input("context", fmt::format("{}: no field '{}'. Check context.label_field.", source.path,
                                             source.label_field));
  }
  const CrsTransform to_analysis(crs, analysis_crs);
  std::vector<ContextFeature> out;
  for (auto& feature : *layer) {
    const OGRGeometry* geom = feature->GetGeometryRef();
    if (!geom || geom->IsEmpty()) continue;
    std::vector<unsigned char> wkb(static_cast<std::size_t>(geom->WkbSize()));
    geom->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    GeomPtr projected = reproject(ctx, geom_from_wkb(ctx, wkb).get(), to_analysis);
    // Reference data is often drawn by hand: a self-touching lake must not stop the run.
    if (!predicate_result(ctx, GEOSisValid_r(ctx.get(), projected.get()), "validity check of a context feature"))
      projected = own(ctx, GEOSMakeValid_r(ctx.get(), projected.get()), "repairing a context feature");
    // Only what the map shows: the file may cover a whole region.
    GeomPtr clipped = own(ctx, GEOSClipByRect_r(ctx.get(), projected.get(), extent.min_x, extent.min_y, extent.max_x,
                                                extent.max_y), "clipping the context layer");
    if (predicate_result(ctx, GEOSisEmpty_r(ctx.get(), clipped.get()), "emptiness check")) continue;
    out.push_back(ContextFeature{std::move(clipped), label_idx >= 0 ? feature->GetFieldAsString(label_idx) : ""});
  }
  return out;
}

}  // namespace hotspot
