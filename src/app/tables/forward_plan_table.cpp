#include "app/tables/forward_plan_table.hpp"

#include <fmt/format.h>

#include "app/tables/table_columns.hpp"

namespace hotspot {
namespace {

// "HH:MM" of an iCalendar "YYYYMMDDTHHMMSS".
Cell clock_time(const std::string& ical) { return Cell::text(fmt::format("{}:{}", ical.substr(9, 2), ical.substr(11, 2))); }

TableColumns<ForwardPlanRow> forward_plan_columns() {
  using Row = ForwardPlanRow;
  TableColumns<Row> cols;
  cols.add("event", CellType::Text, [](const Row& r) { return Cell::text(std::to_string(r.event)); });
  cols.add("date", CellType::Text, [](const Row& r) { return Cell::text(r.date); });
  cols.add("start", CellType::Text, [](const Row& r) { return clock_time(r.start); });
  cols.add("end", CellType::Text, [](const Row& r) { return clock_time(r.end); });
  cols.add("theme", CellType::Text, [](const Row& r) { return Cell::text(r.theme->id); });
  cols.add("theme_label", CellType::Text, [](const Row& r) { return Cell::text(r.theme->label); });
  cols.add("venue_id", CellType::Text, [](const Row& r) { return Cell::text(r.venue->id); });
  cols.add("venue_name", CellType::Text, [](const Row& r) { return Cell::text(r.venue->name); });
  cols.add("venue_type", CellType::Text, [](const Row& r) { return Cell::text(r.venue->type); });
  cols.add("ward_code", CellType::Text, [](const Row& r) { return Cell::text(r.ward_code); });
  cols.add("ward_name", CellType::Text, [](const Row& r) { return Cell::text(r.ward_name); });
  cols.add("reason", CellType::Text, [](const Row& r) { return Cell::text(r.reason); });
  return cols;
}

}  // namespace

Table forward_plan_table(const std::vector<ForwardPlanRow>& rows) { return forward_plan_columns().build(rows); }

}  // namespace hotspot
