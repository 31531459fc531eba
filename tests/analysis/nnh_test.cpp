// Nearest Neighbour Hierarchical clustering.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/nnh.hpp"

using namespace hotspot;

TEST_CASE("the threshold is the lower confidence bound of the CSR mean distance", "[nnh]") {
  // N = 400 in 4 km^2: mean = 0.5 sqrt(1e4) = 50, SE = 0.26136 sqrt(4e6 / 160000) = 1.3068.
  CHECK(nnh_threshold(400, 4e6, 0.05) == Approx(50 - 1.6448536 * 1.3068).epsilon(1e-6));
  CHECK(nnh_threshold(400, 4e6, 0.01) == Approx(50 - 2.3263479 * 1.3068).epsilon(1e-6));
  CHECK(nnh_threshold(0, 4e6, 0.05) == 0);
}

TEST_CASE("first- and second-order clusters on a hand-made layout", "[nnh]") {
  std::vector<WeightedPoint> p;
  auto square = [&](double x, double y, int n) {
    for (int i = 0; i < n; ++i) p.push_back({x + (i % 4) * 3.0, y + (i / 4) * 3.0, 1});
  };
  square(0, 0, 12);     // cluster, points 3 m apart
  square(60, 0, 10);    // another, 60 m away
  square(5000, 0, 16);  // a third, far away
  square(9000, 0, 5);   // too small
  NnhParams params;
  params.fixed_distance = 10;
  params.min_points = 10;
  params.second_order = true;
  params.min_clusters = 2;
  NnhResult r = nnh(p, params);
  CHECK(r.threshold == 10);
  REQUIRE(r.first_order.size() == 3);
  CHECK(r.first_order[0].members.size() == 16);  // largest first
  CHECK(r.first_order[0].members.front() == 22);
  CHECK(r.first_order[1].members.size() == 12);
  CHECK(r.first_order[1].centre_x == Approx(4.5));
  CHECK(r.first_order[2].members.size() == 10);
  CHECK(r.second_order.empty());  // a fixed 10 m cannot join centres 60 m apart

  // With the CSR thresholds (area 0.2 km^2): 29.6 m for 43 points keeps the
  // squares apart; 65 m for 3 cluster centres joins the two that are 60 m apart.
  NnhParams csr;
  csr.study_area_m2 = 200000;
  csr.min_points = 10;
  csr.second_order = true;
  r = nnh(p, csr);
  CHECK(r.threshold == Approx(nnh_threshold(43, 200000, 0.05)));
  REQUIRE(r.first_order.size() == 3);
  REQUIRE(r.second_order.size() == 1);
  CHECK(r.second_order[0].order == 2);
  CHECK(r.second_order[0].members == std::vector<std::size_t>{1, 2});  // the 12- and 10-point clusters
}
