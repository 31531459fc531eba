#include "analysis/hotspot_drawing.hpp"

#include <algorithm>

#include "analysis/forecast_measures.hpp"
#include "core/disjoint_sets.hpp"
#include "core/error.hpp"

namespace hotspot {
namespace {

// Adds cell i to the drawing; returns how many hotspots it merged into it (0: a new one).
int add(const GridSpec& spec, int join, std::size_t i, std::vector<std::uint8_t>& drawn, DisjointSets& g) {
  const int row = static_cast<int>(i / static_cast<std::size_t>(spec.nx));
  const int col = static_cast<int>(i % static_cast<std::size_t>(spec.nx));
  drawn[i] = 1;
  int merged = 0;
  for (int r = std::max(0, row - join); r <= std::min(spec.ny - 1, row + join); ++r)
    for (int c = std::max(0, col - join); c <= std::min(spec.nx - 1, col + join); ++c) {
      const std::size_t j = spec.index(r, c);
      if (j != i && drawn[j] && g.join(i, j)) ++merged;
    }
  return merged;
}

}  // namespace

HotspotDrawing forecast_drawing(const GridSpec& spec, std::span<const double> score,
                                std::span<const std::uint8_t> in_area, const DrawingRule& rule,
                                std::span<const double> lookback, std::span<const double> lookback_protected) {
  const std::size_t n = spec.size();
  if (score.size() != n || in_area.size() != n)
    throw internal_error("hotspots", "the forecast and the study area must cover the grid");
  if (rule.join < 1) throw internal_error("hotspots", "hotspot squares join at 1 square or more");
  const bool withholds = rule.min_count > 1, protects = rule.protected_min_count > 1 && !lookback_protected.empty();
  if (withholds && lookback.size() != n)
    throw internal_error("hotspots", "withholding needs the look-back's incidents on every square");
  if (protects && lookback_protected.size() != n)
    throw internal_error("hotspots", "protection needs the look-back's protected incidents on every square");

  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < n; ++i)
    if (in_area[i] && score[i] > 0) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return score[a] != score[b] ? score[a] > score[b] : a < b;
  });

  HotspotDrawing out;
  std::vector<std::uint8_t> drawn(n, 0);
  DisjointSets groups(n);  // over grid cells; only drawn cells are ever joined
  std::size_t kept = 0;  // squares of the accepted batches: order[0, kept)
  int count = 0;         // hotspots among them
  while (kept < order.size() && kept < rule.max_cells) {
    std::size_t end = kept;
    while (end < order.size() && score[order[end]] == score[order[kept]]) ++end;
    int after = count;
    for (std::size_t r = kept; r < end; ++r) after += 1 - add(spec, rule.join, order[r], drawn, groups);
    if (rule.max_hotspots > 0 && after > rule.max_hotspots) {
      // This batch is not drawn: start again from the accepted squares only.
      out.capped = true;
      std::fill(drawn.begin(), drawn.end(), 0);
      groups = DisjointSets(n);
      for (std::size_t r = 0; r < kept; ++r) add(spec, rule.join, order[r], drawn, groups);
      break;
    }
    count = after;
    kept = end;
  }

  out.hotspot.assign(n, 0);
  if (kept == 0) return out;
  // One hotspot per group, first numbered by raster order of their first square.
  std::vector<std::int32_t> id(n, 0);
  std::vector<double> total, incidents, protected_incidents;
  std::vector<std::size_t> first;
  for (std::size_t i = 0; i < n; ++i) {
    if (!drawn[i]) continue;
    const std::size_t root = groups.find(i);
    if (!id[root]) {
      id[root] = static_cast<std::int32_t>(total.size() + 1);
      total.push_back(0);
      incidents.push_back(0);
      protected_incidents.push_back(0);
      first.push_back(i);
    }
    total[static_cast<std::size_t>(id[root] - 1)] += score[i];
    if (withholds) incidents[static_cast<std::size_t>(id[root] - 1)] += lookback[i];
    if (protects) protected_incidents[static_cast<std::size_t>(id[root] - 1)] += lookback_protected[i];
  }
  // Withheld hotspots are not drawn; the rest are renumbered by total, highest
  // first (first square in raster order breaks ties).
  std::vector<std::size_t> rank;
  for (std::size_t g = 0; g < total.size(); ++g) {
    // A count is a whole number; the small margin absorbs the sum's rounding.
    const bool too_few = withholds && incidents[g] < rule.min_count - 1e-6;
    const bool gives_protected =
        protects && protected_incidents[g] > 0.5 && protected_incidents[g] < rule.protected_min_count - 1e-6;
    if (too_few || gives_protected) ++out.withheld;
    else rank.push_back(g);
  }
  std::sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) {
    return total[a] != total[b] ? total[a] > total[b] : first[a] < first[b];
  });
  std::vector<std::int32_t> number(total.size(), 0);
  for (std::size_t r = 0; r < rank.size(); ++r) number[rank[r]] = static_cast<std::int32_t>(r + 1);
  for (std::size_t i = 0; i < n; ++i) {
    if (!drawn[i]) continue;
    out.hotspot[i] = number[static_cast<std::size_t>(id[groups.find(i)] - 1)];
    if (out.hotspot[i] == 0) continue;
    ++out.cells;
    out.cut = std::min(out.cut, score[i]);
  }
  out.hotspots = static_cast<int>(rank.size());
  out.total.resize(rank.size());
  for (std::size_t r = 0; r < rank.size(); ++r) out.total[r] = total[rank[r]];
  return out;
}

DrawingRule drawing_rule(double coverage, int max_hotspots, int join, int min_count, const EvalGrid& grid) {
  const double cell_area = grid.spec.cell * grid.spec.cell;
  return DrawingRule{.max_cells = cells_for_coverage(coverage, cell_area, grid.study_area_m2, grid.cells()),
                     .max_hotspots = max_hotspots, .join = join, .min_count = min_count};
}

HotspotDrawing draw_forecast(const EvalGrid& grid, std::span<const double> score, const DrawingRule& rule,
                             const LookbackIncidents* lookback) {
  if (score.size() != grid.cells()) throw internal_error("hotspots", "the forecast must score every study-area cell");
  const bool withholds = rule.min_count > 1 || rule.protected_min_count > 1;
  if (withholds && (!lookback || lookback->all.size() != grid.cells()))
    throw internal_error("hotspots", "withholding needs the look-back's incidents on every study-area cell");
  const bool protects = withholds && !lookback->protected_content.empty();
  std::vector<double> values(grid.spec.size(), 0.0), all(withholds ? grid.spec.size() : 0, 0.0),
      covered(protects ? grid.spec.size() : 0, 0.0);
  std::vector<std::uint8_t> in_area(grid.spec.size(), 0);
  for (std::size_t i = 0; i < grid.compact.size(); ++i)
    if (grid.compact[i] >= 0) {
      const auto c = static_cast<std::size_t>(grid.compact[i]);
      in_area[i] = 1;
      values[i] = score[c];
      if (withholds) all[i] = lookback->all[c];
      if (protects) covered[i] = lookback->protected_content[c];
    }
  return forecast_drawing(grid.spec, values, in_area, rule, all, covered);
}

}  // namespace hotspot
