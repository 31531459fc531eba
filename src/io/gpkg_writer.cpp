#include "io/gpkg_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace hotspot {
namespace {

std::string sql_text(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

void execute(GDALDataset& ds, const std::string& sql) {
  CPLErrorReset();
  OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result) ds.ReleaseResultSet(result);
  if (CPLGetLastErrorType() >= CE_Failure)
    throw internal_error("gpkg", fmt::format("SQL failed: {}", CPLGetLastErrorMsg()));
}

}  // namespace

void write_gpkg(const std::filesystem::path& path, const std::filesystem::path& folder,
                const std::vector<GpkgLayer>& layers) {
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver) throw internal_error("gpkg", "GDAL has no GPKG driver");
  // A fixed timestamp in gpkg_contents keeps reruns byte-identical; the
  // previous value comes back when the function returns or throws.
  const CPLConfigOptionSetter fixed_date("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z", false);
  AtomicOutput out(path);
  {
    GDALDatasetUniquePtr gpkg(driver->Create(out.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!gpkg) throw bad_input("write", fmt::format("cannot create {}: {}", path.string(), CPLGetLastErrorMsg()));
    for (const GpkgLayer& l : layers) {
      GDALDatasetUniquePtr src(GDALDataset::Open((folder / l.source).c_str(), GDAL_OF_VECTOR));
      if (!src) throw internal_error("gpkg", "cannot reopen " + l.source);
      if (!gpkg->CopyLayer(src->GetLayer(0), l.name.c_str()))
        throw internal_error("gpkg", fmt::format("copying {} failed: {}", l.source, CPLGetLastErrorMsg()));
    }
    execute(*gpkg, "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), "
                   "f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), "
                   "styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), "
                   "update_time DATETIME DEFAULT '2000-01-01T00:00:00.000Z')");
    for (const GpkgLayer& l : layers)
      execute(*gpkg, fmt::format("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                                 "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) "
                                 "VALUES ('', '', {}, 'geom', {}, {}, '', 1, 'hotspot', '', '')",
                                 sql_text(l.name), sql_text(l.name), sql_text(l.qml)));
  }
  out.commit();
}

}  // namespace hotspot
