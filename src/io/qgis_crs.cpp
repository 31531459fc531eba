#include <map>
#include <mutex>
#include <ogr_spatialref.h>

#include "io/qgis_parts.hpp"
#include "io/srs_text.hpp"
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
    t.wkt = srs_wkt2(srs);
    t.proj4 = srs_proj4(srs);
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
