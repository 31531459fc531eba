// Streets and places by name: police.uk's Location read to a street, names
// interned by their spelling in any case, one name in two parts of an area is
// two places, generic places are each their own, and a hotspot's busiest
// names chosen with documented tie-breaks.
#include <catch2/catch.hpp>

#include "analysis/street_places.hpp"
#include "core/street_names.hpp"

using namespace hotspot;

TEST_CASE("street names: police.uk's 'On or near', 'Near', 'No Location' and blanks", "[streets]") {
  CHECK(street_name("On or near Market Place") == "Market Place");
  CHECK(street_name("  on or NEAR   South Street ") == "South Street");
  CHECK(street_name("Near supermarket") == "supermarket");
  CHECK(street_name("Romford (station)") == "Romford (station)");
  CHECK(street_name("001XX W MADISON ST") == "001XX W MADISON ST");  // a force extract's block, as it is
  CHECK(street_name("No Location").empty());
  CHECK(street_name("On or near ").empty());
  CHECK(street_name("").empty());
  CHECK(street_name("   ").empty());
  CHECK(generic_place("Supermarket"));
  CHECK(generic_place("sports/Recreation Area"));
  CHECK_FALSE(generic_place("Market Place"));
}

TEST_CASE("street names: one id per name in any case, spelled as first met", "[streets]") {
  StreetNames names;
  const auto a = names.intern("Sports/recreation Area");
  const auto b = names.intern("Sports/Recreation Area");
  const auto c = names.intern("High Street");
  CHECK(a == b);
  CHECK(a != c);
  CHECK(names.name(a) == "Sports/recreation Area");
  CHECK(names.size() == 2);
  CHECK(names.intern("high street") == c);
}

namespace {

Incident at(double x, double y, std::uint32_t street, std::uint32_t ward = 0) {
  Incident i;
  i.x = x;
  i.y = y;
  i.street = street;
  i.ward = ward;
  return i;
}

}  // namespace

TEST_CASE("street places: a name far apart is two places, generic names are a place per point", "[streets]") {
  StreetNames names;
  const auto high = names.intern("High Street"), mill = names.intern("Mill Lane"), shop = names.intern("Supermarket");
  const std::vector<Incident> incidents{
      at(1000, 1000, high, 0), at(1200, 1000, high, 0), at(1400, 1000, high, 0),  // one street, points 200 m apart
      at(5000, 1000, high, 3), at(5000, 1000, high, 3),                            // another High Street, 3.6 km away
      at(2000, 2000, mill, 1),
      at(3000, 3000, shop, 2), at(3100, 3000, shop, 2),                            // two supermarkets 100 m apart
      at(2500, 2500, kNoStreet, 1)};                                               // no Location
  const StreetPlaces p = street_places(incidents, names);
  REQUIRE(p.places.size() == 5);
  // Places by name id, then first point: High Street (west), High Street (east), Mill Lane, two supermarkets.
  CHECK(p.places[0].street == high);
  CHECK(p.places[1].street == high);
  CHECK(p.places[0].shared_name);
  CHECK(p.places[1].shared_name);
  CHECK_FALSE(p.places[2].shared_name);
  CHECK(p.places[3].shared_name);  // generic
  CHECK(p.of_incident[0] == p.of_incident[2]);
  CHECK(p.of_incident[0] != p.of_incident[3]);
  CHECK(p.places[p.of_incident[3]].ward == 3);
  CHECK(p.places[p.of_incident[3]].x == 5000);  // its busiest point
  CHECK(p.of_incident[6] != p.of_incident[7]);
  CHECK(p.of_incident[8] == kNoPlace);
}

TEST_CASE("busiest names: by weight, ties by name in any case, until half the named weight, at most 3", "[streets]") {
  StreetNames names;
  const auto south = names.intern("South Street"), market = names.intern("Market Place"),
             abbey = names.intern("abbey Road"), mill = names.intern("Mill Lane");
  SECTION("a dominant street is named alone") {
    const std::vector<std::pair<std::uint32_t, double>> w{{south, 6}, {market, 2}, {abbey, 1}, {kNoStreet, 1}};
    const BusiestNames b = busiest_names(w, names);
    CHECK(b.streets == std::vector<std::uint32_t>{south});
    CHECK(b.named_share == Approx(0.9));
  }
  SECTION("equal weights: in name order, whatever the case; until half the named weight") {
    const std::vector<std::pair<std::uint32_t, double>> w{{south, 1}, {market, 1}, {abbey, 1}, {mill, 1}};
    const BusiestNames b = busiest_names(w, names);
    CHECK(b.streets == std::vector<std::uint32_t>{abbey, market});  // "abbey road" < "market place" < ...
  }
  SECTION("many small ones: at most three") {
    std::vector<std::pair<std::uint32_t, double>> w{{south, 3}, {market, 2.5}, {abbey, 2}, {mill, 2}};
    for (int i = 0; i < 6; ++i) w.emplace_back(names.intern("Lane " + std::to_string(i)), 1.5);
    const BusiestNames b = busiest_names(w, names);
    CHECK(b.streets == std::vector<std::uint32_t>{south, market, abbey});
  }
  SECTION("weights add up per name; no name at all") {
    const std::vector<std::pair<std::uint32_t, double>> w{{market, 1}, {south, 0.75}, {south, 0.75}};
    CHECK(busiest_names(w, names).streets == std::vector<std::uint32_t>{south});
    const std::vector<std::pair<std::uint32_t, double>> none{{kNoStreet, 1}, {kNoStreet, 2}};
    const BusiestNames b = busiest_names(none, names);
    CHECK(b.streets.empty());
    CHECK(b.named_share == 0);
  }
  SECTION("streets before police.uk's generic places; generic places when there is no street") {
    const auto shop = names.intern("Shopping Area"), market_shop = names.intern("Supermarket");
    const std::vector<std::pair<std::uint32_t, double>> w{{shop, 10}, {market_shop, 5}, {south, 2}, {market, 1}};
    CHECK(busiest_names(w, names).streets == std::vector<std::uint32_t>{south});  // 2 of the streets' 3
    const std::vector<std::pair<std::uint32_t, double>> only{{shop, 10}, {market_shop, 5}, {kNoStreet, 5}};
    const BusiestNames b = busiest_names(only, names);
    CHECK(b.streets == std::vector<std::uint32_t>{shop});
    CHECK(b.named_share == Approx(0.75));
  }
  CHECK(name_list({"A"}) == "A");
  CHECK(name_list({"A", "B"}) == "A and B");
  CHECK(name_list({"A", "B", "C"}) == "A, B and C");
}
