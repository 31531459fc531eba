#pragma once
// Outlines of a cluster, built from the lattice cells its incidents occupy and
// never from the incidents themselves: the outlines are emailed to partners,
// and a vertex (or a circle's centre) on an incident would locate it.
//
// The lattice is square cells of side `cell` whose edges lie on multiples of
// `cell` in the analysis CRS (clusters.shape_cell, default 50 m). Hence:
//  - every hull vertex is a cell corner (x and y multiples of `cell`);
//  - the ellipse's centre is a cell centre ((k + 1/2) * cell), its axes come
//    from cell centres weighted by counts;
// so an outline carries no more than which cells hold how many incidents.
//
// Cost is bounded at London scale (hundreds of thousands of incidents): a
// cluster is reduced to its occupied cells first. A concave hull of more than
// kConcaveHullMaxCells cells is computed on a coarser lattice (the side doubled
// until few enough cells are occupied); its corners are still on the lattice.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/kde.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

inline constexpr std::size_t kConcaveHullMaxCells = 20000;

// Cell [col * side, (col + 1) * side) x [row * side, (row + 1) * side) and the incidents in it.
struct LatticeCell {
  std::int64_t col = 0, row = 0;
  long count = 0;
  bool operator==(const LatticeCell& o) const { return col == o.col && row == o.row && count == o.count; }
};

// The cells of side `side` that the points occupy, sorted by (col, row).
std::vector<LatticeCell> occupied_cells(const std::vector<WeightedPoint>& pts, double side);

// The union of the cells (GEOS: every vertex a corner, as the corners are exact multiples).
GeomPtr cells_union(const GeosContext& ctx, const std::vector<LatticeCell>& cells, double side);
// Convex hull of the cells' corners.
GeomPtr convex_hull(const GeosContext& ctx, const std::vector<LatticeCell>& cells, double side);
// GEOS concave hull of the cells' union (edge-length ratio 0 = tightest, 1 = convex).
// It contains every cell and its vertices are cell corners.
GeomPtr concave_hull(const GeosContext& ctx, const std::vector<LatticeCell>& cells, double side, double ratio);

struct Ellipse {
  double cx = 0, cy = 0;        // a cell centre: the count-weighted mean of cell centres, snapped
  double major = 0, minor = 0;  // semi-axes, metres
  double angle_deg = 0;         // of the major axis, counter-clockwise from east
};

// One-standard-deviation ellipse of the cell centres weighted by counts:
// principal axes of the (population) covariance, semi-axes sqrt(2) times the
// standard deviation along each axis (the ArcGIS 10.0+ convention, about 63%
// of a bivariate normal sample), at least half a cell.
Ellipse deviational_ellipse(const std::vector<LatticeCell>& cells, double side);
// The ellipse as a polygon of `vertices` points.
GeomPtr ellipse_polygon(const GeosContext& ctx, const Ellipse& e, int vertices = 72);

}  // namespace hotspot
