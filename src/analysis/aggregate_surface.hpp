#pragma once
// KDE surfaces that do not invert (issue 23, item 3).
//
// Inside the kernel's reach a quartic (or any polynomial-kernel) surface is a
// polynomial in x and y whose coefficients are moments of the incidents that
// reach it: fitting a window of published cells gives their number and
// centroid exactly, and two windows whose sets differ by one incident give
// that incident's position. Masking sparse cells does not help: what is left
// is still exact. So the protected incidents are never put on the surface
// themselves. They are first reduced to a partition of the study area into
// regions, each a set of squares of side D (the stated distance, on the public
// lattice of multiples of D), holding either no protected incident or at
// least m of them; each region's incidents are spread uniformly over its
// squares and only then smoothed with the kernel.
//
// What the published surface can give back. It is a function of (the
// regions' squares, each region's total weight) and of the unprotected
// incidents only: move protected incidents anywhere within their squares and
// every cell is the same to the last bit (the partition depends on the
// squares' counts alone). So no analysis of the cells, moment fitting
// included, can place a protected incident more precisely than "in one of
// these squares", nor count fewer than m of them anywhere: the finest counts
// the surface holds are the regions', each at least m.
//
// What the choice of regions says. Regions are formed bottom-up on nested
// blocks of 2^k x 2^k squares (aligned on multiples of 2^k D):
//   level 0: a square holding m or more is a region;
//   level k: in each block, the squares no region took yet (the block's
//            residue, empty squares included, so a region never says which of
//            its squares are occupied) become one region when they hold m or
//            more; otherwise they pass up to the block above;
//   last:    what is left over joins the most spread-out region (or, when
//            there is none, is not drawn: the theme held fewer than m).
// A reader who knows the rule learns that each part a region was made of
// (its child blocks' residues) held at most m - 1. With c parts and n
// incidents that pins every part to exactly m - 1 when n = c (m - 1), so such
// a residue is not published as a region of its own: it joins the most
// spread-out region inside its block (whose own bounds keep the sum from
// pinning) or, when the block has none, passes up and only ever joins one.
// A part is otherwise left with the range [max(0, n - (c-1)(m-1)), m-1]: a
// withheld count, as "<m" in a table.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/kde.hpp"
#include "core/grid.hpp"

namespace hotspot {

struct AggregateRegion {
  std::vector<std::size_t> squares;  // indices into the lattice, ascending
  long count = 0;                    // protected incidents in them (at least m)
  double weight = 0;                 // their total weight (the mass spread)
  int level = 0;                     // block level it was formed at; -1 = joined by a leftover
};

struct AggregatePartition {
  GridSpec lattice;                    // squares of side D, edges on multiples of D
  std::vector<AggregateRegion> regions;
  std::vector<int> region_of;          // per square: its region, -1 = none (holds no protected incident)
  long undrawn = 0;                    // incidents left out: the whole theme held fewer than m
  int pinned = 0;                      // residues that joined another region instead of pinning their parts
};

// The lattice of squares of side `d` covering [min_x, max_x] x [min_y, max_y].
GridSpec square_lattice(double min_x, double min_y, double max_x, double max_y, double d);

// `candidate[s]`: square s can hold incidents (it touches the study area; public).
// A point in a square that is not a candidate counts in the nearest candidate
// square (by square distance, then by index). `m` >= 2.
// Block: a residue region takes every square of its block that no region took
// (empty ones too), so it never says which squares are occupied. Occupied: it
// takes only the squares holding an incident, so the map keeps them sharp but
// says "this D-square holds 1 to m-1"; a residue of n incidents in c occupied
// parts then also pins them all when n = c, and such a residue joins instead.
enum class Spread { Block, Occupied };
AggregatePartition aggregate_partition(const std::vector<WeightedPoint>& points, const GridSpec& lattice,
                                       const std::vector<std::uint8_t>& candidate, int m,
                                       Spread spread = Spread::Block);

// The points that stand for the partition on the surface: q x q points per
// square of each region, evenly spaced (centres of the square's q x q
// sub-squares), each weighing the region's weight / (squares x q^2).
std::vector<WeightedPoint> aggregate_points(const AggregatePartition& partition, int q);

}  // namespace hotspot
