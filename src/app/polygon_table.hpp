#pragma once
// The columns every polygon layer of a theme shares (cluster outlines, Gi* and
// emerging hot spots): id, label, theme, period, method, shape, rank, count,
// area, density and the wards it covers, in that order.
#include <string>
#include <vector>

#include "app/run_context.hpp"
#include "geo/ward_overlap.hpp"
#include "io/table.hpp"

namespace hotspot {

void add_common_columns(Table& t, const Theme& theme);

// One row's shared cells, in the order of add_common_columns.
std::vector<Cell> common_cells(const RunInputs& run, const Theme& theme, const std::string& id,
                               const std::string& label, const std::string& method, const std::string& shape, int rank,
                               long count, double area, const WardOverlapResult& w);

// The ward a polygon mostly covers, for labels ("Hot spot 2 — Romford Town").
std::string ward_name_of(const RunInputs& run, const WardOverlapResult& w);

}  // namespace hotspot
