#include "app/tables/published_cells.hpp"

#include <cctype>

#include "io/csv_writer.hpp"

namespace hotspot {

std::string published_text(const Table& t, std::size_t row, const std::string& column) {
  const std::size_t c = t.column_index(column);
  return cell_text(t.rows[row][c], t.columns[c]);
}

std::optional<double> published_number(const std::string& text) {
  if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-')) return std::nullopt;
  return std::stod(text);
}

}  // namespace hotspot
