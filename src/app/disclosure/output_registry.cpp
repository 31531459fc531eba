#include "app/disclosure/output_registry.hpp"

namespace hotspot {

const std::vector<RegisteredOutput>& registered_outputs() {
  using C = OutputCounts;
  static const std::vector<RegisteredOutput> list = {
      {"wards.geojson", C::Protected,
       "app/disclosure/ward_disclosure (ward blocks, month tiles; baseline, year to date and rolling 12 months as "
       "sums of published tiles)",
       "ward_table"},
      {"ward_summary.csv", C::Protected,
       "app/disclosure/ward_disclosure (ward blocks, month tiles; baseline, year to date and rolling 12 months as "
       "sums of published tiles)",
       "ward_table"},
      {"time_of_day.csv", C::Protected, "app/disclosure/time_disclosure (hours linked to the ward block)", "time_table"},
      {"repeat_locations.csv", C::Protected, "primary rule per 100 m square (stages/repeat_stage)", "repeat_locations"},
      {"hot_streets.csv", C::Protected,
       "primary rule per street or place, left out below it; shares only of published counts (stages/repeat_stage)",
       "hot_streets"},
      {"kde_*.tif", C::Protected, "app/disclosure/surface_disclosure (protected incidents drawn from regions of m)",
       "rasters"},
      {"risk_*.tif", C::Protected, "stages/risk_stage: kde_<theme>.tif as published over public population, no more",
       "rasters"},
      {"hotspots_*.geojson", C::Protected, "app/disclosure/polygon_disclosure; hotspot table (tables/hotspot_table)",
       "polygons"},
      {"clusters_*.geojson", C::Protected, "app/disclosure/polygon_disclosure", "polygons"},
      {"gistar_*.geojson", C::Protected, "app/disclosure/polygon_disclosure", "polygons"},
      {"emerging_*.geojson", C::Protected, "app/disclosure/polygon_disclosure", "polygons"},
      {"tasking.gpkg", C::Protected, "the pack's vector layers in one GeoPackage: the same tables as the .geojson files",
       "same_as_geojson"},
      {"hotspot_history.csv", C::None, "space-time classes of published hotspots, no counts", ""},
      {"venues_*.geojson", C::Protected, "app/disclosure/reach_disclosure (plans linked at each venue)", "venues"},
      {"venues_*.csv", C::Protected, "app/disclosure/reach_disclosure (plans linked at each venue)", "venues"},
      {"venue_catchments_*.geojson", C::Protected, "app/disclosure/reach_disclosure", "venues"},
      {"forward_plan.csv", C::Protected, "app/disclosure/theme_protection (no count of a protected theme)",
       "forward_plan"},
      {"forward_plan.ics", C::Protected, "the reasons of forward_plan.csv", "forward_plan"},
      {"report.html", C::Protected, "quotes the tables' published cells; trend charts: ward_disclosure month tiles",
       "report"},
      {"manifest.json", C::Protected, "area totals: the ward table's ALL row as published; ledger in counts only",
       "manifest"},
      {"rejects_summary.csv", C::None, "rows rejected per input file and reason: no theme, no place", ""},
      {"tasking.qgs", C::None, "layers, map themes and layouts: no counts", ""},
      {"*.qml", C::None, "styles; ward choropleth breaks from published cells only", ""},
      {"timings.json", C::None, "seconds per stage", ""},
      {"evaluation.csv", C::AnalystOnly, "hotspot evaluate: hits and monthly totals per theme, unprotected", ""},
      {"evaluation_summary.csv", C::AnalystOnly, "hotspot evaluate: mean hit rates per method", ""},
      {"evaluation.html", C::AnalystOnly, "hotspot evaluate: the two tables in words", ""},
  };
  return list;
}

namespace {

// `pattern` with one * (any non-empty text) against `name`.
bool matches(std::string_view pattern, std::string_view name) {
  const std::size_t star = pattern.find('*');
  if (star == std::string_view::npos) return pattern == name;
  const std::string_view head = pattern.substr(0, star), tail = pattern.substr(star + 1);
  return name.size() > head.size() + tail.size() && name.substr(0, head.size()) == head &&
         name.substr(name.size() - tail.size()) == tail;
}

}  // namespace

const RegisteredOutput* registered_output(std::string_view file_name) {
  for (const RegisteredOutput& o : registered_outputs())
    if (matches(o.pattern, file_name)) return &o;
  return nullptr;
}

}  // namespace hotspot
