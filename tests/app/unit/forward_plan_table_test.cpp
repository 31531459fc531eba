// forward_plan.csv from in-memory planned events (app/tables/forward_plan_table.hpp).
#include <catch2/catch.hpp>

#include "app/tables/forward_plan_table.hpp"
#include "io/csv_writer.hpp"

using namespace hotspot;

TEST_CASE("forward plan table: one row per event with its clock times and venue", "[forward_plan_table]") {
  Theme asb;
  asb.id = "asb";
  asb.label = "Anti-social behaviour";
  Venue library{"v7", "Central Library", "library", "venues.csv", 0, 0, 3};
  Venue hall{"v9", "", "hall", "venues.csv", 0, 0, kNoWard};
  const std::vector<ForwardPlanRow> rows = {
      {1, "2026-01-07", "20260107T180000", "20260107T203000", &asb, &library, "E05000001", "Town", "why, \"quoted\""},
      {3, "2026-03-04", "20260304T233000", "20260305T013000", &asb, &hall, "", "Havering", "why not"}};
  CHECK(to_csv(forward_plan_table(rows)) ==
        "event,date,start,end,theme,theme_label,venue_id,venue_name,venue_type,ward_code,ward_name,reason\r\n"
        "1,2026-01-07,18:00,20:30,asb,Anti-social behaviour,v7,Central Library,library,E05000001,Town,"
        "\"why, \"\"quoted\"\"\"\r\n"
        "3,2026-03-04,23:30,01:30,asb,Anti-social behaviour,v9,,hall,,Havering,why not\r\n");
  CHECK(to_csv(forward_plan_table({})) ==
        "event,date,start,end,theme,theme_label,venue_id,venue_name,venue_type,ward_code,ward_name,reason\r\n");
}
