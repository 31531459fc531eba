#pragma once
// forward_plan.csv: one row per planned roadshow event, declared by its
// columns (app/tables/table_columns.hpp). Every column is text: the reach a reason
// quotes is already subject to disclosure control where the reason is written.
#include <cstddef>
#include <string>
#include <vector>

#include "app/context/run_context.hpp"
#include "io/table.hpp"

namespace hotspot {

struct ForwardPlanRow {
  std::size_t event = 0;   // 1 = the first date
  std::string date;        // YYYY-MM-DD
  std::string start, end;  // iCalendar local times, "YYYYMMDDTHHMMSS"
  const Theme* theme = nullptr;
  const Venue* venue = nullptr;
  std::string ward_code, ward_name;  // the venue's ward; no code and the area's name outside every ward
  std::string reason;
};

Table forward_plan_table(const std::vector<ForwardPlanRow>& rows);

}  // namespace hotspot
