// hotspot_history.csv from in-memory hotspots (app/tables/history_table.hpp).
#include <catch2/catch.hpp>

#include "app/tables/history_table.hpp"
#include "io/csv_writer.hpp"

using namespace hotspot;

TEST_CASE("hotspot history table: each hotspot with its space-time class in words and the window", "[history_table]") {
  Theme asb, burglary;
  asb.id = "asb";
  burglary.id = "burglary";
  const Table t = hotspot_history_table(
      {{&asb, "asb-1", "Hotspot 1 \u2014 Romford Town", SpaceTime{EmergingClass::PersistentHot, 11, 12}},
       {&asb, "asb-2", "Hotspot 2 \u2014 Brooklands", SpaceTime{EmergingClass::NewHot, 1, 12}},
       {&burglary, "burglary-1", "Hotspot 1, Harold Hill", SpaceTime{EmergingClass::NoPattern, 0, 12}}},
      "2024-12..2025-11");
  CHECK(to_csv(t) ==
        "theme,hotspot_id,label,space_time_class,months_hot_of_12,space_time,window\r\n"
        "asb,asb-1,Hotspot 1 \u2014 Romford Town,persistent hot spot,11,hot for 11 of the last 12 months,2024-12..2025-11\r\n"
        "asb,asb-2,Hotspot 2 \u2014 Brooklands,new hot spot,1,new this month,2024-12..2025-11\r\n"
        "burglary,burglary-1,\"Hotspot 1, Harold Hill\",no pattern detected,0,not a significant hot spot,"
        "2024-12..2025-11\r\n");
}

TEST_CASE("space-time in words, and a hotspot's class from its cells", "[history_table]") {
  CHECK(space_time_words({EmergingClass::ConsecutiveHot, 4, 12}) == "hot for the last 4 months");
  CHECK(space_time_words({EmergingClass::IntensifyingHot, 10, 12}) == "hot for 10 of the last 12 months, intensifying");
  CHECK(space_time_words({EmergingClass::SporadicHot, 3, 12}) == "on and off: hot in 3 of the last 12 months");
  CHECK(space_time_words({EmergingClass::NoPattern, 1, 12}) == "hot in 1 of the last 12 months");
  CHECK(space_time_words({EmergingClass::NoPattern, 0, 12}) == "not a significant hot spot");
  CHECK(space_time_key(EmergingClass::OscillatingHot) == "sporadic");
  // Cells 0-2 persistent, cell 3 new: persistent; its months are the median over the persistent cells'.
  const std::vector<EmergingClass> cls{EmergingClass::PersistentHot, EmergingClass::PersistentHot,
                                       EmergingClass::PersistentHot, EmergingClass::NewHot, EmergingClass::NewCold};
  const std::vector<std::uint16_t> hot{0b111111111111, 0b000011110000, 0b1111000000111111, 0b1, 0};
  const std::vector<std::size_t> cells{0, 1, 2, 3, 4};
  const SpaceTime s = space_time_of(cells, cls, hot);
  CHECK(s.cls == EmergingClass::PersistentHot);
  CHECK(s.hot_months == 6);  // 12, 4 and 6 (bits 12-15 are older than 12 months): the median
  CHECK(space_time_of(std::vector<std::size_t>{4}, cls, hot).cls == EmergingClass::NoPattern);  // a cold cell is no hot class
}
