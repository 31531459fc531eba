#include "io/context_reader.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "geo/reproject.hpp"
#include "io/srs_text.hpp"
#include "io/geometry_check.hpp"

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
    throw bad_input("context", fmt::format("{}: the context layer '{}' has no CRS. Set context.crs to the CRS its "
                                           "coordinates are in (e.g. \"EPSG:27700\").",
                                           source.path, layer->GetName()));
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
    if (const std::string problem = geometry_problem(*geom); !problem.empty())
      throw bad_input("context", fmt::format("{}: feature {}: {}. Fix the geometry in the source, or leave "
                                             "[context] out.", source.path, feature->GetFID(), problem));
    std::vector<unsigned char> wkb(static_cast<std::size_t>(geom->WkbSize()));
    geom->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    GeomPtr projected{nullptr, GeomDeleter{ctx.get()}};
    try {
      projected = reproject(ctx, geom_from_wkb(ctx, wkb).get(), to_analysis);
    } catch (const Error&) {  // a point PROJ cannot transform: the CRS is not the coordinates'
      throw bad_input("context", fmt::format("{}: feature {}: its coordinates cannot be transformed from {} to {}. "
                                             "If they are in another CRS, set context.crs to it.",
                                             source.path, feature->GetFID(),
                                             crs_label(source.crs, layer->GetSpatialRef()), analysis_crs));
    }
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
