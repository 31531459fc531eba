#pragma once
// A regular north-up grid in the analysis CRS. Row 0 is the northern row;
// cell (row, col) covers [origin_x + col*cell, +cell] x [origin_y - (row+1)*cell, origin_y - row*cell].
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hotspot {

struct GridSpec {
  double origin_x = 0;  // west edge
  double origin_y = 0;  // north edge
  double cell = 1;
  int nx = 0, ny = 0;

  std::size_t size() const { return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny); }
  std::size_t index(int row, int col) const {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(col);
  }
  double center_x(int col) const { return origin_x + (col + 0.5) * cell; }
  double center_y(int row) const { return origin_y - (row + 0.5) * cell; }
  // Geotransform for GDAL.
  void geotransform(double gt[6]) const {
    gt[0] = origin_x; gt[1] = cell; gt[2] = 0; gt[3] = origin_y; gt[4] = 0; gt[5] = -cell;
  }
};

// Grid aligned so every cell edge is a multiple of `cell`, covering the box
// [min_x - margin, max_x + margin] x [min_y - margin, max_y + margin].
inline GridSpec aligned_grid(double min_x, double min_y, double max_x, double max_y, double cell, double margin) {
  GridSpec g;
  g.cell = cell;
  const double x0 = std::floor((min_x - margin) / cell) * cell;
  const double y1 = std::ceil((max_y + margin) / cell) * cell;
  const double x1 = std::ceil((max_x + margin) / cell) * cell;
  const double y0 = std::floor((min_y - margin) / cell) * cell;
  g.origin_x = x0;
  g.origin_y = y1;
  g.nx = static_cast<int>(std::llround((x1 - x0) / cell));
  g.ny = static_cast<int>(std::llround((y1 - y0) / cell));
  return g;
}

// The grid QGIS's "Heatmap (Kernel Density Estimation)" builds: origin at the
// points' (min x - R, max y + R), columns = ceil((max x - min x + 2R) / P) + 1,
// rows likewise.
inline GridSpec qgis_heatmap_grid(double min_x, double min_y, double max_x, double max_y, double cell, double radius) {
  GridSpec g;
  g.cell = cell;
  g.origin_x = min_x - radius;
  g.origin_y = max_y + radius;
  g.nx = static_cast<int>(std::ceil((max_x - min_x + 2 * radius) / cell)) + 1;
  g.ny = static_cast<int>(std::ceil((max_y - min_y + 2 * radius) / cell)) + 1;
  return g;
}

struct Grid {
  GridSpec spec;
  std::vector<double> values;         // spec.size() values, row-major from the north-west
  std::vector<std::uint8_t> in_area;  // 1 where the cell centre is in the study area; empty = everywhere
  bool inside(std::size_t i) const { return in_area.empty() || in_area[i]; }
};

}  // namespace hotspot
