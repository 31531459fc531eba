#pragma once
// The ward table (one row per ward, every theme's statistics as snake_case
// columns) with disclosure control applied, and the rejects table.
#include <string>
#include <vector>

#include "analysis/ward_stats.hpp"
#include "core/reject.hpp"
#include "core/theme.hpp"
#include "core/ward.hpp"
#include "io/table.hpp"

namespace hotspot {

// One row per ward; with `with_total`, a last row "ALL" for the whole area.
Table ward_table(const std::vector<Ward>& wards, const std::vector<Theme>& themes, const WardStats& stats,
                 const std::string& area_name, bool with_total);

// Text for people: the disclosure rule and every proxy theme's note.
std::string disclosure_note(const std::vector<Theme>& themes);

Table rejects_table(const std::vector<Reject>& rejects, const std::vector<std::string>& file_names);

}  // namespace hotspot
