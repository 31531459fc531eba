// Emerging hot spots on a grid, on a hand-made space-time cube with planted
// histories: the centre cell of each planted block must get its class.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/emerging_grid.hpp"

using namespace hotspot;

namespace {

constexpr int kSide = 21, kMonths = 12;

// A background of 0s and 1s (fixed pattern, so no cell is hot by itself), plus
// `add` incidents in each cell of a 3 x 3 block centred on (row, col) in the given months.
struct Plant {
  int row, col;
  std::vector<int> months;
  double add;
};

std::vector<Grid> cube(const std::vector<Plant>& plants) {
  std::vector<Grid> out;
  for (int m = 0; m < kMonths; ++m) {
    Grid g;
    g.spec.cell = 100;
    g.spec.nx = g.spec.ny = kSide;
    g.in_area.assign(g.spec.size(), 1);
    g.values.resize(g.spec.size());
    for (int r = 0; r < kSide; ++r)
      for (int c = 0; c < kSide; ++c) g.values[g.spec.index(r, c)] = (r * 7 + c * 3 + m * 5) % 4 == 0;
    for (const Plant& p : plants)
      for (int mm : p.months)
        if (mm == m)
          for (int dr = -1; dr <= 1; ++dr)
            for (int dc = -1; dc <= 1; ++dc) g.values[g.spec.index(p.row + dr, p.col + dc)] += p.add;
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<int> range(int from, int to) {
  std::vector<int> v;
  for (int i = from; i <= to; ++i) v.push_back(i);
  return v;
}

}  // namespace

// Each history alone in its cube, so no plant shifts another's z-scores.
EmergingGrid classify(const Plant& p) {
  return emerging_grid(cube({p}), 100 * std::sqrt(2.0) * (1 + 1e-9), Correction::FalseDiscoveryRate, 0.05, 3);
}

std::string_view class_at(const EmergingGrid& e, int r, int c) {
  GridSpec s;
  s.nx = s.ny = kSide;
  return emerging_class_name(e.cls[s.index(r, c)]);
}

std::size_t centre() {
  GridSpec s;
  s.nx = s.ny = kSide;
  return s.index(10, 10);
}

TEST_CASE("emerging grid: planted histories get their ArcGIS class and sfhotspot summary", "[emerging]") {
  const EmergingGrid persistent = classify({10, 10, range(0, 11), 6});
  CHECK(class_at(persistent, 10, 10) == "persistent hot spot");
  CHECK(persistent.summary[centre()] == SummaryClass::Persistent);
  CHECK(persistent.hot_steps[centre()] == 12);

  const EmergingGrid fresh = classify({10, 10, {11}, 8});
  CHECK(class_at(fresh, 10, 10) == "new hot spot");
  CHECK(fresh.summary[centre()] == SummaryClass::Intermittent);  // 1 of the 3 recent months: under half
  CHECK(fresh.hot_steps[centre()] == 1);

  CHECK(class_at(classify({10, 10, range(8, 11), 6}), 10, 10) == "consecutive hot spot");
  const EmergingGrid recent = classify({10, 10, {10, 11}, 6});
  CHECK(class_at(recent, 10, 10) == "consecutive hot spot");
  CHECK(recent.summary[centre()] == SummaryClass::Emerging);
  const EmergingGrid historical = classify({10, 10, range(0, 10), 6});
  CHECK(class_at(historical, 10, 10) == "historical hot spot");
  CHECK(historical.summary[centre()] == SummaryClass::Persistent);  // 2 of the 3 recent months
  const EmergingGrid former = classify({10, 10, range(0, 8), 6});
  CHECK(class_at(former, 10, 10) == "no pattern detected");  // 9 of 12 is under ArcGIS's 90%
  CHECK(former.summary[centre()] == SummaryClass::Former);
  CHECK(class_at(classify({10, 10, {2, 6, 11}, 8}), 10, 10) == "sporadic hot spot");

  // Hot every month and growing: intensifying.
  std::vector<Grid> growing = cube({});
  for (int m = 0; m < kMonths; ++m)
    for (int dr = -1; dr <= 1; ++dr)
      for (int dc = -1; dc <= 1; ++dc) growing[static_cast<std::size_t>(m)].values[growing[0].spec.index(10 + dr, 10 + dc)] += 3 + 2 * m;
  const EmergingGrid up = emerging_grid(growing, 100 * std::sqrt(2.0) * (1 + 1e-9), Correction::FalseDiscoveryRate, 0.05, 3);
  CHECK(class_at(up, 10, 10) == "intensifying hot spot");

  // The background alone (a fixed 0/1 pattern) is never a hot spot anywhere.
  const EmergingGrid none = classify({10, 10, {}, 0});
  for (std::size_t i = 0; i < none.cls.size(); ++i) {
    INFO(i);
    CHECK(none.cls[i] == EmergingClass::NoPattern);
    CHECK(none.hot_steps[i] == 0);
  }
}

TEST_CASE("emerging grid: an empty month is never a significant step", "[emerging]") {
  std::vector<Grid> c = cube({{10, 10, range(0, 11), 6}});
  for (double& v : c[11].values) v = 0;  // no data in the last month
  const EmergingGrid e = emerging_grid(c, 100 * std::sqrt(2.0) * (1 + 1e-9), Correction::FalseDiscoveryRate, 0.05, 3);
  CHECK(e.hot_steps[c[0].spec.index(10, 10)] == 11);
  // Hot in 11 of 12 months (over 90%) but not in the last: historical, not persistent.
  CHECK(emerging_class_name(e.cls[c[0].spec.index(10, 10)]) == "historical hot spot");
}
