#pragma once
// The columns every polygon layer of a theme shares (cluster outlines, Gi* and
// emerging hot spots): id, label, theme, period, method, shape, rank, count,
// area, density and the wards it covers, in that order, declared once
// (app/tables/table_columns.hpp) for each layer's table to start with.
//
// Disclosure: a polygon holding fewer than the theme's min_count incidents is
// not published at all (the stages leave it out), so no cell here is withheld.
#include <string>
#include <vector>

#include "app/context/run_context.hpp"
#include "app/tables/table_columns.hpp"
#include "geo/ward_overlap.hpp"
#include "io/table.hpp"

namespace hotspot {

// One published polygon, as the shared columns read it.
struct PolygonRow {
  std::string id, label, method, shape;
  int rank = 0;
  long count = 0;  // incidents
  double area_m2 = 0;
  WardOverlapResult wards;
};

// "E05000001;E05000002" and "Town; Harold Hill": the wards a polygon covers.
std::string ward_codes(const RunInputs& run, const WardOverlapResult& w);
std::string ward_names(const RunInputs& run, const WardOverlapResult& w);

// The shared part of a row: a PolygonRow, or the `polygon` of a layer's row
// that adds its own columns (GistarRow, EmergingRow).
inline const PolygonRow& shared_part(const PolygonRow& r) { return r; }
template <class Row>
const PolygonRow& shared_part(const Row& r) {
  return r.polygon;
}

// The shared columns, on a table whose Row is a PolygonRow or holds one as
// `polygon` with the layer's own columns (declared after these).
template <class Row>
void add_polygon_columns(TableColumns<Row>& cols, const RunInputs& run, const Theme& theme) {
  const auto text = [](auto f) { return [f](const Row& r) { return Cell::text(f(shared_part(r))); }; };
  const auto of = [](auto f) { return [f](const Row& r) { return f(shared_part(r)); }; };
  using P = PolygonRow;
  cols.add("id", CellType::Text, text([](const P& r) { return r.id; }));
  cols.add("label", CellType::Text, text([](const P& r) { return r.label; }));
  cols.add("theme", CellType::Text, text([&theme](const P&) { return theme.id; }));
  cols.add("theme_label", CellType::Text, text([&theme](const P&) { return theme.label; }));
  cols.add("period", CellType::Text, text([&run](const P&) { return run.cfg.period.label; }));
  cols.add("method", CellType::Text, text([](const P& r) { return r.method; }));
  cols.add("shape", CellType::Text, text([](const P& r) { return r.shape; }));
  cols.add("rank", CellType::Integer, of([](const P& r) { return Cell::integer(r.rank); }));
  cols.add("count", CellType::Integer, of([](const P& r) { return Cell::integer(r.count); }));
  cols.add("area_m2", CellType::Real, 0, of([](const P& r) { return Cell::real(r.area_m2); }));
  cols.add("density_per_km2", CellType::Real, 1, of([](const P& r) {
    return r.area_m2 > 0 ? Cell::real(static_cast<double>(r.count) / r.area_m2 * 1e6) : Cell::null();
  }));
  cols.add("ward_codes", CellType::Text, text([&run](const P& r) { return ward_codes(run, r.wards); }));
  cols.add("ward_names", CellType::Text, text([&run](const P& r) { return ward_names(run, r.wards); }));
  if (theme.proxy) cols.add("proxy_note", CellType::Text, text([&theme](const P&) { return theme.proxy_note; }));
}

// A layer with the shared columns only (the cluster outlines).
Table polygon_table(const RunInputs& run, const Theme& theme, const std::vector<PolygonRow>& rows);

// The ward a polygon mostly covers, for labels ("Hot spot 2 — Romford Town").
std::string ward_name_of(const RunInputs& run, const WardOverlapResult& w);

}  // namespace hotspot
