#include "io/ward_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <set>

#include "core/ascii_case.hpp"
#include "core/error.hpp"
#include "geo/crs_transform.hpp"
#include "geo/reproject.hpp"
#include "io/srs_text.hpp"
#include "geo/envelope.hpp"
#include "io/geometry_check.hpp"

namespace hotspot {
namespace {

int require_field(OGRLayer* layer, const std::string& field, const std::string& key, const WardSource& source) {
  const int idx = layer->GetLayerDefn()->GetFieldIndex(field.c_str());
  if (idx < 0) {
    std::string names;
    for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i)
      names += (i ? ", " : "") + std::string(layer->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
    throw bad_input(source.table, fmt::format("{}: field '{}' ({}.{}) is not in layer '{}'. Its fields "
                                              "are: {}. Set {}.{} to one of them.",
                                              source.path, field, source.table, key, layer->GetName(), names,
                                              source.table, key));
  }
  return idx;
}

bool meets(const Bounds& a, const Bounds& b) {
  return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

GeomPtr repair(const GeosContext& ctx, GeomPtr geom, const std::string& noun, const std::string& ward_label,
               Diagnostics& diag) {
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
  diag.warn(fmt::format("{} {} had an invalid polygon ({}); repaired with GEOS MakeValid", noun, ward_label, why));
  return fixed;
}

}  // namespace

WardReadResult read_wards(const GeosContext& ctx, const WardSource& source,
                          const std::string& analysis_crs, Diagnostics& diag) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds)
    throw bad_input(source.table, fmt::format("cannot open {} boundaries '{}': {}. Check {}.{}.", source.noun,
                                              source.path, CPLGetLastErrorMsg(), source.table, source.path_key));
  OGRLayer* layer = source.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(source.layer.c_str());
  if (!layer)
    throw bad_input(source.table, fmt::format("{}: no layer '{}'. Check {}.layer.", source.path, source.layer,
                                              source.table));
  if (!source.where.empty() && layer->SetAttributeFilter(source.where.c_str()) != OGRERR_NONE)
    throw bad_input(source.table, fmt::format("{}: the filter {}.where = \"{}\" is not valid OGR SQL: {}",
                                              source.path, source.table, source.where, CPLGetLastErrorMsg()));

  WardReadResult result;
  if (!source.crs.empty()) {
    result.source_crs = source.crs;
  } else if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    result.source_crs = srs_wkt2(*srs);
  }
  if (result.source_crs.empty())
    throw bad_input(source.table, fmt::format("{}: the layer has no CRS. Set {}.crs (e.g. \"EPSG:27700\").",
                                              source.path, source.table));
  const CrsTransform to_analysis(result.source_crs, analysis_crs);
  // Before the fields: an empty layer (a GeoJSON with no features has none) is
  // the problem to name, not the field it then lacks.
  if (layer->GetFeatureCount(TRUE) == 0)
    throw bad_input(source.table,
                    fmt::format("{}: layer '{}' has no features{}, so there are no {}s. Check {}.{}, {}.layer{}.",
                                source.path, layer->GetName(),
                                source.where.empty() ? "" : fmt::format(" matching {}.where = \"{}\"", source.table, source.where),
                                source.noun, source.table, source.path_key, source.table,
                                source.where.empty() ? "" : fmt::format(" and {}.where", source.table)));

  const int code_idx = require_field(layer, source.code_field, source.code_key, source);
  const int name_idx = source.name_field.empty() ? -1 : require_field(layer, source.name_field, "name_field", source);
  const int pop_idx = source.population_field.empty()
                          ? -1
                          : require_field(layer, source.population_field, "population_field", source);

  std::set<std::string> seen;
  for (auto& feature : *layer) {
    ++result.features_read;
    Ward ward;
    ward.code = feature->GetFieldAsString(code_idx);
    ward.name = name_idx < 0 ? ward.code : feature->GetFieldAsString(name_idx);
    const std::string label = ward.name == ward.code ? fmt::format("{} [feature {}]", ward.code, feature->GetFID())
                                                     : fmt::format("{} ({}) [feature {}]", ward.code, ward.name, feature->GetFID());
    if (ward.code.empty())
      throw bad_input(source.table, fmt::format("{}: feature {} has an empty {}; every {} needs a code.", source.path,
                                                feature->GetFID(), source.code_field, source.noun));
    if (!seen.insert(ward.code).second)
      throw bad_input(source.table, fmt::format("{}: {} code {} appears twice; codes must be unique "
                                                "(dissolve the parts first or filter with {}.where).",
                                                source.path, source.noun, ward.code, source.table));
    if (pop_idx >= 0 && feature->IsFieldSetAndNotNull(pop_idx)) {
      const double pop = feature->GetFieldAsDouble(pop_idx);
      if (pop > 0) ward.population = pop;
    }
    const OGRGeometry* geom = feature->GetGeometryRef();
    if (!geom || geom->IsEmpty() ||
        (wkbFlatten(geom->getGeometryType()) != wkbPolygon &&
         wkbFlatten(geom->getGeometryType()) != wkbMultiPolygon))
      throw bad_input(source.table, fmt::format("{}: {} {} has no polygon geometry.", source.path, source.noun, label));
    if (const std::string problem = geometry_problem(*geom); !problem.empty())
      throw bad_input(source.table, fmt::format("{}: {} {}: {}. Fix the geometry in the source (in QGIS: Vector > "
                                                "Geometry Tools > Check Validity, then Fix Geometries) and run again.",
                                                source.path, source.noun, label, problem));
    std::vector<unsigned char> wkb(static_cast<std::size_t>(geom->WkbSize()));
    geom->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    GeomPtr g = geom_from_wkb(ctx, wkb);
    GeomPtr projected{nullptr, GeomDeleter{ctx.get()}};
    try {
      projected = reproject(ctx, g.get(), to_analysis);
    } catch (const Error&) {  // a point PROJ cannot transform: the CRS is not the coordinates'
      throw bad_input(source.table, fmt::format("{}: {} {}: its coordinates cannot be transformed from {} to {}. If "
                                                "they are in another CRS (eastings and northings in a GeoJSON without a "
                                                "crs, say), set {}.crs to it.",
                                                source.path, source.noun, label,
                                                crs_label(source.crs, layer->GetSpatialRef()), analysis_crs, source.table));
    }
    if (source.near && !meets(envelope(ctx, projected.get()), *source.near)) continue;
    GeomPtr valid = repair(ctx, std::move(projected), source.noun, label, diag);
    double area = 0;
    GEOSArea_r(ctx.get(), valid.get(), &area);
    if (area <= 0)
      throw bad_input(source.table, fmt::format("{}: {} {} has zero area after repair.", source.path, source.noun, label));
    ward.area_m2 = area;
    ward.wkb = geom_to_wkb(ctx, valid.get());
    result.wards.push_back(std::move(ward));
  }
  if (result.wards.empty())
    throw bad_input(source.table, fmt::format("{}: no {}s read{}. Check {}.{} and {}.where.", source.path, source.noun,
                                              source.where.empty() ? "" : " with filter \"" + source.where + "\"",
                                              source.table, source.path_key, source.table));
  std::sort(result.wards.begin(), result.wards.end(),
            [](const Ward& a, const Ward& b) { return a.code < b.code; });
  return result;
}

std::vector<FieldValues> fields_behind_empty_filter(const std::string& path, const std::string& layer_name,
                                                    const std::string& where) {
  // A source or filter GDAL cannot read is read_wards' to report: nothing is said here.
  const CPLErrorStateBackuper state;
  const CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) return {};
  OGRLayer* layer = layer_name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer_name.c_str());
  if (!layer || layer->SetAttributeFilter(where.c_str()) != OGRERR_NONE || layer->GetFeatureCount(TRUE) != 0) return {};
  layer->SetAttributeFilter(nullptr);
  // The fields the filter names: a field's name as a whole word of it, in any case.
  const auto names = [&](const std::string& field) {
    const std::string w = ascii_lower(where), f = ascii_lower(field);
    const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (std::size_t at = w.find(f); at != std::string::npos; at = w.find(f, at + 1))
      if ((at == 0 || !word(w[at - 1])) && (at + f.size() == w.size() || !word(w[at + f.size()]))) return true;
    return false;
  };
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<int> indexes;
  std::vector<std::set<std::string>> seen;
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    if (names(defn->GetFieldDefn(i)->GetNameRef())) {
      indexes.push_back(i);
      seen.emplace_back();
    }
  if (indexes.empty()) return {};
  constexpr std::size_t kMostValues = 100000;  // a field of free text need not be held whole
  for (auto& feature : *layer)
    for (std::size_t k = 0; k < indexes.size(); ++k)
      if (feature->IsFieldSetAndNotNull(indexes[k]) && seen[k].size() < kMostValues)
        seen[k].insert(feature->GetFieldAsString(indexes[k]));
  std::vector<FieldValues> out;
  for (std::size_t k = 0; k < indexes.size(); ++k)
    out.push_back({defn->GetFieldDefn(indexes[k])->GetNameRef(), {seen[k].begin(), seen[k].end()}});
  return out;
}

}  // namespace hotspot
