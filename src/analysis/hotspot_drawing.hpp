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
//
// Disclosure: for a theme with min_count m > 1, a hotspot resting on fewer
// than m incidents of the forecast's look-back is withheld (its squares are
// not drawn), as the published layer withholds it (kde_hotspots.cpp); so is a
// hotspot of a theme that can hold another's protected incidents (violence
// holds VAWG's) whose look-back holds 1 to p - 1 of them, p that theme's
// minimum (app/disclosure/polygon_disclosure.hpp). It is part of the drawing
// so that the backtest scores exactly what is published.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "analysis/forecast.hpp"
#include "core/grid.hpp"

namespace hotspot {

struct DrawingRule {
  std::size_t max_cells = 0;  // squares at the coverage (forecast_measures.hpp's cells_for_coverage)
  int max_hotspots = 0;       // 0: no cap (the default, docs/forecast-drawing.md)
  int join = 3;               // squares (Chebyshev) that still join two drawn squares into one hotspot; >= 1
  int min_count = 0;          // the theme's disclosure minimum: hotspots with fewer look-back incidents are withheld
  int protected_min_count = 0;  // protection's minimum: hotspots with 1 to this - 1 protected incidents are withheld
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
  int withheld = 0;           // hotspots withheld by disclosure (min_count), not in `hotspot` or `cells`
};

// score, in_area, lookback and lookback_protected are per grid cell of spec
// (row-major, as GridSpec::index); lookback holds the incidents of the
// forecast's look-back (read only with rule.min_count > 1, and then
// required), lookback_protected those of them that are protected content
// (read with rule.protected_min_count > 1; empty: none).
HotspotDrawing forecast_drawing(const GridSpec& spec, std::span<const double> score,
                                std::span<const std::uint8_t> in_area, const DrawingRule& rule,
                                std::span<const double> lookback = {}, std::span<const double> lookback_protected = {});

// The rule for a coverage on an evaluation grid: max_cells =
// cells_for_coverage(coverage) of its study area.
DrawingRule drawing_rule(double coverage, int max_hotspots, int join, int min_count, const EvalGrid& grid);

// The drawing of a forecast scored per study-area cell of `grid` (the order
// forecast() returns): scattered onto grid.spec, the study area being the
// cells with compact >= 0. The one function the pack's hotspots and `hotspot
// evaluate`'s drawn rows both call, so the two cannot draw differently.
// The look-back's incidents are per study-area cell too (forecast.hpp's
// lookback_incidents); none is needed when the rule withholds nothing.
HotspotDrawing draw_forecast(const EvalGrid& grid, std::span<const double> score, const DrawingRule& rule,
                             const LookbackIncidents* lookback = nullptr);

}  // namespace hotspot
