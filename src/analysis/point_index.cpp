#include "analysis/point_index.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <tuple>

namespace hotspot {

Locations distinct_locations(const std::vector<WeightedPoint>& pts) {
  std::vector<std::size_t> order(pts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return pts[a].x < pts[b].x || (pts[a].x == pts[b].x && pts[a].y < pts[b].y);
  });
  Locations loc;
  loc.of_point.resize(pts.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t i = order[k];
    if (k == 0 || pts[i].x != loc.x.back() || pts[i].y != loc.y.back()) {
      loc.x.push_back(pts[i].x);
      loc.y.push_back(pts[i].y);
      loc.members.emplace_back();
    }
    loc.members.back().push_back(i);  // ascending: stable sort keeps input order
    loc.of_point[i] = loc.x.size() - 1;
  }
  return loc;
}

void neighbours(const LocationTree& tree, const Locations& loc, std::size_t i, double radius_sq, bool inclusive,
                std::vector<std::uint32_t>& out) {
  const double q[2] = {loc.x[i], loc.y[i]};
  RadiusCollector collector(radius_sq, inclusive, out);
  tree.findNeighbors(collector, q, nanoflann::SearchParams());
}

namespace {

std::uint64_t mix(std::uint64_t h) {  // splitmix64's finaliser
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

std::uint64_t hash_xy(double x, double y) {
  x += 0.0;  // -0 and +0 are one location, as == says
  y += 0.0;
  std::uint64_t bx = 0, by = 0;
  std::memcpy(&bx, &x, sizeof bx);
  std::memcpy(&by, &y, sizeof by);
  return mix(bx ^ mix(by));
}

// Distinct locations in order of first appearance, with counts; fills
// `location_of` for every point. Open addressing, table at most half full.
std::vector<LocationGrid::Location> distinct_in_input_order(const std::vector<WeightedPoint>& pts,
                                                            std::vector<std::uint32_t>& location_of) {
  constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  std::vector<LocationGrid::Location> out;
  std::vector<std::uint32_t> table(1024, kEmpty);
  location_of.resize(pts.size());
  for (std::size_t p = 0; p < pts.size(); ++p) {
    if (2 * (out.size() + 1) > table.size()) {  // grow and re-insert
      std::vector<std::uint32_t>(table.size() * 2, kEmpty).swap(table);
      for (std::uint32_t l = 0; l < out.size(); ++l) {
        std::size_t slot = hash_xy(out[l].x, out[l].y) & (table.size() - 1);
        while (table[slot] != kEmpty) slot = (slot + 1) & (table.size() - 1);
        table[slot] = l;
      }
    }
    std::size_t slot = hash_xy(pts[p].x, pts[p].y) & (table.size() - 1);
    while (table[slot] != kEmpty && (out[table[slot]].x != pts[p].x || out[table[slot]].y != pts[p].y))
      slot = (slot + 1) & (table.size() - 1);
    if (table[slot] == kEmpty) {
      table[slot] = static_cast<std::uint32_t>(out.size());
      out.push_back({pts[p].x, pts[p].y, p, 0});
    }
    ++out[table[slot]].count;
    location_of[p] = table[slot];
  }
  return out;
}

}  // namespace

LocationGrid::LocationGrid(const std::vector<WeightedPoint>& pts, double radius, bool inclusive, double cell_ratio)
    : radius_sq_(radius * radius), inclusive_(inclusive) {
  if (!(radius > 0)) throw std::invalid_argument("location grid: the radius must be positive");
  if (!(cell_ratio >= 0.55 && cell_ratio <= 1)) throw std::invalid_argument("location grid: cell ratio outside [0.55, 1]");
  if (pts.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("location grid: more than 2^32 - 1 points");
  if (pts.empty()) return;
  double min_x = pts[0].x, min_y = pts[0].y, max_x = min_x, max_y = min_y;
  for (const WeightedPoint& p : pts) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) throw std::invalid_argument("location grid: non-finite coordinate");
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
  // Below 2^50 cells across, a computed cell index is off by under 1/8, so
  // two locations within the radius (under 1/0.55 cells apart) are at most
  // 2 cells apart.
  const double side = radius * cell_ratio;
  if (std::max(max_x - min_x, max_y - min_y) / side >= 0x1p50)
    throw std::invalid_argument("location grid: radius too small for the extent of the points");

  // Distinct locations in order of first appearance (so `first` is the
  // smallest input index), found with a hash table: about 5 bytes per point.
  std::vector<Location> seen = distinct_in_input_order(pts, location_of_point_);

  // Cells in (cx, cy) order, each holding its locations contiguously.
  struct Keyed {
    std::int64_t cx, cy;
    std::uint32_t location;
  };
  std::vector<Keyed> keyed(seen.size());
  for (std::uint32_t i = 0; i < seen.size(); ++i)
    keyed[i] = {static_cast<std::int64_t>(std::floor((seen[i].x - min_x) / side)),
                static_cast<std::int64_t>(std::floor((seen[i].y - min_y) / side)), i};
  std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
    return std::tie(a.cx, a.cy, seen[a.location].first) < std::tie(b.cx, b.cy, seen[b.location].first);
  });
  std::vector<std::uint32_t> new_index(seen.size());
  locations_.reserve(seen.size());
  for (std::size_t k = 0; k < keyed.size(); ++k) {
    const Keyed& e = keyed[k];
    const auto here = static_cast<std::uint32_t>(k);
    if (k == 0 || e.cx != keyed[k - 1].cx || e.cy != keyed[k - 1].cy) {
      if (!cells_.empty()) cells_.back().end = here;
      cells_.push_back({e.cx, e.cy, here, here, 0, false});
    }
    new_index[e.location] = here;
    locations_.push_back(seen[e.location]);
    cells_.back().points += seen[e.location].count;
  }
  cells_.back().end = static_cast<std::uint32_t>(locations_.size());
  for (std::uint32_t& l : location_of_point_) l = new_index[l];
  for (Cell& c : cells_) {
    double lo_x = locations_[c.begin].x, hi_x = lo_x, lo_y = locations_[c.begin].y, hi_y = lo_y;
    for (std::uint32_t i = c.begin; i < c.end; ++i) {
      lo_x = std::min(lo_x, locations_[i].x);
      hi_x = std::max(hi_x, locations_[i].x);
      lo_y = std::min(lo_y, locations_[i].y);
      hi_y = std::max(hi_y, locations_[i].y);
    }
    const double dx = hi_x - lo_x, dy = hi_y - lo_y;
    c.tight = passes(dx * dx + dy * dy);
  }
}

std::uint32_t LocationGrid::first_at_or_after(std::int64_t cx, std::int64_t cy) const {
  const auto it = std::lower_bound(cells_.begin(), cells_.end(), std::pair{cx, cy}, [](const Cell& c, const auto& key) {
    return c.cx < key.first || (c.cx == key.first && c.cy < key.second);
  });
  return static_cast<std::uint32_t>(it - cells_.begin());
}

void unite_within_radius(const LocationGrid& grid, const std::vector<char>& member, DisjointSets& sets) {
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  const auto& cells = grid.cells();
  std::vector<std::uint32_t> first_member(cells.size(), kNone);
  for (std::uint32_t c = 0; c < cells.size(); ++c) {
    const LocationGrid::Cell& cell = cells[c];
    for (std::uint32_t i = cell.begin; i < cell.end; ++i) {
      if (!member[i]) continue;
      if (first_member[c] == kNone) first_member[c] = i;
      if (cell.tight) {
        sets.unite(first_member[c], i);
      } else {
        for (std::uint32_t j = cell.begin; j < i; ++j)
          if (member[j] && grid.within(i, j)) sets.unite(i, j);
      }
    }
  }
  for (std::uint32_t a = 0; a < cells.size(); ++a) {
    if (first_member[a] == kNone) continue;
    grid.for_each_neighbour(a, [&](std::uint32_t b) {
      if (b < a || first_member[b] == kNone) return true;  // each pair once
      const bool blocks = cells[a].tight && cells[b].tight;
      if (blocks && sets.find(first_member[a]) == sets.find(first_member[b])) return true;
      for (std::uint32_t i = first_member[a]; i < cells[a].end; ++i) {
        if (!member[i]) continue;
        for (std::uint32_t j = first_member[b]; j < cells[b].end; ++j) {
          if (!member[j] || (!blocks && sets.find(i) == sets.find(j)) || !grid.within(i, j)) continue;
          sets.unite(i, j);
          if (blocks) return true;
        }
      }
      return true;
    });
  }
}

DisjointSets::DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }

std::size_t DisjointSets::find(std::size_t a) {
  while (parent_[a] != a) {
    parent_[a] = parent_[parent_[a]];
    a = parent_[a];
  }
  return a;
}

void DisjointSets::unite(std::size_t a, std::size_t b) {
  a = find(a);
  b = find(b);
  if (a != b) parent_[std::max(a, b)] = std::min(a, b);
}

}  // namespace hotspot
