#pragma once
// The evaluation cells of a study area: a grid aligned to multiples of the
// cell size over the wards' extent. A cell belongs to the study area when any
// of its 4 x 4 sub-cell centres lies in a ward, so cells straddling the edge
// are kept (every incident inside the area falls in some cell) and a cell is
// assigned to the ward holding most of its sub-cell centres (ties: the ward
// first in ward order).
#include "analysis/forecast.hpp"
#include "geo/ward_index.hpp"

namespace hotspot {

EvalGrid evaluation_grid(const WardIndex& wards, double study_area_m2, double cell);

}  // namespace hotspot
