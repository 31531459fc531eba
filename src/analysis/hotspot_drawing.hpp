#pragma once
// Which forecast squares the pack draws as hotspots, and how they are grouped
// into numbered hotspots: the drawing rule that `hotspot evaluate` scores and
// the hotspot layer publishes (docs/forecast-drawing.md).
//
// The drawing is always the forecast's own top squares. Squares in the study
// area scoring above zero are added in descending score, all the squares of
// one score together (a tie is never split), while
//   - fewer than `max_cells` squares are drawn: the coverage. The batch holding
//     the max_cells-th square is still added, so ties at the cut are all kept,
//     as the pack has always done; and
//   - the drawn squares form at most `max_hotspots` hotspots: the first batch
//     that would make more is not added, and the drawing stops there.
// So every drawn square scores at least as much as every square not drawn:
// the drawing is the ranking at the area it covers, which is how it must be
// scored. Nothing is dropped for being small, and nothing is grown.
//
// Two drawn squares belong to one hotspot when a chain of drawn squares joins
// them, each step at most `join` squares apart in rows and in columns
// (Chebyshev distance): join = 1 is 8-connectivity; join = 3, the default,
// joins squares with up to two empty squares (200 m at 100 m) between them,
// the walk a patrol makes between places of one hotspot.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "core/grid.hpp"

namespace hotspot {

struct DrawingRule {
  std::size_t max_cells = 0;  // squares at the coverage (forecast_measures.hpp's cells_for_coverage)
  int max_hotspots = 20;      // 0: no cap
  int join = 3;               // squares (Chebyshev) that still join two drawn squares into one hotspot; >= 1
};

struct HotspotDrawing {
  double cut = std::numeric_limits<double>::infinity();  // lowest drawn score; +inf when nothing is drawn
  std::size_t cells = 0;                                 // squares drawn
  int hotspots = 0;
  // Per grid cell: 0 = not drawn, else its hotspot 1..hotspots. Hotspots are
  // numbered by their squares' total score, highest first; equal totals by
  // their first square in raster order (north-west first).
  std::vector<std::int32_t> hotspot;
  std::vector<double> total;  // per hotspot (index = number - 1): the sum of its squares' scores
  bool capped = false;        // the cap on hotspots, not the coverage, stopped the drawing
};

// score and in_area are per grid cell of spec (row-major, as GridSpec::index).
HotspotDrawing forecast_drawing(const GridSpec& spec, std::span<const double> score,
                             std::span<const std::uint8_t> in_area, const DrawingRule& rule);

}  // namespace hotspot
