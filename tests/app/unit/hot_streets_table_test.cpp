// hot_streets.csv (app/tables/hot_streets_table.hpp): the 80-20 columns, and
// small counts withheld with every share derived from them.
#include <catch2/catch.hpp>

#include "app/tables/hot_streets_table.hpp"
#include "io/csv_writer.hpp"

using namespace hotspot;

TEST_CASE("hot streets: shares, cumulative shares and the share of streets, small counts withheld", "[hot_streets]") {
  Theme vawg;
  vawg.id = "vawg";
  vawg.min_count = 5;
  std::vector<Ward> wards(2);
  wards[0].code = "W0", wards[0].name = "Romford Town";
  wards[1].code = "W1", wards[1].name = "Brooklands";
  std::vector<HotStreetRow> rows;
  const long counts[] = {12, 6, 3};
  long cumulative = 0;
  for (int i = 0; i < 3; ++i) {
    cumulative += counts[i];
    rows.push_back({&vawg, i + 1, i == 0 ? "South Street" : i == 1 ? "Market Place" : "Supermarket (Brooklands)",
                    static_cast<std::uint32_t>(i == 2), counts[i], 30, cumulative, 10});
  }
  const Table t = hot_streets_table(vawg, rows, wards, "street or place", "2024-12..2025-11");
  CHECK(to_csv(t) ==
        "theme,rank,place,unit,ward_code,ward_name,incidents,share_of_incidents,cumulative_share_of_incidents,"
        "share_of_places,places_in_area,months\r\n"
        "vawg,1,South Street,street or place,W0,Romford Town,12,0.4,0.4,0.1,10,2024-12..2025-11\r\n"
        "vawg,2,Market Place,street or place,W0,Romford Town,6,0.2,0.6,0.2,10,2024-12..2025-11\r\n"
        "vawg,3,Supermarket (Brooklands),street or place,W1,Brooklands,<5,[c],[c],0.3,10,2024-12..2025-11\r\n");
}
