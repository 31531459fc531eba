#include "app/tables/gistar_table.hpp"

namespace hotspot {

Table gistar_table(const RunInputs& run, const Theme& theme, const std::vector<GistarRow>& rows) {
  TableColumns<GistarRow> cols;
  add_polygon_columns(cols, run, theme);
  cols.add("gi_bin", CellType::Integer, [](const GistarRow& r) { return Cell::integer(r.bin); });
  cols.add("confidence", CellType::Text, [](const GistarRow& r) { return Cell::text(r.confidence); });
  cols.add("max_abs_z", CellType::Real, 2, [](const GistarRow& r) { return Cell::real(r.max_abs_z); });
  return cols.build(rows);
}

}  // namespace hotspot
