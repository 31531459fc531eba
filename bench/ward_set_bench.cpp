// Ward contiguity on London's 2014 wards (../shared/data): the WardSet's
// R-tree search against the pair loop it replaced, measured in the same run on
// the same wards; the two must give identical neighbours (the table says so).
//
// Rows (each the median of kRepeats runs):
//  - candidate pairs: the R-tree queries alone against the O(W^2) envelope
//    loop alone (no GEOS predicate), the part whose complexity changed;
//  - contiguity: queen_contiguity on a fresh WardSet (its prepared polygons
//    not yet used) against the old function whole, which parsed the WKB and
//    prepared every ward itself;
//  - re-parsing the wards' WKB once, what each structure that now reads the
//    WardSet used to pay on its own;
//  - building the WardSet (parse, prepare, R-tree, lookup grid, study area);
//  - the same at 16 times the wards (London copied 4 x 4 side by side, 10,384
//    wards), where the pair loop's W^2 shows.
#include <fmt/format.h>
#include <gdal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <vector>

#include "bench_timing.hpp"
#include "core/diagnostics.hpp"
#include "geo/contiguity.hpp"
#include "geo/ward_overlap.hpp"
#include "geo/ward_set.hpp"
#include "io/ward_reader.hpp"
#include "london_wards.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

constexpr int kRepeats = 7;


// London's wards copied `k` x `k` times side by side, codes made unique.
std::vector<Ward> replicate(const GeosContext& ctx, const std::vector<Ward>& wards, const Bounds& e, int k) {
  std::vector<Ward> out;
  for (int a = 0; a < k; ++a)
    for (int b = 0; b < k; ++b)
      for (const Ward& w : wards) {
        struct Shift {
          double dx, dy;
        } shift{a * (e.max_x - e.min_x + 1000), b * (e.max_y - e.min_y + 1000)};
        const GeomPtr g = geom_from_wkb(ctx, w.wkb);
        const GeomPtr moved = own(ctx, GEOSGeom_transformXY_r(ctx.get(), g.get(), [](double* x, double* y, void* s) {
          *x += static_cast<Shift*>(s)->dx;
          *y += static_cast<Shift*>(s)->dy;
          return 1;
        }, &shift), "shift");
        Ward copy = w;
        copy.code = fmt::format("{}-{}-{}", a, b, w.code);
        copy.wkb = geom_to_wkb(ctx, moved.get());
        out.push_back(std::move(copy));
      }
  return out;
}

bool boxes_meet(const Bounds& a, const Bounds& b) {
  return !(a.min_x > b.max_x || b.min_x > a.max_x || a.min_y > b.max_y || b.min_y > a.max_y);
}

// The pair loop as it was (src/geo/contiguity.cpp before the WardSet).
SpatialWeights old_queen_contiguity(const GeosContext& ctx, const std::vector<Ward>& wards) {
  std::vector<GeomPtr> geoms;
  std::vector<Bounds> boxes;
  for (const Ward& w : wards) {
    geoms.push_back(geom_from_wkb(ctx, w.wkb));
    boxes.push_back(envelope(ctx, geoms.back().get()));
  }
  SpatialWeights w;
  w.neighbours.resize(wards.size());
  for (std::size_t i = 0; i < wards.size(); ++i) {
    const PreparedPtr p = prepare(ctx, geoms[i].get());
    for (std::size_t j = i + 1; j < wards.size(); ++j) {
      if (!boxes_meet(boxes[i], boxes[j])) continue;
      if (predicate_result(ctx, GEOSPreparedIntersects_r(ctx.get(), p.get(), geoms[j].get()), "ward contiguity")) {
        w.neighbours[i].emplace_back(static_cast<int>(j), 1.0);
        w.neighbours[j].emplace_back(static_cast<int>(i), 1.0);
      }
    }
  }
  return w;
}

}  // namespace

int main(int argc, char** argv) {
  GDALAllRegister();
  CPLSetErrorHandler(CPLQuietErrorHandler);
  const fs::path data = bench::shared_data(argc, argv, 1);
  const fs::path shp = bench::london_wards_file(data);
  if (bench::absent(shp)) return 0;
  GeosContext geos;
  Diagnostics diag;
  const WardReadResult read = read_wards(geos, bench::london_wards(data), "EPSG:27700", diag);
  const std::vector<Ward>& wards = read.wards;
  const std::size_t n = wards.size();

  // Candidate pairs: envelope loop vs R-tree.
  const WardSet shared(geos, wards);
  std::vector<Bounds> boxes;
  for (std::size_t i = 0; i < n; ++i) boxes.push_back(shared.envelope(i));
  std::size_t loop_pairs = 0, tree_pairs = 0;
  const double t_loop = bench::median_seconds(kRepeats, [&] {
    loop_pairs = 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) loop_pairs += boxes_meet(boxes[i], boxes[j]);
  });
  const double t_tree = bench::median_seconds(kRepeats, [&] {
    tree_pairs = 0;
    std::vector<std::uint32_t> near;
    for (std::uint32_t i = 0; i < n; ++i) {
      shared.near(shared.envelope(i), near);
      for (std::uint32_t j : near) tree_pairs += j > i;
    }
  });

  // Contiguity: old function whole vs queen_contiguity on a fresh WardSet.
  // Interleaved, old then new, each on a WardSet made just before it, so both
  // see the same machine and memory state.
  SpatialWeights old_w, new_w;
  std::vector<double> olds, news;
  for (int i = 0; i < kRepeats; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    old_w = old_queen_contiguity(geos, wards);
    olds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    const WardSet fresh(geos, wards);
    t0 = std::chrono::steady_clock::now();
    new_w = queen_contiguity(fresh);
    news.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(olds.begin(), olds.end());
  std::sort(news.begin(), news.end());
  const double t_old = olds[olds.size() / 2], t_new = news[news.size() / 2];

  std::size_t links = 0;
  for (const auto& row : new_w.neighbours) links += row.size();

  const double t_parse = bench::median_seconds(kRepeats, [&] {
    std::vector<GeomPtr> geoms;
    for (const Ward& w : wards) geoms.push_back(geom_from_wkb(geos, w.wkb));
  });
  const double t_build = bench::median_seconds(kRepeats, [&] { const WardSet s(geos, wards); });

  // 16 x the wards: one run each (the old loop is slow there).
  const std::vector<Ward> big = replicate(geos, wards, shared.extent(), 4);
  const WardSet big_set(geos, big);
  std::vector<Bounds> big_boxes;
  for (std::size_t i = 0; i < big.size(); ++i) big_boxes.push_back(big_set.envelope(i));
  std::size_t big_loop = 0, big_tree = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < big.size(); ++i)
    for (std::size_t j = i + 1; j < big.size(); ++j) big_loop += boxes_meet(big_boxes[i], big_boxes[j]);
  const double t_big_loop = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  t0 = std::chrono::steady_clock::now();
  {
    std::vector<std::uint32_t> near;
    for (std::uint32_t i = 0; i < big.size(); ++i) {
      big_set.near(big_set.envelope(i), near);
      for (std::uint32_t j : near) big_tree += j > i;
    }
  }
  const double t_big_tree = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  t0 = std::chrono::steady_clock::now();
  const SpatialWeights big_old = old_queen_contiguity(geos, big);
  const double t_big_old = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  t0 = std::chrono::steady_clock::now();
  const SpatialWeights big_new = queen_contiguity(big_set);
  const double t_big_new = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const bool big_same = big_old.neighbours == big_new.neighbours && big_loop == big_tree;

  fmt::print("Ward contiguity, {} London wards (2014), {} neighbour links; median of {} runs\n", n, links, kRepeats);
  fmt::print("| step | WardSet | baseline | baseline time | ratio (baseline / WardSet) | same result |\n");
  fmt::print("|---|---|---|---|---|---|\n");
  fmt::print("| candidate pairs ({} with meeting envelopes) | {:.5f} s (R-tree) | envelope pair loop, O(W^2) | {:.5f} s | {:.1f}x | {} |\n",
             tree_pairs, t_tree, t_loop, t_loop / t_tree, tree_pairs == loop_pairs ? "yes" : "NO");
  fmt::print("| queen contiguity | {:.4f} s (shared polygons) | the pair loop, parsing and preparing its own | {:.4f} s | {:.2f}x | {} |\n",
             t_new, t_old, t_old / t_new, new_w.neighbours == old_w.neighbours ? "yes" : "NO");
  fmt::print("| parse the wards' WKB once | - | what each former re-parse cost | {:.4f} s | - | - |\n", t_parse);
  fmt::print("| build the WardSet (parse, prepare, R-tree, lookup grid, study area) | {:.4f} s | - | - | - | - |\n", t_build);
  fmt::print("| {} wards (London 4 x 4): candidate pairs | {:.4f} s (R-tree) | envelope pair loop | {:.4f} s | {:.1f}x | {} |\n",
             big.size(), t_big_tree, t_big_loop, t_big_loop / t_big_tree, big_loop == big_tree ? "yes" : "NO");
  fmt::print("| {} wards (London 4 x 4): queen contiguity | {:.4f} s | the pair loop | {:.4f} s | {:.2f}x | {} |\n",
             big.size(), t_big_new, t_big_old, t_big_old / t_big_new, big_same ? "yes" : "NO");
  return new_w.neighbours == old_w.neighbours && tree_pairs == loop_pairs && big_same ? 0 : 1;
}
