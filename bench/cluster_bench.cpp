// Clusters benchmark: DBSCAN, NNH and concave hulls at London scale (1.2
// million incidents snapped to about 150,000 distinct map points, eps 100 m
// and min 10 points, the config defaults) and at borough-year scale.
// Baseline, measured in the same run on the same points: the previous
// implementations (nanoflann radius search per distinct location, every
// neighbourhood stored; GEOS hulls of every incident). Results must be
// identical; the table says so per row. Peak memory is the rise of the
// process's peak RSS during the call (Linux: VmHWM, reset through
// /proc/self/clear_refs after malloc_trim).
//
// `--dump DIR` also writes the London points (x, y float64 pairs) and our
// labels (int32) for a scikit-learn comparison (see BENCHMARKS.md).
#include <fmt/format.h>
#include <geos_c.h>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include "analysis/dbscan.hpp"
#include "analysis/nnh.hpp"
#include "analysis/point_index.hpp"
#include "geo/cluster_shapes.hpp"

using namespace hotspot;

namespace {

double seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

long status_kb(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  return -1;
}

// Runs f and returns (seconds, MB by which the peak RSS rose above the RSS before).
template <class F>
std::pair<double, double> measure(F&& f) {
  malloc_trim(0);                                  // hand back what earlier rows freed
  std::ofstream("/proc/self/clear_refs") << "5";  // resets VmHWM to the current RSS
  const long before = status_kb("VmRSS");
  const auto t0 = std::chrono::steady_clock::now();
  f();
  const double s = seconds(t0);
  return {s, static_cast<double>(status_kb("VmHWM") - before) / 1024.0};
}

// Police.uk-like: distinct snap points on a 1 m grid (1/3 uniform, 1/3 in a
// dense centre, 1/3 around 2,000 hotspots), incidents drawn with a heavy
// skew so that some snap points carry hundreds of incidents.
std::vector<WeightedPoint> snapped_incidents(std::size_t incidents, std::size_t snap_points, double w, double h,
                                             std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> ux(0, w), uy(0, h), u01(0, 1);
  std::normal_distribution<double> spread(0, 1);
  std::vector<std::pair<double, double>> centres(2000);
  for (auto& c : centres) c = {ux(rng), uy(rng)};
  std::vector<WeightedPoint> snap(snap_points);
  for (std::size_t i = 0; i < snap_points; ++i) {
    double x = ux(rng), y = uy(rng);
    if (i % 3 == 1) {  // a dense centre (sd 3 km), where DBSCAN clusters merge into one large cluster
      x = w / 2 + 3000 * spread(rng);
      y = h / 2 + 3000 * spread(rng);
    } else if (i % 3 == 2) {
      const auto& c = centres[rng() % centres.size()];
      const double s = 50 + static_cast<double>(rng() % 400);
      x = c.first + s * spread(rng);
      y = c.second + s * spread(rng);
    }
    snap[i] = {530000 + std::round(x), 175000 + std::round(y), 1};
  }
  std::vector<WeightedPoint> out(incidents);
  for (auto& p : out) p = snap[static_cast<std::size_t>(std::pow(u01(rng), 3) * static_cast<double>(snap_points))];
  return out;
}

// The previous DBSCAN, verbatim.
DbscanResult kdtree_dbscan(const std::vector<WeightedPoint>& points, double eps, int min_points) {
  DbscanResult r;
  r.label.assign(points.size(), -1);
  r.core.assign(points.size(), false);
  if (points.empty()) return r;
  const Locations loc = distinct_locations(points);
  LocationTree tree(2, loc, nanoflann::KDTreeSingleIndexAdaptorParams(16));
  tree.buildIndex();
  const double radius_sq = eps * eps;
  const std::size_t L = loc.x.size();
  std::vector<std::vector<std::uint32_t>> near(L);
  std::vector<char> core(L, 0);
  for (std::size_t i = 0; i < L; ++i) {
    neighbours(tree, loc, i, radius_sq, true, near[i]);
    std::size_t count = 0;
    for (std::uint32_t j : near[i]) count += loc.members[j].size();
    core[i] = count >= static_cast<std::size_t>(min_points);
  }
  DisjointSets sets(L);
  for (std::size_t i = 0; i < L; ++i)
    if (core[i])
      for (std::uint32_t j : near[i])
        if (core[j]) sets.unite(i, j);
  std::map<std::size_t, std::size_t> first_point;
  for (std::size_t i = 0; i < L; ++i)
    if (core[i]) {
      auto [it, fresh] = first_point.emplace(sets.find(i), loc.members[i].front());
      if (!fresh) it->second = std::min(it->second, loc.members[i].front());
    }
  std::vector<std::pair<std::size_t, std::size_t>> order;
  for (const auto& [root, first] : first_point) order.emplace_back(first, root);
  std::sort(order.begin(), order.end());
  std::map<std::size_t, int> id_of_root;
  for (std::size_t k = 0; k < order.size(); ++k) id_of_root[order[k].second] = static_cast<int>(k);
  r.clusters = static_cast<int>(order.size());
  for (std::size_t i = 0; i < L; ++i) {
    int label = -1;
    if (core[i]) {
      label = id_of_root[sets.find(i)];
    } else {
      std::size_t best = std::numeric_limits<std::size_t>::max();
      for (std::uint32_t j : near[i])
        if (core[j] && loc.members[j].front() < best) {
          best = loc.members[j].front();
          label = id_of_root[sets.find(j)];
        }
    }
    for (std::size_t p : loc.members[i]) {
      r.label[p] = label;
      r.core[p] = core[i];
    }
  }
  return r;
}

// The previous NNH linking (first order), verbatim but for the sort.
std::vector<std::vector<std::size_t>> kdtree_nnh_groups(const std::vector<WeightedPoint>& pts, double threshold,
                                                        int min_size) {
  const Locations loc = distinct_locations(pts);
  LocationTree tree(2, loc, nanoflann::KDTreeSingleIndexAdaptorParams(16));
  tree.buildIndex();
  DisjointSets sets(loc.x.size());
  std::vector<std::uint32_t> near;
  for (std::size_t i = 0; i < loc.x.size(); ++i) {
    neighbours(tree, loc, i, threshold * threshold, false, near);
    for (std::uint32_t j : near) sets.unite(i, j);
  }
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < loc.x.size(); ++i)
    for (std::size_t p : loc.members[i]) groups[sets.find(i)].push_back(p);
  std::vector<std::vector<std::size_t>> out;
  for (auto& [root, members] : groups)
    if (static_cast<int>(members.size()) >= min_size) {
      std::sort(members.begin(), members.end());
      out.push_back(std::move(members));
    }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
  });
  return out;
}

std::string memory(double mb) { return mb < 0.05 ? "< 0.1 MB" : fmt::format("{:.0f} MB", mb); }

void dbscan_row(const std::string& name, const std::vector<WeightedPoint>& pts, DbscanResult& ours) {
  const auto [t, m] = measure([&] { ours = dbscan(pts, 100, 10); });
  DbscanResult base;
  const auto [tb, mb] = measure([&] { base = kdtree_dbscan(pts, 100, 10); });
  const bool same = ours.label == base.label && ours.core == base.core && ours.clusters == base.clusters;
  fmt::print("| DBSCAN {} | {:.3f} s, {} | {:.3f} s, {} | {:.1f}x | {} clusters, {} |\n", name, t, memory(m), tb,
             memory(mb), tb / t, ours.clusters, same ? "identical" : "DIFFERENT");
}

void nnh_row(const std::string& name, const std::vector<WeightedPoint>& pts, double area_m2) {
  NnhParams p;
  p.study_area_m2 = area_m2;
  NnhResult ours;
  const auto [t, m] = measure([&] { ours = nnh(pts, p); });
  std::vector<std::vector<std::size_t>> base;
  const auto [tb, mb] = measure([&] { base = kdtree_nnh_groups(pts, ours.threshold, p.min_points); });
  bool same = base.size() == ours.first_order.size();
  for (std::size_t k = 0; same && k < base.size(); ++k) same = base[k] == ours.first_order[k].members;
  fmt::print("| NNH {} (threshold {:.1f} m) | {:.3f} s, {} | {:.3f} s, {} | {:.1f}x | {} clusters, {} |\n", name,
             ours.threshold, t, memory(m), tb, memory(mb), tb / t, ours.first_order.size(),
             same ? "identical" : "DIFFERENT");
}

void hull_row(const std::vector<WeightedPoint>& pts, const DbscanResult& r) {
  std::vector<std::size_t> size(static_cast<std::size_t>(r.clusters), 0);
  for (int l : r.label)
    if (l >= 0) ++size[static_cast<std::size_t>(l)];
  const std::size_t largest = static_cast<std::size_t>(std::max_element(size.begin(), size.end()) - size.begin());
  std::vector<WeightedPoint> members;
  for (std::size_t i = 0; i < pts.size(); ++i)
    if (r.label[i] == static_cast<int>(largest)) members.push_back(pts[i]);
  std::vector<WeightedPoint> distinct = members;
  std::sort(distinct.begin(), distinct.end(), [](auto& a, auto& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  distinct.erase(std::unique(distinct.begin(), distinct.end(), [](auto& a, auto& b) { return a.x == b.x && a.y == b.y; }),
                 distinct.end());
  GeosContext ctx;
  double area = 0, base_area = 0;
  const auto [t, m] = measure([&] {
    const GeomPtr g = concave_hull(ctx, occupied_cells(members, 50), 50, 0.3);  // the published, cell-based hull
    GEOSArea_r(ctx.get(), g.get(), &area);
  });
  const auto [tb, mb] = measure([&] {
    std::vector<GEOSGeometry*> parts;
    for (const auto& p : members) parts.push_back(GEOSGeom_createPointFromXY_r(ctx.get(), p.x, p.y));
    const GeomPtr mp = own(ctx, GEOSGeom_createCollection_r(ctx.get(), GEOS_MULTIPOINT, parts.data(),
                                                            static_cast<unsigned>(parts.size())), "multipoint");
    const GeomPtr g = own(ctx, GEOSConcaveHull_r(ctx.get(), mp.get(), 0.3, 0), "concave hull");
    GEOSArea_r(ctx.get(), g.get(), &base_area);
  });
  fmt::print("| concave hull of the largest DBSCAN cluster ({} incidents, {} locations) | {:.3f} s, {} | {:.3f} s, {} | "
             "{:.1f}x | area {:+.2f}% |\n", members.size(), distinct.size(), t, memory(m), tb, memory(mb), tb / t,
             (area / base_area - 1) * 100);
}

// x, y as float64 pairs in PREFIX_xy.f64; label, core as int32 pairs in PREFIX_labels.i32.
void write_points_and_labels(const std::string& prefix, const std::vector<WeightedPoint>& pts, const DbscanResult& r) {
  std::ofstream xy(prefix + "_xy.f64", std::ios::binary), lab(prefix + "_labels.i32", std::ios::binary);
  for (std::size_t i = 0; i < pts.size(); ++i) {
    xy.write(reinterpret_cast<const char*>(&pts[i].x), sizeof pts[i].x);
    xy.write(reinterpret_cast<const char*>(&pts[i].y), sizeof pts[i].y);
    const std::int32_t pair[2] = {r.label[i], r.core[i] ? 1 : 0};
    lab.write(reinterpret_cast<const char*>(pair), sizeof pair);
  }
}

std::size_t distinct_count(const std::vector<WeightedPoint>& pts) {
  return LocationGrid(pts, 100, true).locations().size();
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::string(argv[1]) == "--quick";
  const std::string dump = argc > 2 && std::string(argv[1]) == "--dump" ? argv[2] : "";
  const double w = 50000, h = 45000;
  const auto london = snapped_incidents(quick ? 120000 : 1200000, quick ? 15000 : 150000, w, h, 1);
  const auto borough = snapped_incidents(233000, 30000, 12000, 10000, 2);
  fmt::print("London: {} incidents on {} distinct points, 50 x 45 km; borough: {} on {}, 12 x 10 km\n\n",
             london.size(), distinct_count(london), borough.size(), distinct_count(borough));
  fmt::print("| case | hotspot | baseline (previous implementation) | ratio | result |\n");
  fmt::print("|---|---|---|---|---|\n");
  DbscanResult ours;
  dbscan_row("borough (eps 100 m, min 10)", borough, ours);
  if (!dump.empty()) write_points_and_labels(dump + "/borough", borough, ours);
  dbscan_row("London (eps 100 m, min 10)", london, ours);
  if (!dump.empty()) write_points_and_labels(dump + "/london", london, ours);
  hull_row(london, ours);
  nnh_row("borough", borough, 12000.0 * 10000.0);
  nnh_row("London", london, w * h);
  return 0;
}
