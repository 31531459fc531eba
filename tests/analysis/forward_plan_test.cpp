// The forward plan on hand-made catchments: known answers, every constraint,
// and the greedy choice checked step by step against brute force.
#include <catch2/catch.hpp>

#include <set>

#include "analysis/forward_plan.hpp"

using namespace hotspot;

namespace {

// Two themes: A with 100 incidents, B with 10. Four venues in wards 0, 0, 1, 2.
ForwardPlanInput example() {
  ForwardPlanInput in;
  in.theme_weight = {1, 1};
  in.mass = {std::vector<double>(100, 1.0), std::vector<double>(10, 1.0)};
  auto range = [](std::uint32_t a, std::uint32_t b) {
    std::vector<std::uint32_t> v;
    for (std::uint32_t i = a; i < b; ++i) v.push_back(i);
    return v;
  };
  in.catchment = {
      {range(0, 40), range(30, 60), range(0, 20), range(90, 100)},  // theme A: 40, 30, 20, 10 incidents
      {range(0, 2), range(0, 1), range(0, 6), range(6, 10)},        // theme B: 2, 1, 6, 4 incidents
  };
  in.venue_ward = {0, 0, 1, 2};
  in.events = 3;
  return in;
}

}  // namespace

TEST_CASE("forward plan: shares, not volumes, and one event per ward", "[forward-plan]") {
  const std::vector<PlannedEvent> plan = plan_events(example());
  REQUIRE(plan.size() == 3);
  // Slot 0: B at venue 2 reaches 60% of B; A's best is 40%.
  CHECK(plan[0].theme == 1);
  CHECK(plan[0].venue == 2);
  CHECK(plan[0].share == Approx(0.6));
  // Slot 1: ward 1 is used; A at venue 0 (40%) beats B at venue 3 (40% too): the lower theme wins ties.
  CHECK(plan[1].theme == 0);
  CHECK(plan[1].venue == 0);
  // Slot 2: wards 0 and 1 used; venue 3 reaches 40% of B and 10% of A.
  CHECK(plan[2].theme == 1);
  CHECK(plan[2].venue == 3);
  CHECK(plan[2].gain == Approx(4));
  std::set<std::uint32_t> wards;
  for (const PlannedEvent& e : plan) CHECK(wards.insert(example().venue_ward[e.venue]).second);
}

TEST_CASE("forward plan: a rising theme's weight, the budget and exhaustion", "[forward-plan]") {
  ForwardPlanInput in = example();
  in.theme_weight = {2, 1};  // A rising: 2 x 40% beats 60%
  std::vector<PlannedEvent> plan = plan_events(in);
  REQUIRE_FALSE(plan.empty());
  CHECK(plan[0].theme == 0);
  CHECK(plan[0].venue == 0);

  in.cost_per_event = 400;
  in.budget = 1000;  // two events
  CHECK(plan_events(in).size() == 2);

  in.budget = 0;
  in.events = 10;  // only three wards: at most three events
  plan = plan_events(in);
  CHECK(plan.size() == 3);

  in.theme_weight = {0, 0};  // no theme in play
  CHECK(plan_events(in).empty());
}

TEST_CASE("forward plan: each step is the best pair by brute force", "[forward-plan]") {
  // A pseudo-random instance: 3 themes, 12 venues in 6 wards, 60 elements each.
  ForwardPlanInput in;
  in.events = 5;
  in.theme_weight = {1.0, 1.5, 0.7};
  std::uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  for (int t = 0; t < 3; ++t) {
    std::vector<double> m;
    for (int e = 0; e < 60; ++e) m.push_back(1 + next() % 3);
    in.mass.push_back(m);
    std::vector<std::vector<std::uint32_t>> c(12);
    for (auto& list : c)
      for (std::uint32_t e = 0; e < 60; ++e)
        if (next() % 5 == 0) list.push_back(e);
    in.catchment.push_back(c);
  }
  for (std::uint32_t v = 0; v < 12; ++v) in.venue_ward.push_back(v / 2);
  const std::vector<PlannedEvent> plan = plan_events(in);
  REQUIRE(plan.size() == 5);
  std::vector<std::set<std::uint32_t>> covered(3);
  std::set<std::uint32_t> wards;
  for (const PlannedEvent& e : plan) {
    double best = -1;
    for (std::size_t t = 0; t < 3; ++t) {
      double total = 0;
      for (double m : in.mass[t]) total += m;
      for (std::size_t v = 0; v < 12; ++v) {
        if (wards.count(in.venue_ward[v])) continue;
        double gain = 0;
        for (std::uint32_t x : in.catchment[t][v])
          if (!covered[t].count(x)) gain += in.mass[t][x];
        best = std::max(best, in.theme_weight[t] * gain / total);
      }
    }
    CHECK(e.score == Approx(best));
    for (std::uint32_t x : in.catchment[e.theme][e.venue]) covered[e.theme].insert(x);
    wards.insert(in.venue_ward[e.venue]);
  }
}
