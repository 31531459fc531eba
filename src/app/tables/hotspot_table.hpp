#pragma once
// hotspots_<theme>.geojson's properties and the report's hotspot table: one
// row per published hotspot, its columns each with its disclosure rule
// (app/tables/table_columns.hpp).
#include <string>
#include <vector>

#include <optional>

#include "analysis/space_time.hpp"
#include "analysis/ward_stats.hpp"
#include "core/theme.hpp"
#include "core/ward.hpp"
#include "geo/geos_handle.hpp"
#include "io/table.hpp"

namespace hotspot {

// A hotspot polygon and what lies inside it.
struct Hotspot {
  int level = 0;
  std::string class_name;
  double threshold = 0;
  GeomPtr geom{nullptr, GeomDeleter{nullptr}};
  double area_m2 = 0;
  long incidents = 0;
  long inside = 0;    // strictly inside the polygon: judged by polygon_withheld
  long inside_protected = 0;  // of them, protected content
  ChangeStats change;  // the same cells' period count against their own past (previous, baseline)
  bool baseline_withheld = false;  // a tile of its baseline is small (baseline_tiles_publishable)
  double peak = 0, mean = 0;
  double forecast_monthly = 0;  // coverage hotspots: the forecast's mass as incidents per month
  std::vector<std::size_t> wards;  // touched, in ward order
  std::size_t main_ward = 0;       // largest overlap
  long cells = 0;                  // grid cells in the region
  int rank = 0;
  // Coverage hotspots: identity over time (analysis/hotspot_tracking.hpp).
  std::string ref;                 // the 100 m square of its track's anchor: "TQ515888"
  std::string since;               // the first target month its track was a hotspot
  int months_present = 0;          // of the last kTrackedMonths target months
  // Forecast hotspots: where it is in words, "South Street and Market Place
  // (Romford Town)", from its busiest streets (streets, "; "-joined), or its
  // ward and 100 m square when none is known (named_by says which).
  std::string place, streets, named_by;
  std::optional<SpaceTime> space_time;  // new, persistent, ... when the emerging stage ran
};

// "Hotspot 3 — South Street and Market Place (Romford Town)"; without a
// place, "Hotspot 3 — Romford Town" (its main ward).
std::string hotspot_label(const Hotspot& h, const std::vector<Ward>& wards);

// The forecast a coverage hotspot comes from, the share of the area its
// drawing covers, and the drawing's backtested record (backtest_months 0:
// none, for too little history): the same drawing rule each month, scored at
// the area it covered, against the last 12 months' top squares at that area.
struct HotspotForecastRecord {
  std::string method;
  double coverage = 0;      // asked (kde.coverage)
  double area_share = 0;    // this month's drawing: its squares' share of the study area
  int numbered = 0;         // hotspots numbered on the map and in the report (kde.numbered)
  int backtest_months = 0;
  double backtest_hit_rate = 0, backtest_pai = 0, backtest_area_share = 0;
  double backtest_baseline_pai = 0;  // the last 12 months' top squares at the same areas
};

// What every row of one theme's table shares.
struct HotspotTableContext {
  const Theme& theme;
  const std::vector<Ward>& wards;
  std::string period_label;
  double study_area_m2 = 0;
  long total = 0;               // the theme's incidents in the period (hit rate and PAI divide by it)
  bool total_withheld = false;  // the ward table withheld that total: hit rate and PAI go with it
  bool raw = false;             // densities are raw kernel sums, not per km2
  const HotspotForecastRecord* forecast = nullptr;  // coverage hotspots only
  bool classed = false;         // the emerging stage ran: each hotspot has its space-time class
};

Table hotspot_table(const std::vector<Hotspot>& hotspots, const HotspotTableContext& ctx);

}  // namespace hotspot
