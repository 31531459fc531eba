#include "io/srs_text.hpp"

#include <cpl_conv.h>

namespace hotspot {

void CplFree::operator()(char* p) const { CPLFree(p); }

std::string srs_wkt2(const OGRSpatialReference& srs) {
  char* raw = nullptr;
  const char* options[] = {"FORMAT=WKT2_2019", nullptr};
  srs.exportToWkt(&raw, options);
  const CplString wkt(raw);
  return wkt ? wkt.get() : "";
}

std::string srs_proj4(const OGRSpatialReference& srs) {
  char* raw = nullptr;
  srs.exportToProj4(&raw);
  const CplString proj4(raw);
  return proj4 ? proj4.get() : "";
}

}  // namespace hotspot
