#pragma once
// The venue tables of one programme plan, declared by their columns
// (app/tables/table_columns.hpp), each with its disclosure rule
// (app/disclosure/reach_disclosure.hpp): venues_<plan>.geojson (every
// candidate), venues_<plan>.csv (the chosen, in order) and
// venue_catchments_<plan>.geojson (the chosen venues' catchments).
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/venue_reach.hpp"
#include "app/context/run_context.hpp"
#include "app/disclosure/reach_disclosure.hpp"
#include "core/theme.hpp"
#include "io/table.hpp"

namespace hotspot {

// One venue as its tables show it.
struct VenueRow {
  const Venue* venue;
  const Ward* ward;
  long position;  // among the eligible, or -1
  std::string reason, hotspots_touched;
  bool eligible() const { return position >= 0; }
  std::size_t k() const { return eligible() ? static_cast<std::size_t>(position) : 0; }
};

// What every row of one plan's tables shares.
struct VenueTableContext {
  const PlanReach& reach;
  ReachDisclosure withheld;
  int min_count = 0;           // the plan's (its strictest theme's)
  bool by_incidents = true;    // the mass is incidents (measure = "incidents"), not KDE mass
  double total = 0, hotspot_total = 0;
  double radius = 0;
  const std::vector<Theme>& themes;
  // Distance from (x, y) to theme t's nearest hotspot, when it has any.
  std::function<std::optional<double>(std::size_t t, double x, double y)> nearest_hotspot_m;
};

Table venue_candidates_table(const std::vector<VenueRow>& rows, const VenueTableContext& ctx);
Table venue_programme_table(const std::vector<VenueRow>& rows, const VenueTableContext& ctx);
Table venue_catchments_table(const std::vector<VenueRow>& rows, const VenueTableContext& ctx);

}  // namespace hotspot
