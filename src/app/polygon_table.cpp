#include "app/polygon_table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace hotspot {

void add_common_columns(Table& t, const Theme& theme) {
  t.add_column("id", CellType::Text);
  t.add_column("label", CellType::Text);
  t.add_column("theme", CellType::Text);
  t.add_column("theme_label", CellType::Text);
  t.add_column("period", CellType::Text);
  t.add_column("method", CellType::Text);
  t.add_column("shape", CellType::Text);
  t.add_column("rank", CellType::Integer);
  t.add_column("count", CellType::Integer);
  t.add_column("area_m2", CellType::Real, 0);
  t.add_column("density_per_km2", CellType::Real, 1);
  t.add_column("ward_codes", CellType::Text);
  t.add_column("ward_names", CellType::Text);
  if (theme.proxy) t.add_column("proxy_note", CellType::Text);
}

std::vector<Cell> common_cells(const RunInputs& run, const Theme& theme, const std::string& id,
                               const std::string& label, const std::string& method, const std::string& shape, int rank,
                               long count, double area, const WardOverlapResult& w) {
  std::vector<std::string> codes, names;
  for (std::size_t k : w.wards) {
    codes.push_back(run.wards.wards[k].code);
    names.push_back(run.wards.wards[k].name);
  }
  std::vector<Cell> row = {Cell::text(id), Cell::text(label), Cell::text(theme.id), Cell::text(theme.label),
                           Cell::text(run.cfg.period.label), Cell::text(method), Cell::text(shape),
                           Cell::integer(rank), Cell::integer(count), Cell::real(area),
                           area > 0 ? Cell::real(static_cast<double>(count) / area * 1e6) : Cell::null(),
                           Cell::text(fmt::format("{}", fmt::join(codes, ";"))),
                           Cell::text(fmt::format("{}", fmt::join(names, "; ")))};
  if (theme.proxy) row.push_back(Cell::text(theme.proxy_note));
  return row;
}

std::string ward_name_of(const RunInputs& run, const WardOverlapResult& w) {
  return w.wards.empty() ? run.cfg.area_name : run.wards.wards[w.main].name;
}

}  // namespace hotspot
