// The drawing rule on hand-made forecasts: the coverage with its ties, the
// joining distance, the cap on hotspots, and that the drawing is always the
// forecast's own top squares.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "analysis/hotspot_drawing.hpp"

using namespace hotspot;

namespace {

GridSpec grid(int nx = 10, int ny = 8) {
  GridSpec g;
  g.cell = 100;
  g.nx = nx;
  g.ny = ny;
  return g;
}

struct Forecast {
  GridSpec spec;
  std::vector<double> score;
  std::vector<std::uint8_t> in_area;
  explicit Forecast(const GridSpec& g) : spec(g), score(g.size(), 0.0), in_area(g.size(), 1) {}
  void set(int row, int col, double v) { score[spec.index(row, col)] = v; }
  HotspotDrawing draw(std::size_t max_cells, int max_hotspots, int join) const {
    return forecast_drawing(spec, score, in_area, DrawingRule{max_cells, max_hotspots, join});
  }
  std::int32_t at(const HotspotDrawing& d, int row, int col) const { return d.hotspot[spec.index(row, col)]; }
};

}  // namespace

TEST_CASE("drawing: the top squares at the coverage, ties at the cut all kept, nothing dropped", "[drawing]") {
  Forecast f(grid());
  f.set(0, 0, 9);  // a lone square: kept, however small
  f.set(5, 5, 7);
  f.set(5, 6, 4);
  f.set(2, 8, 4);  // tied with (5, 6) at the cut
  f.set(7, 9, 3);
  const HotspotDrawing d = f.draw(3, 0, 1);
  CHECK(d.cells == 4);
  CHECK(d.cut == 4);
  CHECK_FALSE(d.capped);
  REQUIRE(d.hotspots == 3);
  // Numbered by total: (5,5)+(5,6) = 11, then (0,0) = 9, then (2,8) = 4.
  CHECK(f.at(d, 5, 5) == 1);
  CHECK(f.at(d, 5, 6) == 1);
  CHECK(f.at(d, 0, 0) == 2);
  CHECK(f.at(d, 2, 8) == 3);
  CHECK(f.at(d, 7, 9) == 0);
  CHECK(d.total == std::vector<double>{11, 9, 4});
}

TEST_CASE("drawing: squares outside the area or forecast nothing are never drawn, even under the coverage",
          "[drawing]") {
  Forecast f(grid());
  f.set(1, 1, 5);
  f.set(1, 2, 6);
  f.in_area[f.spec.index(1, 2)] = 0;
  const HotspotDrawing d = f.draw(10, 0, 1);
  CHECK(d.cells == 1);
  CHECK(d.cut == 5);
  CHECK(f.at(d, 1, 1) == 1);
  CHECK(f.at(d, 1, 2) == 0);
  const HotspotDrawing none = Forecast(grid()).draw(10, 20, 3);
  CHECK(none.cells == 0);
  CHECK(none.hotspots == 0);
  CHECK(std::isinf(none.cut));
}

TEST_CASE("drawing: squares join within `join` squares in rows and columns", "[drawing]") {
  Forecast f(grid());
  f.set(0, 0, 5);
  f.set(1, 1, 5);  // diagonal: joined at join = 1
  f.set(1, 4, 5);  // two empty columns from (1, 1): Chebyshev 3
  f.set(6, 4, 5);  // four empty rows from (1, 4): Chebyshev 5
  const HotspotDrawing one = f.draw(4, 0, 1);
  CHECK(one.hotspots == 3);
  CHECK(f.at(one, 0, 0) == f.at(one, 1, 1));
  const HotspotDrawing three = f.draw(4, 0, 3);
  CHECK(three.hotspots == 2);
  CHECK(f.at(three, 0, 0) == 1);  // total 15 against 5
  CHECK(f.at(three, 1, 4) == 1);
  CHECK(f.at(three, 6, 4) == 2);
  CHECK(f.draw(4, 0, 5).hotspots == 1);
}

TEST_CASE("drawing: the cap stops at the first batch that would make one hotspot too many", "[drawing]") {
  Forecast f(grid());
  f.set(0, 0, 9);
  f.set(0, 9, 8);
  f.set(7, 0, 7);  // a third place: over a cap of 2
  f.set(0, 1, 6);  // would join the first, but comes after the stop
  const HotspotDrawing d = f.draw(10, 2, 1);
  CHECK(d.capped);
  CHECK(d.cells == 2);
  CHECK(d.cut == 8);
  CHECK(d.hotspots == 2);
  CHECK(f.at(d, 0, 1) == 0);
  CHECK(f.at(d, 7, 0) == 0);
  // A batch of ties that would break the cap is left out whole.
  Forecast t(grid());
  t.set(0, 0, 9);
  t.set(4, 4, 5);
  t.set(7, 9, 5);
  const HotspotDrawing tied = t.draw(10, 2, 1);
  CHECK(tied.cells == 1);
  CHECK(tied.hotspots == 1);
  // A batch that merges places is drawn: the count is taken after it.
  Forecast m(grid());
  m.set(0, 0, 9);
  m.set(0, 2, 8);
  m.set(0, 1, 7);  // joins the two into one
  m.set(5, 5, 6);
  const HotspotDrawing merged = m.draw(10, 1, 1);
  CHECK(merged.cells == 1);  // (0, 2) alone already makes two
  const HotspotDrawing two = m.draw(10, 2, 1);
  CHECK(two.cells == 4);  // (0, 1) brings it back to one; (5, 5) makes two
  CHECK_FALSE(two.capped);
  CHECK(two.hotspots == 2);
}

TEST_CASE("drawing: whatever the rule, every drawn square outranks every square not drawn", "[drawing]") {
  std::mt19937 rng(7);
  std::poisson_distribution<int> counts(0.4);
  for (int trial = 0; trial < 50; ++trial) {
    Forecast f(grid(30, 20));
    for (double& v : f.score) v = counts(rng);
    for (std::size_t i = 0; i < f.in_area.size(); i += 7) f.in_area[i] = 0;
    const HotspotDrawing d = f.draw(40, trial % 5 == 0 ? 0 : 1 + trial % 12, 1 + trial % 4);
    double lowest_drawn = HUGE_VAL, highest_left = 0;
    std::size_t drawn = 0;
    for (std::size_t i = 0; i < f.score.size(); ++i) {
      if (d.hotspot[i]) {
        ++drawn;
        lowest_drawn = std::min(lowest_drawn, f.score[i]);
        CHECK(f.in_area[i]);
      } else if (f.in_area[i]) {
        highest_left = std::max(highest_left, f.score[i]);
      }
    }
    CHECK(drawn == d.cells);
    if (drawn) {
      CHECK(lowest_drawn == d.cut);
      CHECK(lowest_drawn > highest_left);  // ties are never split
    }
  }
}
