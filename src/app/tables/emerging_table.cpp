#include "app/tables/emerging_table.hpp"

namespace hotspot {

Table emerging_table(const RunInputs& run, const Theme& theme, const std::vector<EmergingRow>& rows,
                     const std::string& window) {
  using Row = EmergingRow;
  TableColumns<Row> cols;
  add_polygon_columns(cols, run, theme);
  cols.add("space_time_class", CellType::Text,
           [](const Row& r) { return Cell::text(std::string(emerging_class_name(r.space_time_class))); });
  cols.add("summary_class", CellType::Text,
           [](const Row& r) { return Cell::text(std::string(summary_class_name(r.summary_class))); });
  cols.add("months_hot", CellType::Integer, [](const Row& r) { return Cell::integer(r.months_hot); });
  cols.add("window", CellType::Text, [&window](const Row&) { return Cell::text(window); });
  return cols.build(rows);
}

}  // namespace hotspot
