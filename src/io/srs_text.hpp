#pragma once
// A CRS as text, from GDAL: the strings GDAL allocates are owned by a
// unique_ptr that frees them with CPLFree, whatever happens after.
#include <memory>
#include <ogr_spatialref.h>
#include <string>

namespace hotspot {

struct CplFree {
  void operator()(char* p) const;
};
// A string GDAL allocated (exportToWkt, exportToProj4, ...), freed with CPLFree.
using CplString = std::unique_ptr<char, CplFree>;

// The CRS as WKT2 (2019), as a layer's CRS is passed on; empty when GDAL cannot write it.
std::string srs_wkt2(const OGRSpatialReference& srs);
// The CRS as a PROJ.4 string (for QGIS's project file); empty when GDAL cannot write it.
std::string srs_proj4(const OGRSpatialReference& srs);

}  // namespace hotspot
