#include "app/tables/hot_streets_table.hpp"

#include "app/tables/table_columns.hpp"

namespace hotspot {

Table hot_streets_table(const Theme& theme, const std::vector<HotStreetRow>& rows, const std::vector<Ward>& wards, const std::string& unit,
                        const std::string& months) {
  using Row = HotStreetRow;
  const auto ward = [&wards](const Row& r) -> const Ward* { return r.ward < wards.size() ? &wards[r.ward] : nullptr; };
  const auto share = [](long n, long of) { return of > 0 ? static_cast<double>(n) / static_cast<double>(of) : 0.0; };
  TableColumns<Row> cols;
  cols.add("theme", CellType::Text, [](const Row& r) { return Cell::text(r.theme->id); });
  cols.add("rank", CellType::Integer, [](const Row& r) { return Cell::integer(r.rank); });
  cols.add("place", CellType::Text, [](const Row& r) { return Cell::text(r.place); });
  cols.add("unit", CellType::Text, [unit](const Row&) { return Cell::text(unit); });
  cols.add("ward_code", CellType::Text, [ward](const Row& r) { return Cell::text(ward(r) ? ward(r)->code : ""); });
  cols.add("ward_name", CellType::Text, [ward](const Row& r) { return Cell::text(ward(r) ? ward(r)->name : ""); });
  // The counts of one theme, each withheld by its own min_count.
  cols.add("incidents", CellType::Integer, [](const Row& r) { return Cell::integer(r.incidents); })
      .count_of(theme.min_count);
  cols.add("share_of_incidents", CellType::Real, 4, [share](const Row& r) { return Cell::real(share(r.incidents, r.total)); })
      .derived_from({"incidents"});
  cols.add("cumulative_share_of_incidents", CellType::Real, 4,
           [share](const Row& r) { return Cell::real(share(r.cumulative, r.total)); })
      .derived_from({"incidents"});
  cols.add("share_of_places", CellType::Real, 4, [](const Row& r) {
    return Cell::real(r.places > 0 ? static_cast<double>(r.rank) / static_cast<double>(r.places) : 0.0);
  });
  cols.add("places_in_area", CellType::Integer, [](const Row& r) { return Cell::integer(static_cast<long>(r.places)); });
  cols.add("months", CellType::Text, [months](const Row&) { return Cell::text(months); });
  return cols.build(rows);
}

}  // namespace hotspot
