// hotspot_history.csv from in-memory hotspots (app/tables/history_table.hpp).
#include <catch2/catch.hpp>

#include "app/tables/history_table.hpp"
#include "io/csv_writer.hpp"

using namespace hotspot;

TEST_CASE("hotspot history table: each hotspot with its space-time class and the window", "[history_table]") {
  Theme asb, burglary;
  asb.id = "asb";
  burglary.id = "burglary";
  const Table t = hotspot_history_table({{&asb, "asb-1", "Hotspot 1 \u2014 Romford Town", EmergingClass::PersistentHot},
                                         {&burglary, "burglary-1", "Hotspot 1, Harold Hill", EmergingClass::NoPattern}},
                                        "2024-12..2025-11");
  CHECK(to_csv(t) ==
        "theme,hotspot_id,label,space_time_class,window\r\n"
        "asb,asb-1,Hotspot 1 \u2014 Romford Town,persistent hot spot,2024-12..2025-11\r\n"
        "burglary,burglary-1,\"Hotspot 1, Harold Hill\",no pattern detected,2024-12..2025-11\r\n");
}
