#include <cpl_conv.h>
#include <map>
#include <mutex>
#include <ogr_spatialref.h>

#include "io/qgis_parts.hpp"
#include "io/xml_tree.hpp"

namespace hotspot::qgis {
namespace {

struct CrsText {
  std::string wkt, proj4;
};

CrsText crs_text(const std::string& crs) {
  static std::mutex mutex;
  static std::map<std::string, CrsText> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(crs); it != cache.end()) return it->second;
  CrsText t;
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(crs.c_str()) == OGRERR_NONE) {
    char* w = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&w, options);
    t.wkt = w ? w : "";
    CPLFree(w);
    char* p4 = nullptr;
    srs.exportToProj4(&p4);
    t.proj4 = p4 ? p4 : "";
    CPLFree(p4);
  }
  return cache[crs] = t;
}

}  // namespace

void spatialrefsys(pugi::xml_node parent, const std::string& crs) {
  const CrsText t = crs_text(crs);
  pugi::xml_node s = parent.append_child("spatialrefsys");
  xml::text_child(s, "wkt", t.wkt);
  xml::text_child(s, "proj4", t.proj4);
  xml::text_child(s, "authid", crs);
}

}  // namespace hotspot::qgis
