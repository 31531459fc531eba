// Multiple-testing corrections against a hand-worked example.
#include <catch2/catch.hpp>

#include "analysis/multiple_testing.hpp"

using namespace hotspot;

TEST_CASE("Benjamini-Hochberg by hand", "[multiple_testing]") {
  // Sorted: 0.005, 0.01, 0.03, 0.04 (m = 4); p * m / rank = 0.02, 0.02, 0.04, 0.04;
  // step-up minimum from the top keeps them; back in input order:
  const auto q = adjust_p_values({0.01, 0.04, 0.03, 0.005}, Correction::FalseDiscoveryRate);
  CHECK(q[0] == Approx(0.02));
  CHECK(q[1] == Approx(0.04));
  CHECK(q[2] == Approx(0.04));
  CHECK(q[3] == Approx(0.02));
  // A larger p early in the ranking is pulled down by a later, smaller p*m/rank.
  const auto r = adjust_p_values({0.02, 0.021, 0.9}, Correction::FalseDiscoveryRate);
  CHECK(r[0] == Approx(0.0315));  // min(0.02*3/1, 0.021*3/2)
  CHECK(r[1] == Approx(0.0315));
  CHECK(r[2] == Approx(0.9));
  CHECK(adjust_p_values({0.6, 0.7}, Correction::FalseDiscoveryRate) == std::vector<double>{0.7, 0.7});
}

TEST_CASE("Bonferroni and none", "[multiple_testing]") {
  CHECK(adjust_p_values({0.01, 0.3}, Correction::Bonferroni) == std::vector<double>{0.02, 0.6});
  CHECK(adjust_p_values({0.01, 0.6}, Correction::Bonferroni)[1] == 1.0);
  CHECK(adjust_p_values({0.01, 0.6}, Correction::None) == std::vector<double>{0.01, 0.6});
  CHECK(parse_correction("bh") == Correction::FalseDiscoveryRate);
  CHECK_THROWS(parse_correction("holm"));
}
