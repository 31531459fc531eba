#pragma once
// The summary's exception list, in the style of the partnership plans that
// report red and amber to the board: each red and amber theme (whole area)
// and each red and amber ward, with its reason in plain words. Read only from
// ward_summary.csv as published (ward RAGs the disclosure rule withholds are
// not listed), so it says nothing the table does not.
#include <pugixml.hpp>

#include <vector>

#include "app/context/run_context.hpp"
#include "app/stages/target_summary.hpp"
#include "io/table.hpp"

namespace hotspot {

// Appends the list to `parent`. Wards beyond the page's room are counted in a
// paragraph with data-pages="wards", so the caller can say which pages.
// `targets` (WardResult::targets, read from the same table) adds each theme
// that is red or amber on its year-to-date or rolling-12-month target.
void exception_list(pugi::xml_node parent, const RunInputs& run, const Table& ward_summary,
                    const std::vector<ThemeTargets>& targets);

}  // namespace hotspot
