#include "io/qgis_project.hpp"

#include <pugixml.hpp>

#include "io/atomic_file.hpp"
#include "io/qgis_parts.hpp"
#include "io/xml_tree.hpp"

namespace hotspot {
namespace {

using xml::child;
using xml::num;
using xml::text_child;

constexpr const char* kVersion = "3.22.16-Białowieża";

// The grid-based operations QGIS would offer first (OSTN15, OSGB36 <-> ETRS89,
// accurate to about 1 m) from the CRSs the layers come in to British National
// Grid, fixed in the transform context so QGIS never asks which of the
// several OSGB36 transformations to use. allowFallback lets QGIS use a
// Helmert transformation if the grid is not installed.
struct Operation {
  const char* src;
  const char* dest;
  const char* proj;
};
constexpr Operation kOperations[] = {
    {"EPSG:4326", "EPSG:27700",
     "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +inv +proj=hgridshift "
     "+grids=uk_os_OSTN15_NTv2_OSGBtoETRS.tif +step +proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 "
     "+x_0=400000 +y_0=-100000 +ellps=airy"},
    {"EPSG:3857", "EPSG:27700",
     "+proj=pipeline +step +inv +proj=webmerc +lat_0=0 +lon_0=0 +x_0=0 +y_0=0 +ellps=WGS84 +step +inv "
     "+proj=hgridshift +grids=uk_os_OSTN15_NTv2_OSGBtoETRS.tif +step +proj=tmerc +lat_0=49 +lon_0=-2 "
     "+k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy"},
};

void transform_context(pugi::xml_node root, const std::string& project_crs) {
  pugi::xml_node ctx = root.append_child("transformContext");
  for (const Operation& op : kOperations) {
    if (project_crs != op.dest) continue;
    pugi::xml_node e = child(ctx, "srcDest", {{"coordinateOp", op.proj}, {"allowFallback", "1"}});
    qgis::spatialrefsys(e.append_child("src"), op.src);
    qgis::spatialrefsys(e.append_child("dest"), op.dest);
  }
}

void extent_children(pugi::xml_node parent, const Extent& e) {
  text_child(parent, "xmin", num(e.xmin));
  text_child(parent, "ymin", num(e.ymin));
  text_child(parent, "xmax", num(e.xmax));
  text_child(parent, "ymax", num(e.ymax));
}

// The view QGIS desktop opens on (the canvas) and the project's default view.
void saved_view(pugi::xml_node root, const Project& p) {
  pugi::xml_node canvas = child(root, "mapcanvas", {{"name", "theMapCanvas"}, {"annotationsVisible", "1"}});
  text_child(canvas, "units", "meters");
  extent_children(canvas.append_child("extent"), p.extent);
  text_child(canvas, "rotation", "0");
  qgis::spatialrefsys(canvas.append_child("destinationsrs"), p.crs);
  text_child(canvas, "rendermaptile", "0");
  pugi::xml_node view = child(root, "ProjectViewSettings", {{"UseProjectScales", "0"}, {"rotation", "0"}});
  view.append_child("Scales");
  pugi::xml_node def = child(view, "DefaultViewExtent",
                             {{"xmin", num(p.extent.xmin)}, {"ymin", num(p.extent.ymin)},
                              {"xmax", num(p.extent.xmax)}, {"ymax", num(p.extent.ymax)}});
  qgis::spatialrefsys(def, p.crs);
}

void map_layer(pugi::xml_node parent, const ProjectLayer& l, const std::string& project_crs) {
  pugi::xml_node m = child(parent, "maplayer", {{"type", l.raster ? "raster" : "vector"}});
  if (!l.raster) {
    m.append_attribute("geometry").set_value(l.geometry.c_str());
    m.append_attribute("labelsEnabled").set_value(l.labels ? "1" : "0");
  }
  m.append_attribute("styleCategories").set_value("AllStyleCategories");
  text_child(m, "id", l.id);
  text_child(m, "datasource", l.file);
  text_child(m, "layername", l.name);
  text_child(m.append_child("resourceMetadata"), "abstract", l.abstract);
  qgis::spatialrefsys(m.append_child("srs"), !l.crs.empty() ? l.crs : l.raster ? project_crs : "EPSG:4326");
  const std::string provider = !l.provider.empty() ? l.provider : l.raster ? "gdal" : "ogr";
  pugi::xml_node prov = text_child(m, "provider", provider);
  if (provider == "ogr") prov.append_attribute("encoding").set_value("UTF-8");
  xml::append_fragment(m, l.style_xml);
  if (!l.named_styles.empty()) {
    pugi::xml_node manager = child(m, "map-layer-style-manager", {{"current", "default"}});
    child(manager, "map-layer-style", {{"name", "default"}});
    for (const auto& [name, style] : l.named_styles) {
      pugi::xml_node qgis = child(child(manager, "map-layer-style", {{"name", name}}), "qgis",
                                  {{"version", kVersion}, {"styleCategories", "Symbology|Labeling"}});
      if (!l.raster) qgis.append_attribute("labelsEnabled").set_value(l.labels ? "1" : "0");
      xml::append_fragment(qgis, style);
    }
  }
}

void properties(pugi::xml_node root) {
  pugi::xml_node props = root.append_child("properties");
  text_child(props.append_child("Paths"), "Absolute", "false").append_attribute("type").set_value("bool");
  text_child(props.append_child("SpatialRefSys"), "ProjectionsEnabled", "1").append_attribute("type").set_value("int");
  pugi::xml_node m = props.append_child("Measurement");
  text_child(m, "DistanceUnits", "meters").append_attribute("type").set_value("QString");
  text_child(m, "AreaUnits", "m2").append_attribute("type").set_value("QString");
}

}  // namespace

std::string project_xml(const Project& p) {
  pugi::xml_document doc;
  xml::add_qgis_doctype(doc);
  pugi::xml_node root = child(doc, "qgis", {{"projectname", p.title}, {"version", kVersion}});
  child(root, "homePath", {{"path", ""}});
  text_child(root, "title", p.title);
  qgis::spatialrefsys(root.append_child("projectCrs"), p.crs);
  transform_context(root, p.crs);
  qgis::layer_tree(root, p);
  saved_view(root, p);
  pugi::xml_node layers = root.append_child("projectlayers");
  for (const ProjectLayer& l : p.layers) map_layer(layers, l, p.crs);
  properties(root);
  qgis::map_themes(root, p);
  qgis::layouts(root, p);
  return xml::qgis_document_string(doc);
}

void write_project(const std::filesystem::path& path, const Project& p) { write_file_atomically(path, project_xml(p)); }

}  // namespace hotspot
