#include "app/tables/venue_table.hpp"

#include <fmt/format.h>

#include "app/tables/table_columns.hpp"

namespace hotspot {
namespace {

// The reach columns every venue table shares, with their disclosure rules.
void add_reach_columns(TableColumns<VenueRow>& cols, const VenueTableContext& r, bool with_count) {
  const ReachDisclosure withheld = r.withheld;
  const PlanReach& reach = r.reach;
  cols.add("reach", CellType::Real, 2, [&reach](const VenueRow& v) { return Cell::real(reach.reach[v.k()]); })
      .withheld_with([withheld](const VenueRow& v) { return withheld.reach(v.k()); })
      .only_when([](const VenueRow& v) { return v.eligible(); });
  if (!with_count) return;
  cols.add("reach_incidents", CellType::Integer, [&reach](const VenueRow& v) { return Cell::integer(reach.reach_count[v.k()]); })
      .count_of(r.min_count, [withheld](const VenueRow& v) { return withheld.reach_state(v.k()); })
      .only_when([&r](const VenueRow& v) { return v.eligible() && r.by_incidents; });
}

void add_gain_column(TableColumns<VenueRow>& cols, const VenueTableContext& r) {
  const ReachDisclosure withheld = r.withheld;
  const PlanReach& reach = r.reach;
  cols.add("marginal_gain", CellType::Real, 2, [&reach](const VenueRow& v) { return Cell::real(reach.gain[v.k()]); })
      .withheld_with([withheld](const VenueRow& v) { return withheld.gain(v.k()); })
      .only_when([&reach](const VenueRow& v) { return v.eligible() && reach.chosen_order[v.k()]; });
}

// venues_<plan>.geojson: every candidate venue.
TableColumns<VenueRow> venue_columns(const VenueTableContext& r) {
  const PlanReach& reach = r.reach;
  const auto chosen = [&reach](const VenueRow& v) { return v.eligible() && reach.chosen_order[v.k()] > 0; };
  const auto text = [](auto f) { return [f](const VenueRow& v) { return Cell::text(f(v)); }; };
  TableColumns<VenueRow> cols;
  cols.add("venue_id", CellType::Text, text([](const VenueRow& v) { return v.venue->id; }));
  cols.add("name", CellType::Text, text([](const VenueRow& v) { return v.venue->name; }));
  cols.add("type", CellType::Text, text([](const VenueRow& v) { return v.venue->type; }));
  cols.add("label", CellType::Text, text([&reach, chosen](const VenueRow& v) {
    return chosen(v) ? fmt::format("{}. {}", reach.chosen_order[v.k()], v.venue->name) : v.venue->name;
  }));
  cols.add("ward_code", CellType::Text, text([](const VenueRow& v) { return v.ward->code; }));
  cols.add("ward_name", CellType::Text, text([](const VenueRow& v) { return v.ward->name; }));
  cols.add("reason", CellType::Text, text([](const VenueRow& v) { return v.reason; }));
  cols.add("hotspots_in_catchment", CellType::Text, text([](const VenueRow& v) { return v.hotspots_touched; }));
  cols.add("eligible", CellType::Bool, [](const VenueRow& v) { return Cell::boolean(v.eligible()); });
  cols.add("selected", CellType::Bool, [chosen](const VenueRow& v) { return Cell::boolean(chosen(v)); });
  cols.add("selection_order", CellType::Integer, [&reach](const VenueRow& v) { return Cell::integer(reach.chosen_order[v.k()]); })
      .only_when(chosen);
  // Ranked among the venues whose reach is published: a rank beside a withheld reach would bound it.
  const ReachDisclosure ranks = r.withheld;
  cols.add("rank", CellType::Integer, [ranks](const VenueRow& v) { return Cell::integer(ranks.published_rank(v.k())); })
      .withheld_with([ranks](const VenueRow& v) { return ranks.reach(v.k()); })
      .only_when([](const VenueRow& v) { return v.eligible(); });
  add_reach_columns(cols, r, true);
  const ReachDisclosure withheld = r.withheld;
  cols.add("reach_share", CellType::Real, 4, [&r](const VenueRow& v) { return Cell::real(r.reach.reach[v.k()] / r.total); })
      .withheld_with([withheld](const VenueRow& v) { return withheld.reach(v.k()); })
      .only_when([&r](const VenueRow& v) { return v.eligible() && r.total > 0; });
  cols.add("hotspot_reach_share", CellType::Real, 4, [&r](const VenueRow& v) {
    return Cell::real(r.reach.hot_reach[v.k()] / r.hotspot_total);
  }).withheld_with([withheld](const VenueRow& v) { return withheld.hot(v.k()); })
      .only_when([&r](const VenueRow& v) { return v.eligible() && r.hotspot_total > 0; });
  add_gain_column(cols, r);
  const double radius = r.radius;
  cols.add("catchment_m", CellType::Real, 0, [radius](const VenueRow&) { return Cell::real(radius); });
  const auto& themes = r.themes;
  for (std::size_t t = 0; t < themes.size(); ++t)
    cols.add("nearest_" + themes[t].id + "_hotspot_m", CellType::Real, 0, [&r, t](const VenueRow& v) {
      const auto d = r.nearest_hotspot_m(t, v.venue->x, v.venue->y);
      return d ? Cell::real(*d) : Cell::null();
    });
  return cols;
}

// venues_<plan>.csv: the chosen venues, in order.
TableColumns<VenueRow> programme_columns(const VenueTableContext& r) {
  const PlanReach& reach = r.reach;
  const auto text = [](auto f) { return [f](const VenueRow& v) { return Cell::text(f(v)); }; };
  TableColumns<VenueRow> cols;
  cols.add("order", CellType::Integer, [&reach](const VenueRow& v) { return Cell::integer(reach.chosen_order[v.k()]); });
  cols.add("venue_id", CellType::Text, text([](const VenueRow& v) { return v.venue->id; }));
  cols.add("name", CellType::Text, text([](const VenueRow& v) { return v.venue->name; }));
  cols.add("type", CellType::Text, text([](const VenueRow& v) { return v.venue->type; }));
  cols.add("ward_name", CellType::Text, text([](const VenueRow& v) { return v.ward->name; }));
  add_reach_columns(cols, r, true);
  add_gain_column(cols, r);
  cols.add("reason", CellType::Text, text([](const VenueRow& v) { return v.reason; }));
  return cols;
}

// venue_catchments_<plan>.geojson: the chosen venues' catchment circles.
TableColumns<VenueRow> catchment_columns(const VenueTableContext& r) {
  const PlanReach& reach = r.reach;
  TableColumns<VenueRow> cols;
  cols.add("venue_id", CellType::Text, [](const VenueRow& v) { return Cell::text(v.venue->id); });
  cols.add("name", CellType::Text, [](const VenueRow& v) { return Cell::text(v.venue->name); });
  cols.add("label", CellType::Text, [&reach](const VenueRow& v) {
    return Cell::text(fmt::format("{}. {}", reach.chosen_order[v.k()], v.venue->name));
  });
  cols.add("selection_order", CellType::Integer, [&reach](const VenueRow& v) { return Cell::integer(reach.chosen_order[v.k()]); });
  add_reach_columns(cols, r, false);
  return cols;
}

}  // namespace

Table venue_candidates_table(const std::vector<VenueRow>& rows, const VenueTableContext& ctx) {
  return venue_columns(ctx).build(rows);
}
Table venue_programme_table(const std::vector<VenueRow>& rows, const VenueTableContext& ctx) {
  return programme_columns(ctx).build(rows);
}
Table venue_catchments_table(const std::vector<VenueRow>& rows, const VenueTableContext& ctx) {
  return catchment_columns(ctx).build(rows);
}

}  // namespace hotspot
