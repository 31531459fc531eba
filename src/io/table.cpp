#include "io/table.hpp"

#include <cmath>

#include "core/error.hpp"

namespace hotspot {

std::string Cell::null_text() const {
  if (withheld != Withheld::No) return withheld_text(withheld, min_count);
  return no_data ? kNoData : "";
}

std::size_t Table::add_column(std::string name, CellType type, int decimals) {
  columns.push_back(Column{std::move(name), type, decimals});
  return columns.size() - 1;
}

std::size_t Table::column_index(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == name) return i;
  throw internal_error("table", "no column " + name);
}

double round_to(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(v * scale) / scale;
  return r == 0 ? 0.0 : r;  // no "-0"
}

}  // namespace hotspot
