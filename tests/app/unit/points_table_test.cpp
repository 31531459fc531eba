// points_<theme>.geojson's properties from in-memory incidents (app/tables/points_table.hpp).
#include <catch2/catch.hpp>

#include "app/tables/points_table.hpp"
#include "io/csv_writer.hpp"

using namespace hotspot;

namespace {

// A ward with only its code and name, as the tables need.
Ward named_ward(std::string code, std::string name) {
  Ward w;
  w.code = std::move(code);
  w.name = std::move(name);
  return w;
}
}  // namespace

TEST_CASE("points table: each incident's month, day when known, and ward code", "[points_table]") {
  const std::vector<Ward> wards = {named_ward("E05000001", "Romford Town"), named_ward("E05000002", "Harold Hill")};
  Incident dated, month_only;
  dated.month = make_month(2025, 11);
  dated.day = 7;
  dated.ward = 1;
  month_only.month = make_month(2025, 10);
  month_only.ward = 0;
  CHECK(to_csv(points_table({&dated, &month_only}, wards)) ==
        "month,day,ward_code\r\n2025-11,7,E05000002\r\n2025-10,,E05000001\r\n");
}
