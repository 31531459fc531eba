#include "io/raster_writer.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace hotspot {

void write_geotiff(const std::filesystem::path& path, const RasterOutput& raster) {
  const Grid& g = *raster.grid;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (!driver) throw internal_error("write", "GDAL has no GTiff driver");
  AtomicOutput out(path);
  {
    CPLStringList options;
    options.SetNameValue("COMPRESS", "DEFLATE");
    options.SetNameValue("PREDICTOR", "3");
    options.SetNameValue("TILED", "YES");
    GDALDatasetUniquePtr ds(driver->Create(out.temp_path().c_str(), g.spec.nx, g.spec.ny, 1, GDT_Float32,
                                           options.List()));
    if (!ds) throw bad_input("write", fmt::format("cannot create {}: {}", path.string(), CPLGetLastErrorMsg()));
    double gt[6];
    g.spec.geotransform(gt);
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(raster.crs.c_str()) != OGRERR_NONE)
      throw bad_input("write", fmt::format("{}: cannot describe CRS '{}'", path.string(), raster.crs));
    ds->SetSpatialRef(&srs);
    for (const auto& [key, value] : raster.metadata) ds->SetMetadataItem(key.c_str(), value.c_str());
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetNoDataValue(raster.nodata);
    band->SetDescription(raster.description.c_str());
    std::vector<float> row(static_cast<std::size_t>(g.spec.nx));
    for (int r = 0; r < g.spec.ny; ++r) {
      for (int c = 0; c < g.spec.nx; ++c) {
        const std::size_t i = g.spec.index(r, c);
        row[static_cast<std::size_t>(c)] = g.inside(i) ? static_cast<float>(g.values[i]) : static_cast<float>(raster.nodata);
      }
      if (band->RasterIO(GF_Write, 0, r, g.spec.nx, 1, row.data(), g.spec.nx, 1, GDT_Float32, 0, 0) != CE_None)
        throw bad_input("write", fmt::format("writing {} failed: {}", path.string(), CPLGetLastErrorMsg()));
    }
  }
  out.commit();
}

}  // namespace hotspot
