#pragma once
// hotspot_history.csv: this month's hotspots and the space-time class each
// holds over the emerging hot spot window, declared by its columns
// (app/tables/table_columns.hpp). It lists published hotspots only, so it has no
// count of its own to withhold.
#include <string>
#include <vector>

#include "analysis/emerging_classes.hpp"
#include "core/theme.hpp"
#include "io/table.hpp"

namespace hotspot {

struct HotspotHistoryRow {
  const Theme* theme = nullptr;
  std::string hotspot_id, label;  // as the hotspot layer publishes them
  EmergingClass space_time_class = EmergingClass::NoPattern;  // the class most of its cells hold
};

// `window`: the emerging window's label ("2024-12..2025-11"), on every row.
Table hotspot_history_table(const std::vector<HotspotHistoryRow>& rows, const std::string& window);

}  // namespace hotspot
