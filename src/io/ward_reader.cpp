#include "io/ward_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>

#include "core/error.hpp"
#include "geo/crs_transform.hpp"
#include "geo/reproject.hpp"
#include "io/geometry_check.hpp"

namespace hotspot {
namespace {

int require_field(OGRLayer* layer, const std::string& field, const std::string& key,
                  const std::string& path) {
  const int idx = layer->GetLayerDefn()->GetFieldIndex(field.c_str());
  if (idx < 0) {
    std::string names;
    for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i)
      names += (i ? ", " : "") + std::string(layer->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
    throw bad_input("wards", fmt::format("{}: field '{}' (wards.{}) is not in layer '{}'. Its fields "
                                         "are: {}. Set wards.{} to one of them.",
                                         path, field, key, layer->GetName(), names, key));
  }
  return idx;
}

GeomPtr repair(const GeosContext& ctx, GeomPtr geom, const std::string& ward_label, Diagnostics& diag) {
  const char valid = GEOSisValid_r(ctx.get(), geom.get());
  if (predicate_result(ctx, valid, "validity check")) return geom;
  char* reason = GEOSisValidReason_r(ctx.get(), geom.get());
  const std::string why = reason ? reason : "unknown";
  GEOSFree_r(ctx.get(), reason);
  // Owned, so an exception from `own` below cannot leak it.
  const MakeValidParamsPtr params(GEOSMakeValidParams_create_r(ctx.get()), MakeValidParamsDeleter{ctx.get()});
  if (!params) throw internal_error("geos", "creating MakeValid parameters failed: " + ctx.last_error());
  GEOSMakeValidParams_setMethod_r(ctx.get(), params.get(), GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(ctx.get(), params.get(), 0);
  GeomPtr fixed = own(ctx, GEOSMakeValidWithParams_r(ctx.get(), geom.get(), params.get()), "repairing " + ward_label);
  diag.warn(fmt::format("ward {} had an invalid polygon ({}); repaired with GEOS MakeValid", ward_label, why));
  return fixed;
}

}  // namespace

WardReadResult read_wards(const GeosContext& ctx, const WardSource& source,
                          const std::string& analysis_crs, Diagnostics& diag) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds)
    throw bad_input("wards", fmt::format("cannot open ward boundaries '{}': {}. Check wards.path.",
                                         source.path, CPLGetLastErrorMsg()));
  OGRLayer* layer = source.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(source.layer.c_str());
  if (!layer)
    throw bad_input("wards", fmt::format("{}: no layer '{}'. Check wards.layer.", source.path, source.layer));
  if (!source.where.empty() && layer->SetAttributeFilter(source.where.c_str()) != OGRERR_NONE)
    throw bad_input("wards", fmt::format("{}: the filter wards.where = \"{}\" is not valid OGR SQL: {}",
                                         source.path, source.where, CPLGetLastErrorMsg()));

  WardReadResult result;
  if (!source.crs.empty()) {
    result.source_crs = source.crs;
  } else if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, options);
    result.source_crs = wkt ? wkt : "";
    CPLFree(wkt);
  }
  if (result.source_crs.empty())
    throw bad_input("wards", fmt::format("{}: the layer has no CRS. Set wards.crs (e.g. \"EPSG:27700\").",
                                         source.path));
  const CrsTransform to_analysis(result.source_crs, analysis_crs);
  // Before the fields: an empty layer (a GeoJSON with no features has none) is
  // the problem to name, not the field it then lacks.
  if (layer->GetFeatureCount(TRUE) == 0)
    throw bad_input("wards", fmt::format("{}: layer '{}' has no features{}, so there are no wards. Check wards.path, "
                                         "wards.layer{}.",
                                         source.path, layer->GetName(),
                                         source.where.empty() ? "" : fmt::format(" matching wards.where = \"{}\"", source.where),
                                         source.where.empty() ? "" : " and wards.where"));

  const int code_idx = require_field(layer, source.code_field, "code_field", source.path);
  const int name_idx = require_field(layer, source.name_field, "name_field", source.path);
  const int pop_idx = source.population_field.empty()
                          ? -1
                          : require_field(layer, source.population_field, "population_field", source.path);

  std::set<std::string> seen;
  for (auto& feature : *layer) {
    ++result.features_read;
    Ward ward;
    ward.code = feature->GetFieldAsString(code_idx);
    ward.name = feature->GetFieldAsString(name_idx);
    const std::string label = fmt::format("{} ({}) [feature {}]", ward.code, ward.name, feature->GetFID());
    if (ward.code.empty())
      throw bad_input("wards", fmt::format("{}: feature {} has an empty {}; every ward needs a code.",
                                           source.path, feature->GetFID(), source.code_field));
    if (!seen.insert(ward.code).second)
      throw bad_input("wards", fmt::format("{}: ward code {} appears twice; codes must be unique "
                                           "(dissolve the parts first or filter with wards.where).",
                                           source.path, ward.code));
    if (pop_idx >= 0 && feature->IsFieldSetAndNotNull(pop_idx)) {
      const double pop = feature->GetFieldAsDouble(pop_idx);
      if (pop > 0) ward.population = pop;
    }
    const OGRGeometry* geom = feature->GetGeometryRef();
    if (!geom || geom->IsEmpty() ||
        (wkbFlatten(geom->getGeometryType()) != wkbPolygon &&
         wkbFlatten(geom->getGeometryType()) != wkbMultiPolygon))
      throw bad_input("wards", fmt::format("{}: ward {} has no polygon geometry.", source.path, label));
    if (const std::string problem = geometry_problem(*geom); !problem.empty())
      throw bad_input("wards", fmt::format("{}: ward {}: {}. Fix the geometry in the source (in QGIS: Vector > "
                                           "Geometry Tools > Check Validity, then Fix Geometries) and run again.",
                                           source.path, label, problem));
    std::vector<unsigned char> wkb(static_cast<std::size_t>(geom->WkbSize()));
    geom->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    GeomPtr g = geom_from_wkb(ctx, wkb);
    GeomPtr projected{nullptr, GeomDeleter{ctx.get()}};
    try {
      projected = reproject(ctx, g.get(), to_analysis);
    } catch (const Error&) {  // a point PROJ cannot transform: the CRS is not the coordinates'
      throw bad_input("wards", fmt::format("{}: ward {}: its coordinates cannot be transformed from {} to {}. If they "
                                           "are in another CRS (eastings and northings in a GeoJSON without a crs, "
                                           "say), set wards.crs to it.",
                                           source.path, label, crs_label(source.crs, layer->GetSpatialRef()),
                                           analysis_crs));
    }
    GeomPtr valid = repair(ctx, std::move(projected), label, diag);
    double area = 0;
    GEOSArea_r(ctx.get(), valid.get(), &area);
    if (area <= 0)
      throw bad_input("wards", fmt::format("{}: ward {} has zero area after repair.", source.path, label));
    ward.area_m2 = area;
    ward.wkb = geom_to_wkb(ctx, valid.get());
    result.wards.push_back(std::move(ward));
  }
  if (result.wards.empty())
    throw bad_input("wards", fmt::format("{}: no wards read{}. Check wards.path and wards.where.", source.path,
                                         source.where.empty() ? "" : " with filter \"" + source.where + "\""));
  std::sort(result.wards.begin(), result.wards.end(),
            [](const Ward& a, const Ward& b) { return a.code < b.code; });
  return result;
}

}  // namespace hotspot
