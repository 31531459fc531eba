#include "app/tables/published_cells.hpp"

#include <string>

#include "io/csv_writer.hpp"

namespace hotspot {

PublishedCell published_cell(const Table& t, std::size_t row, const std::string& column) {
  const std::size_t c = t.column_index(column);
  const Cell& cell = t.rows[row][c];
  PublishedCell out{cell_text(cell, t.columns[c]), std::nullopt, cell.is_withheld(), cell.no_data};
  if (cell.kind == Cell::Kind::Integer) out.number = static_cast<double>(cell.i);
  else if (cell.kind == Cell::Kind::Real) out.number = std::stod(out.text);  // the value as printed (rounded)
  return out;
}

std::string published_text(const Table& t, std::size_t row, const std::string& column) {
  return published_cell(t, row, column).text;
}

std::optional<double> published_number(const Table& t, std::size_t row, const std::string& column) {
  return published_cell(t, row, column).number;
}

}  // namespace hotspot
