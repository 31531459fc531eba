#include "app/tables/polygon_table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace hotspot {
namespace {

std::string ward_list(const RunInputs& run, const WardOverlapResult& w, const char* separator, bool names) {
  std::vector<std::string> out;
  for (std::size_t k : w.wards) out.push_back(names ? run.wards.wards[k].name : run.wards.wards[k].code);
  return fmt::format("{}", fmt::join(out, separator));
}

}  // namespace

std::string ward_codes(const RunInputs& run, const WardOverlapResult& w) { return ward_list(run, w, ";", false); }
std::string ward_names(const RunInputs& run, const WardOverlapResult& w) { return ward_list(run, w, "; ", true); }

Table polygon_table(const RunInputs& run, const Theme& theme, const std::vector<PolygonRow>& rows) {
  TableColumns<PolygonRow> cols;
  add_polygon_columns(cols, run, theme);
  return cols.build(rows);
}

std::string ward_name_of(const RunInputs& run, const WardOverlapResult& w) {
  return w.wards.empty() ? run.cfg.area_name : run.wards.wards[w.main].name;
}

}  // namespace hotspot
