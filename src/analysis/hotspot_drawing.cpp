#include "analysis/hotspot_drawing.hpp"

#include <algorithm>
#include <numeric>

#include "core/error.hpp"

namespace hotspot {
namespace {

// Union-find over grid cells (only drawn cells are ever joined).
struct Groups {
  std::vector<std::size_t> parent;
  explicit Groups(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
  std::size_t find(std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  // True when a and b were apart.
  bool join(std::size_t a, std::size_t b) {
    a = find(a), b = find(b);
    if (a == b) return false;
    if (b < a) std::swap(a, b);  // the root is the lower index: deterministic
    parent[b] = a;
    return true;
  }
};

// Adds cell i to the drawing; returns how many hotspots it merged into it (0: a new one).
int add(const GridSpec& spec, int join, std::size_t i, std::vector<std::uint8_t>& drawn, Groups& g) {
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
                             std::span<const std::uint8_t> in_area, const DrawingRule& rule) {
  const std::size_t n = spec.size();
  if (score.size() != n || in_area.size() != n)
    throw internal_error("hotspots", "the forecast and the study area must cover the grid");
  if (rule.join < 1) throw internal_error("hotspots", "hotspot squares join at 1 square or more");

  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < n; ++i)
    if (in_area[i] && score[i] > 0) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return score[a] != score[b] ? score[a] > score[b] : a < b;
  });

  HotspotDrawing out;
  std::vector<std::uint8_t> drawn(n, 0);
  Groups groups(n);
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
      groups = Groups(n);
      for (std::size_t r = 0; r < kept; ++r) add(spec, rule.join, order[r], drawn, groups);
      break;
    }
    count = after;
    kept = end;
  }

  out.cells = kept;
  out.hotspot.assign(n, 0);
  if (kept == 0) return out;
  out.cut = score[order[kept - 1]];
  // One hotspot per group, first numbered by raster order of their first square.
  std::vector<std::int32_t> id(n, 0);
  std::vector<double> total;
  std::vector<std::size_t> first;
  for (std::size_t i = 0; i < n; ++i) {
    if (!drawn[i]) continue;
    const std::size_t root = groups.find(i);
    if (!id[root]) {
      id[root] = static_cast<std::int32_t>(total.size() + 1);
      total.push_back(0);
      first.push_back(i);
    }
    total[static_cast<std::size_t>(id[root] - 1)] += score[i];
  }
  // Renumber by total, highest first (first square in raster order breaks ties).
  std::vector<std::size_t> rank(total.size());
  std::iota(rank.begin(), rank.end(), std::size_t{0});
  std::sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) {
    return total[a] != total[b] ? total[a] > total[b] : first[a] < first[b];
  });
  std::vector<std::int32_t> number(total.size());
  for (std::size_t r = 0; r < rank.size(); ++r) number[rank[r]] = static_cast<std::int32_t>(r + 1);
  for (std::size_t i = 0; i < n; ++i)
    if (drawn[i]) out.hotspot[i] = number[static_cast<std::size_t>(id[groups.find(i)] - 1)];
  out.hotspots = static_cast<int>(total.size());
  out.total.resize(total.size());
  for (std::size_t r = 0; r < rank.size(); ++r) out.total[r] = total[rank[r]];
  return out;
}

}  // namespace hotspot
