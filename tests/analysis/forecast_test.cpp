// Forecast measures on hand-made cases, method ids, and leakage: a forecast
// for month m never reads month m or later.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "analysis/backtest.hpp"
#include "analysis/forecast.hpp"
#include "analysis/forecast_measures.hpp"
#include "core/error.hpp"

using namespace hotspot;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("measures at a fixed coverage: hit rate, PAI, PEI, RRI by hand", "[forecast]") {
  // 10 cells of 1 m2 in a 10 m2 area; 30% coverage = the top 3 cells.
  const std::vector<double> score = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
  const std::vector<double> target = {2, 0, 3, 5, 0, 0, 0, 0, 0, 10};   // 20 incidents
  const std::vector<double> before = {4, 4, 0, 0, 0, 0, 0, 0, 0, 2};    // 10 incidents
  const CoverageMeasures m = measure_at_coverage(score, target, before, 0.3, 1, 10);
  CHECK(m.cells == 3);
  CHECK_THAT(m.area_share, WithinAbs(0.3, 1e-12));
  CHECK(m.hits == 5);                                  // 2 + 0 + 3
  CHECK(m.best_hits == 18);                            // 10 + 5 + 3
  CHECK_THAT(m.hit_rate, WithinAbs(0.25, 1e-12));
  CHECK_THAT(m.pai, WithinAbs(0.25 / 0.3, 1e-12));
  CHECK_THAT(m.pei, WithinAbs(5.0 / 18, 1e-12));
  CHECK_THAT(m.rri, WithinAbs(0.25 / 0.8, 1e-12));     // the same cells held 8 of 10 the month before
}

TEST_CASE("ties at the coverage boundary share the remaining places", "[forecast]") {
  // Top 2 of 5: one cell above the cut, three tied for the one place left.
  const std::vector<double> score = {3, 2, 2, 2, 1};
  const std::vector<double> target = {1, 3, 0, 6, 10};
  const std::vector<double> none(5, 0.0);
  const CoverageMeasures m = measure_at_coverage(score, target, none, 0.4, 1, 5);
  CHECK(m.cells == 2);
  CHECK_THAT(m.hits, WithinAbs(1 + (3 + 0 + 6) / 3.0, 1e-12));
  CHECK(std::isnan(m.rri));  // nothing the month before

  SECTION("a uniform ranking scores exactly the share of area") {
    const std::vector<double> flat(5, 0.0);
    const CoverageMeasures u = measure_at_coverage(flat, target, none, 0.4, 1, 5);
    CHECK_THAT(u.hit_rate, WithinAbs(0.4, 1e-12));
    CHECK_THAT(u.pai, WithinAbs(1.0, 1e-12));
  }
}

TEST_CASE("cells straddling the study-area edge count whole, empty months are undefined", "[forecast]") {
  // 10 cells of 100 m2 cover a 950 m2 area (edge cells partly outside): 20%
  // coverage is floor(0.2 * 950 / 100) = 1 cell, 100/950 of the area.
  const std::vector<double> score = {5, 4, 3, 2, 1, 0, 0, 0, 0, 0};
  const std::vector<double> target = {4, 0, 0, 0, 0, 0, 0, 0, 0, 4};
  const std::vector<double> none(10, 0.0);
  const CoverageMeasures m = measure_at_coverage(score, target, none, 0.2, 100, 950);
  CHECK(m.cells == 1);
  CHECK_THAT(m.pai, WithinAbs(0.5 / (100.0 / 950), 1e-12));
  CHECK(cells_for_coverage(0.03, 1, 100, 1000) == 3);  // not 2 after rounding
  CHECK(cells_for_coverage(0.5, 1, 100, 10) == 10);    // capped at the cells there are
  const CoverageMeasures empty = measure_at_coverage(score, none, none, 0.2, 100, 950);
  CHECK(std::isnan(empty.hit_rate));
  CHECK(std::isnan(empty.pai));
}

TEST_CASE("forecast method ids round-trip and bad ids are usage errors", "[forecast]") {
  for (const std::string id : {"kde_h100_l12_t6", "kde_h62.5_l3_t0", "cells_l1", "cells_l12", "wards_l1", "uniform"})
    CHECK(parse_forecast_method(id).id() == id);
  const ForecastMethod k = parse_forecast_method("kde_h150_l6_t3");
  CHECK(k.kind == ForecastKind::Kde);
  CHECK(k.bandwidth == 150);
  CHECK(k.lookback == 6);
  CHECK(k.half_life == 3);
  for (const std::string bad : {"kde", "kde_h0_l1_t0", "cells_l0", "cells_lx", "wards", "kde_h100_l1.5_t0", "random"})
    CHECK_THROWS_AS(parse_forecast_method(bad), Error);
  CHECK(month_weight(1, 6) == 1);
  CHECK_THAT(month_weight(7, 6), WithinAbs(0.5, 1e-15));
  CHECK(month_weight(24, 0) == 1);
}

namespace {

// A 10 x 10 grid of 100 m cells, all in one ward.
EvalGrid square_grid() {
  EvalGrid g;
  g.spec = GridSpec{0, 1000, 100, 10, 10};
  g.wards = 1;
  g.study_area_m2 = 1e6;
  for (std::size_t i = 0; i < 100; ++i) {
    g.compact.push_back(static_cast<std::int64_t>(i));
    g.ward.push_back(0);
  }
  return g;
}

}  // namespace

TEST_CASE("month layers: counts per cell, ward density, KDE mass in the cell of the point", "[forecast]") {
  const EvalGrid g = square_grid();
  const std::vector<double> bands = {50, 200};
  const MonthLayer l = build_month_layer({{150, 850, 1}, {150, 850, 2}, {950, 50, 1}}, g, bands);
  CHECK(l.counts[g.spec.index(1, 1)] == 3);
  CHECK(l.counts[g.spec.index(9, 9)] == 1);
  CHECK_THAT(l.ward_density[0], WithinAbs(4.0 / 100, 1e-12));
  // With a 50 m bandwidth the point's whole kernel lies in its own cell.
  double total = 0;
  for (double v : l.smoothed[0]) total += v;
  CHECK_THAT(l.smoothed[0][g.spec.index(1, 1)] / total, WithinAbs(3.0 / 4, 0.01));
  // Each incident adds a mass of 1, as in the counts (4 incidents, weights 1 + 2 + 1, all
  // kernels inside the grid), so `_s` blends mix like with like.
  CHECK_THAT(total, WithinRel(4.0, 0.01));
  // A 200 m bandwidth spreads into the neighbours, which now score above zero.
  CHECK(l.smoothed[1][g.spec.index(2, 2)] > 0);
  CHECK(l.smoothed[0][g.spec.index(3, 3)] == 0);
}

TEST_CASE("a forecast reads only its look-back, never the target month or later", "[forecast][leakage]") {
  const EvalGrid g = square_grid();
  const std::vector<double> bands = {100};
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0, 1000);
  // History spread over the whole grid, so every top cell has a score above zero.
  std::vector<MonthLayer> months;
  for (int m = 0; m < 6; ++m) {
    std::vector<WeightedPoint> pts;
    while (pts.size() < 300) {
      const WeightedPoint p{u(rng), u(rng), 1};
      if (!(p.x >= 900 && p.y >= 900)) pts.push_back(p);  // the north-east cell stays empty
    }
    months.push_back(build_month_layer(pts, g, bands));
  }
  // The target month: 1000 incidents on a cell that never had one before.
  std::vector<WeightedPoint> target_pts(1000, WeightedPoint{955, 955, 1});
  for (int i = 0; i < 50; ++i) target_pts.push_back({u(rng), u(rng), 1});
  const MonthLayer target = build_month_layer(target_pts, g, bands);
  std::vector<const MonthLayer*> history;
  for (int m = 5; m >= 0; --m) history.push_back(&months[static_cast<std::size_t>(m)]);
  for (int m = 0; m < 6; ++m) {
    // No history incident landed on that cell.
    REQUIRE(months[static_cast<std::size_t>(m)].counts[g.spec.index(0, 9)] == 0);
  }
  const std::vector<ForecastMethod> methods = {{ForecastKind::Kde, 100, 3, 2}, {ForecastKind::CellCounts, 0, 6, 0},
                                               {ForecastKind::WardDensity, 0, 1, 0}};
  const std::vector<double> coverages = {0.05};
  const std::vector<BacktestRow> rows = backtest_month(6, history, target, g, methods, coverages, bands);
  REQUIRE(rows.size() == 3);
  // A method that saw the target would put that cell first and catch the 1000.
  CHECK(rows[0].measures.hits < 50);
  CHECK(rows[1].measures.hits < 50);
  // Ward density is flat within the one ward: a uniform draw of 5 cells in 100.
  CHECK_THAT(rows[2].measures.hits, WithinAbs(0.05 * 1050, 1e-9));

  SECTION("months beyond the look-back are not read") {
    MonthLayer poison = months[0];
    for (auto& v : poison.counts) v = std::nan("");
    for (auto& s : poison.smoothed)
      for (auto& v : s) v = std::nan("");
    std::vector<const MonthLayer*> longer = history;
    longer.push_back(&poison);
    const std::vector<double> a = forecast(methods[0], history, bands, g.cells());
    const std::vector<double> b = forecast(methods[0], longer, bands, g.cells());
    CHECK(a == b);
  }
}

TEST_CASE("measures at several coverages equal the one-coverage measures, ties included", "[forecast]") {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> small(0, 4);  // few distinct scores: many ties
  for (int trial = 0; trial < 50; ++trial) {
    const std::size_t n = 200 + static_cast<std::size_t>(trial);
    std::vector<double> score(n), target(n), before(n);
    for (std::size_t i = 0; i < n; ++i) {
      score[i] = small(rng);
      target[i] = small(rng);
      before[i] = small(rng);
    }
    const std::vector<double> coverages = {0.01, 0.02, 0.03, 0.05, 0.1, 0.5};
    const double area = static_cast<double>(n) * 0.97;  // edge cells: a little less area than cells
    const std::vector<CoverageMeasures> all = measure_at_coverages(score, target, before, coverages, 1, area);
    REQUIRE(all.size() == coverages.size());
    for (std::size_t c = 0; c < coverages.size(); ++c) {
      const CoverageMeasures one = measure_at_coverage(score, target, before, coverages[c], 1, area);
      CHECK(all[c].cells == one.cells);
      CHECK_THAT(all[c].hits, WithinAbs(one.hits, 1e-9));
      CHECK_THAT(all[c].best_hits, WithinAbs(one.best_hits, 1e-9));
      CHECK_THAT(all[c].pai, WithinAbs(one.pai, 1e-9));
      CHECK((std::isnan(all[c].rri) ? std::isnan(one.rri) : std::abs(all[c].rri - one.rri) < 1e-9));
    }
  }
}
