#pragma once
// A short, stable name for a place: its 100 m square. In British National Grid
// (EPSG:27700) the six-figure Ordnance Survey reference officers and analysts
// use ("TQ515888": the 100 km square's letters, then the easting and northing
// in hundreds of metres within it); elsewhere the easting and northing of the
// analysis CRS in km to one decimal ("E445.1N4637.9"). A hotspot is made of
// 100 m cells, so naming one of them says no more than the polygon does.
#include <string>

namespace hotspot {

std::string grid_reference_100m(double x, double y, const std::string& crs);

}  // namespace hotspot
