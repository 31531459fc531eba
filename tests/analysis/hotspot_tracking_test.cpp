// Hotspot identity over time on hand-made months, and 1 km grid references
// against Ordnance Survey's published squares.
#include <catch2/catch.hpp>

#include "analysis/hotspot_tracking.hpp"
#include "geo/grid_reference.hpp"

using namespace hotspot;

namespace {

GridSpec grid() {
  GridSpec g;
  g.cell = 100;
  g.nx = 10;
  g.ny = 6;
  return g;
}

// One month: the listed (row, col) cells selected, each scoring its list position + 1 unless given.
struct Month {
  std::vector<std::pair<int, int>> cells;
};

void add(const GridSpec& g, std::vector<std::vector<std::uint8_t>>& sel, std::vector<std::vector<double>>& score,
         const Month& m, int top_row = -1, int top_col = -1) {
  sel.emplace_back(g.size(), 0);
  score.emplace_back(g.size(), 0.0);
  for (const auto& [r, c] : m.cells) {
    sel.back()[g.index(r, c)] = 1;
    score.back()[g.index(r, c)] = (r == top_row && c == top_col) ? 10 : 1;
  }
}

}  // namespace

TEST_CASE("hotspot tracks: a place keeps its track, a new place starts one, a gap within 3 months is bridged",
          "[tracking]") {
  const GridSpec g = grid();
  std::vector<std::vector<std::uint8_t>> sel;
  std::vector<std::vector<double>> score;
  const Month a{{{1, 1}, {1, 2}}}, a_moved{{{1, 2}, {1, 3}}}, b{{{4, 7}, {4, 8}}};
  add(g, sel, score, a, 1, 2);         // month 0: A (top cell (1,2))
  add(g, sel, score, a_moved);         // month 1: A shifted one cell east: the same track
  add(g, sel, score, Month{});         // month 2: nothing
  Month both = a_moved;
  both.cells.insert(both.cells.end(), b.cells.begin(), b.cells.end());
  add(g, sel, score, both, 4, 8);      // month 3: A back after one empty month, B new
  const HotspotTracks t = track_hotspots(g, sel, score);
  REQUIRE(t.tracks.size() == 2);
  CHECK(t.tracks[0].born == 0);
  CHECK(t.tracks[0].anchor == g.index(1, 2));  // summed: 10 + 1 + 1 against (1,3)'s 1 + 1
  CHECK(t.tracks[0].months_present == 3);
  CHECK(t.tracks[1].born == 3);
  CHECK(t.tracks[1].anchor == g.index(4, 8));
  CHECK(t.last_month[g.index(1, 3)] == 0);
  CHECK(t.last_month[g.index(4, 7)] == 1);
  CHECK(t.last_month[g.index(0, 0)] == -1);
}

TEST_CASE("hotspot tracks: a split keeps the track on the larger part, a long gap starts a new track", "[tracking]") {
  const GridSpec g = grid();
  std::vector<std::vector<std::uint8_t>> sel;
  std::vector<std::vector<double>> score;
  add(g, sel, score, Month{{{2, 1}, {2, 2}, {2, 3}, {2, 4}, {2, 5}}});
  add(g, sel, score, Month{{{2, 1}, {2, 3}, {2, 4}, {2, 5}}});  // split: (2,1) alone, (2,3..5) larger
  const HotspotTracks t = track_hotspots(g, sel, score);
  REQUIRE(t.tracks.size() == 2);
  CHECK(t.last_month[g.index(2, 4)] == 0);
  CHECK(t.last_month[g.index(2, 1)] == 1);

  std::vector<std::vector<std::uint8_t>> sel2;
  std::vector<std::vector<double>> score2;
  add(g, sel2, score2, Month{{{3, 3}}});
  for (int i = 0; i < 4; ++i) add(g, sel2, score2, Month{});  // four empty months: longer than the gap of 3
  add(g, sel2, score2, Month{{{3, 3}}});
  const HotspotTracks t2 = track_hotspots(g, sel2, score2);
  CHECK(t2.tracks.size() == 2);
  CHECK(t2.last_month[g.index(3, 3)] == 1);
}

TEST_CASE("grid references: Ordnance Survey six-figure references in BNG, km elsewhere", "[tracking]") {
  // Published references: Romford market (TQ 515 888), Trafalgar Square (TQ 300 804), Edinburgh Castle
  // (NT 251 735), Land's End (SW 342 253).
  CHECK(grid_reference_100m(551500, 188800, "EPSG:27700") == "TQ515888");
  CHECK(grid_reference_100m(530000, 180400, "EPSG:27700") == "TQ300804");
  CHECK(grid_reference_100m(325100, 673500, "EPSG:27700") == "NT251735");
  CHECK(grid_reference_100m(134200, 25300, "EPSG:27700") == "SW342253");
  CHECK(grid_reference_100m(445123, 4637999, "EPSG:26916") == "E445.1N4637.9");
}
