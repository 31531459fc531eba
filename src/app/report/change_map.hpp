#pragma once
// A theme page's ward change map: each ward shaded by its change on its
// 12-month baseline, significant rises and falls strongest (diverging red and
// blue), and wards whose figures disclosure control withholds drawn as
// withheld. Read from ward_summary.csv's cells as published: the withheld
// flags are the ward table's own, never decided again here.
#include <pugixml.hpp>

#include "app/context/run_context.hpp"
#include "io/table.hpp"

namespace hotspot {

struct ChangeMap {
  pugi::xml_document svg;     // <svg class="map change-map">
  pugi::xml_document legend;  // <ul class="legend change-legend">: one swatch per class the map shows
  int withheld = 0;           // wards drawn as withheld
};

// Fitted into at most max_width by max_height mm of paper.
ChangeMap ward_change_map(const RunInputs& run, const Table& ward_summary, const Theme& theme, double max_width,
                          double max_height);

}  // namespace hotspot
