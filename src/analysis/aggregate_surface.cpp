#include "analysis/aggregate_surface.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace hotspot {
namespace {

long floor_div(long a, long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Absolute lattice indices of square s: column i (x / D) and row j (y / D, south edge).
struct Abs {
  long i0, jtop;  // absolute column of column 0; absolute row of row 0's south edge
  int nx;
  long i(std::size_t s) const { return i0 + static_cast<long>(s % static_cast<std::size_t>(nx)); }
  long j(std::size_t s) const { return jtop - static_cast<long>(s / static_cast<std::size_t>(nx)); }
};

std::size_t nearest_candidate(const GridSpec& g, const std::vector<std::uint8_t>& candidate, int row, int col) {
  const int reach = std::max(g.nx, g.ny);
  for (int r = 1; r <= reach; ++r) {
    std::size_t best = candidate.size();
    long best_d = std::numeric_limits<long>::max();
    for (int dr = -r; dr <= r; ++dr)
      for (int dc = -r; dc <= r; ++dc) {
        if (std::max(std::abs(dr), std::abs(dc)) != r) continue;  // the ring at Chebyshev distance r
        const int rr = row + dr, cc = col + dc;
        if (rr < 0 || cc < 0 || rr >= g.ny || cc >= g.nx || !candidate[g.index(rr, cc)]) continue;
        const long d = static_cast<long>(dr) * dr + static_cast<long>(dc) * dc;
        const std::size_t s = g.index(rr, cc);
        if (d < best_d || (d == best_d && s < best)) best = s, best_d = d;
      }
    if (best < candidate.size()) return best;
  }
  return candidate.size();
}

}  // namespace

GridSpec square_lattice(double min_x, double min_y, double max_x, double max_y, double d) {
  GridSpec g = aligned_grid(min_x, min_y, max_x, max_y, d, 0);
  g.nx = std::max(g.nx, 1);
  g.ny = std::max(g.ny, 1);
  return g;
}

AggregatePartition aggregate_partition(const std::vector<WeightedPoint>& points, const GridSpec& lattice,
                                       const std::vector<std::uint8_t>& candidate, int m, Spread spread) {
  const bool occupied_only = spread == Spread::Occupied;
  AggregatePartition out;
  out.lattice = lattice;
  const std::size_t n = lattice.size();
  out.region_of.assign(n, -1);
  std::vector<long> count(n, 0);
  std::vector<double> weight(n, 0);
  for (const WeightedPoint& p : points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || p.w == 0) continue;
    const int col = std::clamp(static_cast<int>(std::floor((p.x - lattice.origin_x) / lattice.cell)), 0, lattice.nx - 1);
    const int row = std::clamp(static_cast<int>(std::floor((lattice.origin_y - p.y) / lattice.cell)), 0, lattice.ny - 1);
    std::size_t s = lattice.index(row, col);
    if (!candidate[s]) s = nearest_candidate(lattice, candidate, row, col);
    if (s >= n) continue;  // no square touches the area: nothing can be drawn
    ++count[s];
    weight[s] += p.w;
  }
  const Abs abs{std::lround(lattice.origin_x / lattice.cell), std::lround(lattice.origin_y / lattice.cell) - 1,
                lattice.nx};

  auto form = [&](const std::vector<std::size_t>& squares, long c, int level) {
    AggregateRegion r;
    r.squares = squares;
    r.count = c;
    r.level = level;
    for (std::size_t s : squares) r.weight += weight[s], out.region_of[s] = static_cast<int>(out.regions.size());
    out.regions.push_back(std::move(r));
  };
  auto join = [&](int region, const std::vector<std::size_t>& squares) {
    AggregateRegion& r = out.regions[static_cast<std::size_t>(region)];
    for (std::size_t s : squares) {
      r.squares.push_back(s), r.count += count[s], r.weight += weight[s];
      out.region_of[s] = region;
    }
    std::sort(r.squares.begin(), r.squares.end());
    r.level = -1;
  };
  // The most spread-out region among `regions` (most squares; ties: the first
  // formed), -1 when none: a residue that joins it dilutes a diffuse region,
  // never a dense square.
  auto widest = [&](const std::vector<int>& regions) {
    int best = -1;
    for (int r : regions)
      if (best < 0 || out.regions[static_cast<std::size_t>(r)].squares.size() >
                          out.regions[static_cast<std::size_t>(best)].squares.size())
        best = r;
    return best;
  };

  // Level 0: squares holding m or more.
  for (std::size_t s = 0; s < n; ++s)
    if (candidate[s] && count[s] >= m) form({s}, count[s], 0);

  // Levels 1..: each block's residue. Stop once one block holds every square.
  const long span = std::max<long>(lattice.nx, lattice.ny);
  int top = 1;
  while ((1L << top) < 2 * span + 2) ++top;
  const long pin_part = m - 1;
  // Squares of a residue that passed up because publishing it would pin its
  // parts: the bound "each part at most m - 1" no longer holds above them, so
  // they never form a region of their own, only join one.
  std::vector<std::uint8_t> tainted(n, 0);
  for (int k = 1; k <= top; ++k) {
    std::map<std::pair<long, long>, std::vector<std::size_t>> residue;  // block -> unassigned candidate squares
    std::map<std::pair<long, long>, std::vector<int>> inside;           // block -> regions formed inside it
    for (std::size_t s = 0; s < n; ++s) {
      if (!candidate[s] || (occupied_only && count[s] == 0)) continue;
      const std::pair<long, long> block{floor_div(abs.i(s), 1L << k), floor_div(abs.j(s), 1L << k)};
      if (out.region_of[s] < 0) residue[block].push_back(s);
      else {
        auto& in = inside[block];
        if (std::find(in.begin(), in.end(), out.region_of[s]) == in.end()) in.push_back(out.region_of[s]);
      }
    }
    for (const auto& [block, squares] : residue) {
      long total = 0;
      bool taint = false;
      std::vector<std::pair<long, long>> parts;
      for (std::size_t s : squares) {
        total += count[s];
        taint = taint || tainted[s];
        parts.emplace_back(floor_div(abs.i(s), 1L << (k - 1)), floor_div(abs.j(s), 1L << (k - 1)));
      }
      if (total < m) continue;  // passes up
      std::sort(parts.begin(), parts.end());
      parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
      // Occupied parts are also known to hold at least one: n = c pins them all to one.
      if (taint || total == static_cast<long>(parts.size()) * pin_part ||
          (occupied_only && total == static_cast<long>(parts.size()))) {
        const auto it = inside.find(block);
        const int into = it == inside.end() ? -1 : widest(it->second);
        if (into >= 0) join(into, squares);
        else
          for (std::size_t s : squares) tainted[s] = 1;
        ++out.pinned;
        continue;  // joined, or passes up
      }
      form(squares, total, k);
    }
  }
  // Whatever is left over: the top blocks' residues, each at most m - 1 (or a
  // pinned residue that had no region to join).
  std::vector<std::size_t> left;
  std::vector<std::pair<long, long>> parts;
  long total = 0;
  bool taint = false;
  for (std::size_t s = 0; s < n; ++s)
    if (candidate[s] && out.region_of[s] < 0 && (!occupied_only || count[s] > 0)) {
      left.push_back(s), total += count[s], taint = taint || tainted[s];
      parts.emplace_back(floor_div(abs.i(s), 1L << top), floor_div(abs.j(s), 1L << top));
    }
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  if (total >= m && !taint &&
      (parts.size() < 2 || (total != static_cast<long>(parts.size()) * pin_part &&
                            !(occupied_only && total == static_cast<long>(parts.size()))))) {
    form(left, total, top + 1);
  } else if (total > 0) {
    std::vector<int> all(out.regions.size());
    for (std::size_t r = 0; r < all.size(); ++r) all[r] = static_cast<int>(r);
    const int into = widest(all);
    if (into >= 0) join(into, left);
    else out.undrawn = total;  // no region to join (fewer than m protected incidents, or only a pinned set): not drawn
  }
  return out;
}

std::vector<WeightedPoint> aggregate_points(const AggregatePartition& partition, int q) {
  q = std::max(q, 1);
  const GridSpec& g = partition.lattice;
  const double step = g.cell / q;
  std::vector<WeightedPoint> out;
  for (const AggregateRegion& r : partition.regions) {
    if (r.squares.empty() || r.weight == 0) continue;
    const double w = r.weight / (static_cast<double>(r.squares.size()) * q * q);
    for (std::size_t s : r.squares) {
      const int row = static_cast<int>(s / static_cast<std::size_t>(g.nx)), col = static_cast<int>(s % static_cast<std::size_t>(g.nx));
      const double x0 = g.origin_x + col * g.cell, y1 = g.origin_y - row * g.cell;
      for (int a = 0; a < q; ++a)
        for (int b = 0; b < q; ++b) out.push_back({x0 + (b + 0.5) * step, y1 - (a + 0.5) * step, w});
    }
  }
  return out;
}

}  // namespace hotspot
