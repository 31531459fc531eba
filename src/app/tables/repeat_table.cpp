#include "app/tables/repeat_table.hpp"

#include "app/tables/table_columns.hpp"
#include "geo/grid_reference.hpp"

namespace hotspot {

Table repeat_locations_table(const std::vector<RepeatRow>& rows, const std::vector<Ward>& wards, const std::string& crs,
                             int lookback_months) {
  const auto ward = [&wards](const RepeatRow& r) -> const Ward* {
    return r.loc.ward < wards.size() ? &wards[r.loc.ward] : nullptr;
  };
  TableColumns<RepeatRow> cols;
  cols.add("theme", CellType::Text, [](const RepeatRow& r) { return Cell::text(r.theme->id); });
  cols.add("rank", CellType::Integer, [](const RepeatRow& r) { return Cell::integer(r.rank); });
  cols.add("incidents", CellType::Integer, [](const RepeatRow& r) { return Cell::integer(r.loc.incidents); });
  cols.add("months_active", CellType::Integer, [](const RepeatRow& r) { return Cell::integer(r.loc.months_active); });
  cols.add("of_months", CellType::Integer, [lookback_months](const RepeatRow&) { return Cell::integer(lookback_months); });
  cols.add("square_100m", CellType::Text, [&crs](const RepeatRow& r) {
    return Cell::text(grid_reference_100m(r.loc.x, r.loc.y, crs));
  });
  cols.add("ward_code", CellType::Text, [ward](const RepeatRow& r) { return Cell::text(ward(r) ? ward(r)->code : ""); });
  cols.add("ward_name", CellType::Text, [ward](const RepeatRow& r) { return Cell::text(ward(r) ? ward(r)->name : ""); });
  return cols.build(rows);
}

}  // namespace hotspot
