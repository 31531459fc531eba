#include "io/vector_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace hotspot {
namespace {

OGRFieldType ogr_type(CellType t) {
  switch (t) {
    case CellType::Integer: return OFTInteger64;
    case CellType::Real: return OFTReal;
    case CellType::Text: return OFTString;
    case CellType::Bool: return OFTInteger;
  }
  return OFTString;
}

}  // namespace

void write_geojson(const std::filesystem::path& path, const VectorLayer& layer) {
  if (!layer.table || layer.table->rows.size() != layer.wkb.size())
    throw internal_error("write", fmt::format("{}: rows and geometries differ in number", path.string()));
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
  if (!driver) throw internal_error("write", "GDAL has no GeoJSON driver");
  AtomicOutput out(path);
  {
    GDALDatasetUniquePtr ds(driver->Create(out.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw bad_input("write", fmt::format("cannot create {}: {}", path.string(), CPLGetLastErrorMsg()));
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CPLStringList options;
    options.SetNameValue("RFC7946", "YES");
    options.SetNameValue("WRITE_BBOX", "NO");
    // Values are already rounded; 15 figures print them without binary noise.
    options.SetNameValue("SIGNIFICANT_FIGURES", "15");
    if (!layer.description.empty()) options.SetNameValue("DESCRIPTION", layer.description.c_str());
    OGRLayer* l = ds->CreateLayer(layer.name.c_str(), &wgs84, layer.geometry_type, options.List());
    if (!l) throw internal_error("write", fmt::format("cannot create layer {} in {}", layer.name, path.string()));
    for (const Column& c : layer.table->columns) {
      OGRFieldDefn f(c.name.c_str(), ogr_type(c.type));
      if (c.type == CellType::Bool) f.SetSubType(OFSTBoolean);
      if (l->CreateField(&f) != OGRERR_NONE)
        throw internal_error("write", fmt::format("cannot create field {} in {}", c.name, path.string()));
    }
    for (std::size_t r = 0; r < layer.table->rows.size(); ++r) {
      OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(l->GetLayerDefn()));
      const auto& row = layer.table->rows[r];
      for (std::size_t c = 0; c < row.size(); ++c) {
        const Cell& cell = row[c];
        const int idx = static_cast<int>(c);
        switch (cell.kind) {
          case Cell::Kind::Null: feature->SetFieldNull(idx); break;
          case Cell::Kind::Integer: feature->SetField(idx, static_cast<GIntBig>(cell.i)); break;
          case Cell::Kind::Real:
            feature->SetField(idx, round_to(cell.d, layer.table->columns[c].decimals));
            break;
          case Cell::Kind::Text: feature->SetField(idx, cell.s.c_str()); break;
          case Cell::Kind::Bool: feature->SetField(idx, static_cast<int>(cell.i)); break;
        }
      }
      OGRGeometry* g = nullptr;
      if (OGRGeometryFactory::createFromWkb(layer.wkb[r].data(), &wgs84, &g, layer.wkb[r].size()) != OGRERR_NONE)
        throw internal_error("write", fmt::format("bad geometry for row {} of {}", r, path.string()));
      feature->SetGeometryDirectly(g);
      if (l->CreateFeature(feature.get()) != OGRERR_NONE)
        throw bad_input("write", fmt::format("cannot write a feature to {}: {}", path.string(), CPLGetLastErrorMsg()));
    }
  }  // closing the dataset flushes the file
  out.commit();
}

}  // namespace hotspot
