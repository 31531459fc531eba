// Age ranges from ONS-style age-band columns: known weights for ranges that
// match bands, cut them, and run into the open top band.
#include <catch2/catch.hpp>

#include "analysis/age_bands.hpp"

using namespace hotspot;

namespace {
const std::vector<std::string> kHeader = {"LSOA11CD", "Persons_All-Ages", "Persons_0-15", "Persons_16-29",
                                          "Persons_30-44", "Persons_45-64", "Persons_65+", "Males_0-15"};
}

TEST_CASE("age ranges parse", "[age_bands]") {
  CHECK(parse_age_range("10-17")->first == 10);
  CHECK(parse_age_range("10-17")->last == 17);
  CHECK(parse_age_range("65+")->open);
  CHECK(parse_age_range("65+")->last == 65 + kOpenBandYears - 1);
  CHECK_FALSE(parse_age_range("17-10"));
  CHECK_FALSE(parse_age_range("All-Ages"));
  CHECK_FALSE(parse_age_range("ten"));
}

TEST_CASE("age band weights", "[age_bands]") {
  SECTION("a range on band edges takes whole bands") {
    const auto w = age_band_weights(kHeader, "Persons_", *parse_age_range("16-44"));
    REQUIRE(w.size() == 2);
    CHECK(w[0].column == 3);
    CHECK(w[0].share == 1);
    CHECK(w[1].column == 4);
  }
  SECTION("a range that cuts bands takes their share of years") {
    const auto w = age_band_weights(kHeader, "Persons_", *parse_age_range("10-17"));
    REQUIRE(w.size() == 2);
    CHECK(w[0].column == 2);
    CHECK(w[0].share == Approx(6.0 / 16));
    CHECK(w[1].column == 3);
    CHECK(w[1].share == Approx(2.0 / 14));
  }
  SECTION("the open top band") {
    const auto w = age_band_weights(kHeader, "Persons_", *parse_age_range("65+"));
    REQUIRE(w.size() == 1);
    CHECK(w[0].column == 6);
    CHECK(w[0].share == 1);
  }
  SECTION("bands that do not cover the range are refused, naming them") {
    CHECK_THROWS_WITH(age_band_weights(kHeader, "Males_", *parse_age_range("10-17")),
                      Catch::Matchers::Contains("0-15") && Catch::Matchers::Contains("do not cover ages 10-17"));
  }
}
