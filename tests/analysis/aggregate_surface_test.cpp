// Surfaces drawn from regions of squares (issue 23, item 3): every region holds
// at least m, the surface does not move when incidents move within their
// squares, and no region's parts are pinned by the rule that formed it.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <set>

#include "analysis/aggregate_surface.hpp"
#include "analysis/kde.hpp"

using namespace hotspot;

namespace {

constexpr double kD = 100;

GridSpec lattice() { return square_lattice(0, 0, 3200, 3200, kD); }

std::vector<std::uint8_t> everywhere(const GridSpec& g) { return std::vector<std::uint8_t>(g.size(), 1); }

// What the rule tells a reader about a region formed at level k >= 1: its parts
// (child blocks' residues) each held at most m - 1. It must not pin them all.
void check_no_pin(const AggregatePartition& p, int m, bool occupied = false) {
  const GridSpec& g = p.lattice;
  for (const AggregateRegion& r : p.regions) {
    CHECK(r.count >= m);
    if (r.level < 1) continue;
    std::set<std::pair<long, long>> parts;
    for (std::size_t s : r.squares) {
      const long i = std::lround(g.origin_x / kD) + static_cast<long>(s % static_cast<std::size_t>(g.nx));
      const long j = std::lround(g.origin_y / kD) - 1 - static_cast<long>(s / static_cast<std::size_t>(g.nx));
      parts.insert({i >> (r.level - 1), j >> (r.level - 1)});
    }
    if (parts.size() >= 2) CHECK(r.count != static_cast<long>(parts.size()) * (m - 1));
    if (occupied && parts.size() >= 2) CHECK(r.count != static_cast<long>(parts.size()));  // every part at least one
  }
}

}  // namespace

TEST_CASE("aggregate surface: a dense square is its own region, sparse ones merge up to m", "[aggregate_surface]") {
  const GridSpec g = lattice();
  std::vector<WeightedPoint> p;
  for (int i = 0; i < 7; ++i) p.push_back({1010.0 + i, 1020, 1});        // 7 in square (10, ...)
  p.push_back({1150, 1050, 1});                                       // a neighbour square's lone incident
  p.push_back({1250, 1150, 1});
  p.push_back({1350, 1250, 1});
  p.push_back({1450, 1350, 1});
  p.push_back({1550, 1450, 1});
  const AggregatePartition part = aggregate_partition(p, g, everywhere(g), 5);
  REQUIRE(!part.regions.empty());
  CHECK(part.regions[0].squares.size() == 1);
  CHECK(part.regions[0].count == 7);
  long drawn = 0;
  for (const AggregateRegion& r : part.regions) drawn += r.count;
  CHECK(drawn + part.undrawn == 12);
  CHECK(part.undrawn == 0);
  check_no_pin(part, 5);
}

TEST_CASE("aggregate surface: fewer than m in all is not drawn", "[aggregate_surface]") {
  const GridSpec g = lattice();
  const AggregatePartition part = aggregate_partition({{100, 100, 1}, {2000, 2000, 1}}, g, everywhere(g), 5);
  CHECK(part.regions.empty());
  CHECK(part.undrawn == 2);
  CHECK(aggregate_points(part, 4).empty());
}

TEST_CASE("aggregate surface: a residue that would pin its parts joins a region instead", "[aggregate_surface]") {
  const GridSpec g = lattice();
  std::vector<WeightedPoint> p;
  // Block of squares (2..3, 2..3) (x 200-400, y 200-400): four squares of 4 each, m = 5: 16 = 4 (m - 1).
  for (double x : {250.0, 350.0})
    for (double y : {250.0, 350.0})
      for (int k = 0; k < 4; ++k) p.push_back({x + k, y, 1});
  SECTION("alone: nothing can be published without pinning, so nothing is drawn") {
    const AggregatePartition part = aggregate_partition(p, g, everywhere(g), 5);
    check_no_pin(part, 5);
    CHECK(part.pinned >= 1);
  }
  SECTION("beside a dense square in its 4 x 4 block: it joins it") {
    for (int k = 0; k < 9; ++k) p.push_back({50.0 + k, 50, 1});  // square (0, 0): 9
    const AggregatePartition part = aggregate_partition(p, g, everywhere(g), 5);
    check_no_pin(part, 5);
    CHECK(part.pinned >= 1);
    long drawn = 0;
    for (const AggregateRegion& r : part.regions) drawn += r.count;
    CHECK(drawn == 25);
  }
}

TEST_CASE("aggregate surface: random months satisfy the rule, and the surface ignores positions within squares",
          "[aggregate_surface]") {
  const GridSpec g = lattice();
  std::mt19937_64 rng(23);
  for (int trial = 0; trial < 40; ++trial) {
    const int m = 2 + trial % 9;
    std::uniform_real_distribution<double> u(0, 3200);
    std::normal_distribution<double> near(0, 150);
    std::vector<WeightedPoint> p;
    const int n = 5 + trial * 7;
    for (int i = 0; i < n; ++i) {
      if (i % 3 == 0) p.push_back({u(rng), u(rng), 1});
      else p.push_back({std::clamp(1600 + near(rng), 0.0, 3199.0), std::clamp(1600 + near(rng), 0.0, 3199.0), 1});
    }
    const AggregatePartition part = aggregate_partition(p, g, everywhere(g), m);
    INFO("trial " << trial << " m " << m << " n " << n);
    check_no_pin(part, m);
    const AggregatePartition occupied = aggregate_partition(p, g, everywhere(g), m, Spread::Occupied);
    check_no_pin(occupied, m, true);
    for (const AggregateRegion& r : occupied.regions)
      if (r.level >= 0)
        for (std::size_t s : r.squares) {  // only squares holding an incident
          long in = 0;
          for (const WeightedPoint& q : p)
            in += static_cast<std::size_t>(std::floor((3200 - q.y) / kD)) * 32 + static_cast<std::size_t>(std::floor(q.x / kD)) == s;
          CHECK(in > 0);
        }
    long drawn = 0;
    std::set<std::size_t> seen;
    for (const AggregateRegion& r : part.regions) {
      drawn += r.count;
      for (std::size_t s : r.squares) CHECK(seen.insert(s).second);  // a partition
    }
    CHECK(drawn + part.undrawn == n);
    CHECK((part.undrawn == 0 || part.regions.empty()));
    // Every incident moved elsewhere within its square: the same regions, the same surface bit for bit.
    std::vector<WeightedPoint> moved = p;
    std::uniform_real_distribution<double> within(0.01, 99.99);
    for (WeightedPoint& q : moved) q.x = std::floor(q.x / kD) * kD + within(rng), q.y = std::floor(q.y / kD) * kD + within(rng);
    const AggregatePartition again = aggregate_partition(moved, g, everywhere(g), m);
    const GridSpec cells = aligned_grid(0, 0, 3200, 3200, 25, 300);
    KdeParams kp;
    kp.bandwidth = 300;
    kp.threads = 1;
    CHECK(kde(aggregate_points(part, 4), cells, kp) == kde(aggregate_points(again, 4), cells, kp));
  }
}
