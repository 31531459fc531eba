#pragma once
// points_<theme>.geojson's properties (restricted folder, only for a theme
// with export_points): each incident's month, day and ward, declared by its
// columns (app/tables/table_columns.hpp). Row-level by design, so nothing is withheld:
// the file never enters the pack.
#include <vector>

#include "core/incident.hpp"
#include "core/ward.hpp"
#include "io/table.hpp"

namespace hotspot {

// One row per incident, in order; every incident lies in one of `wards`.
Table points_table(const std::vector<const Incident*>& incidents, const std::vector<Ward>& wards);

}  // namespace hotspot
