#include "io/qgis_project.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <ogr_spatialref.h>
#include <cpl_conv.h>

#include "io/atomic_file.hpp"
#include "io/qgis_style.hpp"

namespace hotspot {
namespace {

// QGIS reads a CRS from its WKT (an authid alone is not enough), so write both.
std::string spatialrefsys(const std::string& crs) {
  OGRSpatialReference srs;
  std::string wkt, proj4;
  if (srs.SetFromUserInput(crs.c_str()) == OGRERR_NONE) {
    char* w = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&w, options);
    wkt = w ? w : "";
    CPLFree(w);
    char* p4 = nullptr;
    srs.exportToProj4(&p4);
    proj4 = p4 ? p4 : "";
    CPLFree(p4);
  }
  return fmt::format("<spatialrefsys><wkt>{}</wkt><proj4>{}</proj4><authid>{}</authid></spatialrefsys>",
                     xml_escape(wkt), xml_escape(proj4), xml_escape(crs));
}

}  // namespace

std::string project_xml(const Project& p) {
  std::string tree, maplayers;
  for (const std::string& group : p.group_order) {
    std::string children;
    for (const ProjectLayer& l : p.layers) {
      if (l.group != group) continue;
      children += fmt::format(
          "      <layer-tree-layer id=\"{}\" name=\"{}\" source=\"{}\" providerKey=\"{}\" checked=\"{}\" expanded=\"0\"/>\n",
          xml_escape(l.id), xml_escape(l.name), xml_escape(l.file), l.raster ? "gdal" : "ogr",
          l.visible ? "Qt::Checked" : "Qt::Unchecked");
    }
    if (children.empty()) continue;
    const bool open = std::find(p.open_groups.begin(), p.open_groups.end(), group) != p.open_groups.end();
    tree += fmt::format("    <layer-tree-group name=\"{}\" expanded=\"{}\" checked=\"{}\">\n{}    </layer-tree-group>\n",
                        xml_escape(group), open ? 1 : 0, open ? "Qt::Checked" : "Qt::Unchecked", children);
  }
  for (const ProjectLayer& l : p.layers) {
    const std::string common = fmt::format(
        "      <id>{}</id>\n      <datasource>{}</datasource>\n      <layername>{}</layername>\n"
        "      <resourceMetadata><abstract>{}</abstract></resourceMetadata>\n",
        xml_escape(l.id), xml_escape(l.file), xml_escape(l.name), xml_escape(l.abstract));
    if (l.raster) {
      maplayers += fmt::format("    <maplayer type=\"raster\" styleCategories=\"AllStyleCategories\">\n{}"
                               "      <srs>{}</srs>\n"
                               "      <provider>gdal</provider>\n      {}\n    </maplayer>\n",
                               common, spatialrefsys(p.crs), l.style_xml);
    } else {
      maplayers += fmt::format("    <maplayer type=\"vector\" geometry=\"{}\" labelsEnabled=\"{}\" "
                               "styleCategories=\"AllStyleCategories\">\n{}"
                               "      <srs>{}</srs>\n"
                               "      <provider encoding=\"UTF-8\">ogr</provider>\n      {}\n    </maplayer>\n",
                               l.geometry, l.labels ? 1 : 0, common, spatialrefsys("EPSG:4326"), l.style_xml);
    }
  }
  return fmt::format(
      "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
      "<qgis projectname=\"{0}\" version=\"3.22.16-Białowieża\">\n"
      "  <homePath path=\"\"/>\n  <title>{0}</title>\n"
      "  <projectCrs>{1}</projectCrs>\n"
      "  <layer-tree-group>\n{2}  </layer-tree-group>\n"
      "  <projectlayers>\n{3}  </projectlayers>\n"
      "  <properties><Paths><Absolute type=\"bool\">false</Absolute></Paths>"
      "<SpatialRefSys><ProjectionsEnabled type=\"int\">1</ProjectionsEnabled></SpatialRefSys>"
      "<Measurement><DistanceUnits type=\"QString\">meters</DistanceUnits><AreaUnits type=\"QString\">m2</AreaUnits>"
      "</Measurement></properties>\n"
      "</qgis>\n",
      xml_escape(p.title), spatialrefsys(p.crs), tree, maplayers);
}

void write_project(const std::filesystem::path& path, const Project& p) { write_file_atomically(path, project_xml(p)); }

}  // namespace hotspot
