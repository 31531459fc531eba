#include "app/tables/history_table.hpp"

#include "app/tables/table_columns.hpp"

namespace hotspot {

Table hotspot_history_table(const std::vector<HotspotHistoryRow>& rows, const std::string& window) {
  using Row = HotspotHistoryRow;
  TableColumns<Row> cols;
  cols.add("theme", CellType::Text, [](const Row& r) { return Cell::text(r.theme->id); });
  cols.add("hotspot_id", CellType::Text, [](const Row& r) { return Cell::text(r.hotspot_id); });
  cols.add("label", CellType::Text, [](const Row& r) { return Cell::text(r.label); });
  cols.add("space_time_class", CellType::Text,
           [](const Row& r) { return Cell::text(std::string(emerging_class_name(r.space_time_class))); });
  cols.add("window", CellType::Text, [&window](const Row&) { return Cell::text(window); });
  return cols.build(rows);
}

}  // namespace hotspot
