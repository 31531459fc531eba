#pragma once
// The one memory check every grid goes through. kde.memory_budget_mb is a hard
// limit on the grids a stage holds at once: each stage states what it will
// allocate (cells, and bytes per cell counting every copy it keeps at once:
// months, themes, threads) and checks it here before allocating anything.
// Grids are sized by the wards' extent, so one stray ward vertex (a point at
// 0,0 in British National Grid) grows them to hundreds of kilometres: the
// message then names that extent and the ward that reaches so far.
#include <string>
#include <string_view>

namespace hotspot {

// A grid's size in cells, counted in doubles so that nothing overflows before
// the check (a cell of 0.001 m, an infinite reach).
struct GridSize {
  double nx = 0, ny = 0;
  double cells() const { return nx * ny; }
};

// The cells of a grid aligned to multiples of `cell` over a box `width` x
// `height` grown by `margin` on each side. Aligned grids round each edge
// outwards: one cell more per axis.
GridSize grid_size(double width, double height, double margin, double cell);

struct GridBudget {
  double limit_mb = 1024;  // kde.memory_budget_mb
  std::string extent;      // what the grids cover: "the wards' extent, 2.0 x 1.0 km from (530000, 180000)"
  std::string outlier;     // a ward far larger than the others (a stray vertex?), named; empty if none

  // Throws, before anything is allocated, when `bytes_per_cell` over `size`
  // cells of `cell` metres is more than limit_mb, or a side does not fit in an
  // int (GDAL and GridSpec count cells in int). `what` names the grids ("the
  // forecast's 100 m grids (12 months x 4 themes)"), `settings` the options
  // that size them. A usage Error naming the settings; a bad-input Error
  // naming the ward when an outlier ward is what makes the extent so large.
  void check(const GridSize& size, double cell, double bytes_per_cell, std::string_view what,
             std::string_view settings) const;
};

}  // namespace hotspot
