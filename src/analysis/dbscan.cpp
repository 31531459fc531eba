#include "analysis/dbscan.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>

#include "analysis/point_index.hpp"

namespace hotspot {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// Core locations: at least `need` points within eps. A tight cell holding
// `need` points is all core without a distance test; otherwise counts stop as
// soon as they reach `need`.
std::vector<char> core_locations(const LocationGrid& grid, std::size_t need) {
  const auto& loc = grid.locations();
  const auto& cells = grid.cells();
  std::vector<char> core(loc.size(), 0);
  for (std::uint32_t c = 0; c < cells.size(); ++c) {
    const LocationGrid::Cell& cell = cells[c];
    if (cell.tight && cell.points >= need) {
      std::fill(core.begin() + cell.begin, core.begin() + cell.end, 1);
      continue;
    }
    for (std::uint32_t i = cell.begin; i < cell.end; ++i) {
      std::size_t count = 0;
      if (cell.tight) {
        count = cell.points;
      } else {
        for (std::uint32_t j = cell.begin; j < cell.end; ++j)
          if (grid.within(i, j)) count += loc[j].count;
      }
      grid.for_each_neighbour(c, [&](std::uint32_t b) {
        for (std::uint32_t j = cells[b].begin; j < cells[b].end && count < need; ++j)
          if (grid.within(i, j)) count += loc[j].count;
        return count < need;
      });
      core[i] = count >= need;
    }
  }
  return core;
}

// Cluster id of each core location's set: 0, 1, ... in the input order of
// each cluster's first core point.
std::vector<int> number_clusters(const LocationGrid& grid, const std::vector<char>& core, DisjointSets& sets,
                                 int& clusters) {
  const auto& loc = grid.locations();
  std::vector<std::size_t> first_point(loc.size(), kNone);  // by root
  for (std::uint32_t i = 0; i < loc.size(); ++i)
    if (core[i]) {
      std::size_t& f = first_point[sets.find(i)];
      f = std::min(f, loc[i].first);
    }
  std::vector<std::pair<std::size_t, std::uint32_t>> order;  // (first point, root)
  for (std::uint32_t i = 0; i < loc.size(); ++i)
    if (first_point[i] != kNone) order.emplace_back(first_point[i], i);
  std::sort(order.begin(), order.end());
  std::vector<int> id_of_root(loc.size(), -1);
  for (std::size_t k = 0; k < order.size(); ++k) id_of_root[order[k].second] = static_cast<int>(k);
  clusters = static_cast<int>(order.size());
  return id_of_root;
}

}  // namespace

DbscanResult dbscan(const std::vector<WeightedPoint>& points, double eps, int min_points) {
  if (!(eps > 0)) throw std::invalid_argument("dbscan: eps must be positive");
  return dbscan(LocationGrid(points, eps, /*inclusive=*/true), min_points);
}

DbscanResult dbscan(const LocationGrid& grid, int min_points) {
  DbscanResult r;
  r.label.assign(grid.point_count(), -1);
  r.core.assign(grid.point_count(), false);
  const auto& loc = grid.locations();
  const auto& cells = grid.cells();
  const std::size_t need = static_cast<std::size_t>(std::max(min_points, 1));

  const std::vector<char> core = core_locations(grid, need);
  DisjointSets sets(loc.size());
  unite_within_radius(grid, core, sets);
  const std::vector<int> id_of_root = number_clusters(grid, core, sets, r.clusters);

  // Smallest input index among each cell's core points (kNone: no core).
  std::vector<std::size_t> cell_first_core(cells.size(), kNone);
  std::vector<std::uint32_t> cell_first_core_at(cells.size(), 0);
  for (std::uint32_t c = 0; c < cells.size(); ++c)
    for (std::uint32_t i = cells[c].begin; i < cells[c].end; ++i)
      if (core[i] && loc[i].first < cell_first_core[c]) {
        cell_first_core[c] = loc[i].first;
        cell_first_core_at[c] = i;
      }

  std::vector<int> label(loc.size(), -1);
  for (std::uint32_t c = 0; c < cells.size(); ++c) {
    const LocationGrid::Cell& cell = cells[c];
    for (std::uint32_t i = cell.begin; i < cell.end; ++i) {
      if (core[i]) {
        label[i] = id_of_root[sets.find(i)];
        continue;
      }
      // Border: the cluster of the first core point, in input order, within eps.
      std::size_t best = kNone;
      auto consider = [&](std::uint32_t b) {
        if (cell_first_core[b] >= best) return true;  // nothing earlier there
        for (std::uint32_t j = cells[b].begin; j < cells[b].end; ++j)
          if (core[j] && loc[j].first < best && grid.within(i, j)) {
            best = loc[j].first;
            label[i] = id_of_root[sets.find(j)];
          }
        return true;
      };
      if (cell.tight && cell_first_core[c] != kNone) {
        best = cell_first_core[c];
        label[i] = id_of_root[sets.find(cell_first_core_at[c])];
      } else {
        consider(c);
      }
      grid.for_each_neighbour(c, consider);
    }
  }
  for (std::size_t p = 0; p < grid.point_count(); ++p) {
    const std::uint32_t l = grid.location_of(p);
    r.label[p] = label[l];
    r.core[p] = core[l] != 0;
  }
  return r;
}

}  // namespace hotspot
