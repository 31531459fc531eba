#include "app/tables/points_table.hpp"

#include "app/tables/table_columns.hpp"
#include "core/period.hpp"

namespace hotspot {

Table points_table(const std::vector<const Incident*>& incidents, const std::vector<Ward>& wards) {
  using Row = const Incident*;
  TableColumns<Row> cols;
  cols.add("month", CellType::Text, [](const Row& inc) { return Cell::text(format_month(inc->month)); });
  cols.add("day", CellType::Integer, [](const Row& inc) { return inc->day ? Cell::integer(inc->day) : Cell::null(); });
  cols.add("ward_code", CellType::Text, [&wards](const Row& inc) { return Cell::text(wards[inc->ward].code); });
  return cols.build(incidents);
}

}  // namespace hotspot
