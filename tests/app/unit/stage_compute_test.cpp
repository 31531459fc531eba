// Each stage's compute function on a small world built in memory: four 1 km
// wards, a tight cluster of 30 ASB incidents in one of them, a steady repeat
// location, two VAWG incidents (suppressed, min_count 5) and two venues. No
// file is read or written; the answers are known from how the world is built.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "app/stages/stages.hpp"
#include "app/tables/published_cells.hpp"
#include "core/time_window.hpp"
#include "geo/grid_reference.hpp"
#include "io/csv_writer.hpp"
#include "test_support.hpp"

namespace hotspot {
namespace {

constexpr double kX0 = 530000, kY0 = 180000;  // south-west corner, EPSG:27700
constexpr double kCluster[2] = {530500, 180500};  // in ward A (south-west)
constexpr double kRepeat[2] = {530250, 180750};   // in ward A too
const Month kPeriod = make_month(2024, 6);        // 2024-06-01 is a Saturday

std::vector<unsigned char> square_wkb(const GeosContext& geos, double x, double y, double side) {
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(geos.get(), 5, 2);
  const double xs[5] = {x, x + side, x + side, x, x}, ys[5] = {y, y, y + side, y + side, y};
  for (unsigned i = 0; i < 5; ++i) GEOSCoordSeq_setXY_r(geos.get(), seq, i, xs[i], ys[i]);
  GEOSGeometry* ring = GEOSGeom_createLinearRing_r(geos.get(), seq);
  const GeomPtr polygon = own(geos, GEOSGeom_createPolygon_r(geos.get(), ring, nullptr, 0), "ward");
  return geom_to_wkb(geos, polygon.get());
}

Incident incident(double x, double y, Month month, std::uint32_t ward, ThemeMask themes, int day = 0, int minute = -1) {
  Incident inc;
  inc.x = x;
  inc.y = y;
  inc.month = month;
  inc.ward = ward;
  inc.themes = themes;
  inc.day = static_cast<std::int16_t>(day);
  inc.minute = static_cast<std::int16_t>(minute);
  return inc;
}

RunConfig world_config() {
  RunConfig cfg;
  cfg.area_name = "Testham";
  cfg.period = Period{kPeriod, kPeriod, "2024-06"};
  Theme asb = test::theme("asb", "Anti-social behaviour", {});
  Theme vawg = test::theme("vawg", "VAWG", {});
  vawg.min_count = 5;
  vawg.export_points = true;
  cfg.taxonomy.themes = {asb, vawg};
  cfg.kde.classes = HotspotClasses::Sd;  // this period's own surface: no forecast history needed
  cfg.programme.k = 1;
  return cfg;
}

// Wards A (SW), B (SE), C (NW), D (NE), each 1 km square.
struct World {
  RunConfig cfg = world_config();
  std::ostringstream console;
  RunContext in{cfg, true, console};  // the inputs; the report also reads what the run has published
  Diagnostics diag;
  Progress progress{console, true};

  World() {
    const char* names[4] = {"Ash", "Birch", "Cedar", "Damson"};
    for (int w = 0; w < 4; ++w) {
      Ward ward;
      ward.code = fmt::format("W{}", w);
      ward.name = names[w];
      ward.area_m2 = 1e6;
      ward.wkb = square_wkb(in.geos, kX0 + 1000 * (w % 2), kY0 + 1000 * (w / 2), 1000);
      in.wards.wards.push_back(ward);
    }
    in.ward_set = std::make_unique<WardSet>(in.geos, in.wards.wards);
    auto& incidents = in.ingest.incidents;
    for (int i = 0; i < 30; ++i)  // Saturday 22:30, within 4 m of one point
      incidents.push_back(incident(kCluster[0] + i % 3 * 2, kCluster[1] + i / 10 * 2, kPeriod, 0, 1, 1, 22 * 60 + 30));
    for (int m = 1; m <= 12; ++m)  // one a month at the same place, before the period
      incidents.push_back(incident(kRepeat[0], kRepeat[1], kPeriod - m, 0, 1));
    for (double dx : {100.0, 400.0, 800.0}) incidents.push_back(incident(531000 + dx, 181900, kPeriod, 3, 1));
    for (int i = 0; i < 2; ++i) incidents.push_back(incident(531500, 180500, kPeriod, 1, 2, 3, 600));
    in.venues.push_back(Venue{"v1", "Ash Library", "library", "test", kCluster[0] + 50, kCluster[1], 0});
    in.venues.push_back(Venue{"v2", "Damson Hall", "hall", "test", 531900, 181900, 3});
  }
};

std::string cell_of(const Table& t, std::size_t row, const std::string& column) {
  const std::size_t c = t.column_index(column);
  return cell_text(t.rows[row][c], t.columns[c]);
}

}  // namespace

TEST_CASE("compute_wards counts each ward and suppresses small counts in its tables", "[stages]") {
  World w;
  const WardResult r = compute_wards(w.in);
  REQUIRE(r.stats.wards.size() == 2);
  CHECK(r.stats.wards[0][0].count == 30);  // ASB in Ash: the cluster
  CHECK(r.stats.wards[0][3].count == 3);
  CHECK(r.stats.wards[1][1].count == 2);   // VAWG in Birch
  REQUIRE(r.summary.rows.size() == 5);     // four wards and ALL
  CHECK(cell_of(r.summary, 4, "asb_count") == "33");
  CHECK(cell_of(r.summary, 1, "vawg_count") == "<5");
  CHECK(cell_of(r.summary, 4, "vawg_count") == "<5");
  CHECK(area_count_text(&r, w.cfg.taxonomy.themes[1], 2) == "<5");
  CHECK(area_count_text(nullptr, w.cfg.taxonomy.themes[0], 33) == "33");
  CHECK(r.layer_table.rows.size() == 4);
  CHECK(r.spatial.size() == 2);  // Gi* and Local Moran per theme: four wards are enough
}

TEST_CASE("compute_wards gives the report year to date and rolling 12 months as published", "[stages]") {
  World w;
  const WardResult r = compute_wards(w.in);
  REQUIRE(r.targets.size() == 2);
  const ThemeTargets& asb = r.targets[0];
  CHECK(asb.theme == "asb");
  REQUIRE(asb.wards.size() == 4);
  CHECK(asb.area.code == "ALL");
  CHECK(asb.wards[0].code == "W0");
  CHECK(asb.area.ytd.now_text == cell_of(r.summary, 4, "asb_ytd"));
  CHECK(asb.wards[0].rolling.now_text == cell_of(r.summary, 0, "asb_rolling_12"));
  CHECK(asb.wards[0].rolling.status_text == cell_of(r.summary, 0, "asb_rolling_12_status"));
  CHECK(r.cumulative_periods.rolling.last == w.cfg.period.last);
  // VAWG's 2 in Birch is withheld: no value of it reaches the report.
  const ThemeTargets& vawg = r.targets[1];
  CHECK_FALSE(vawg.wards[1].ytd.now.has_value());
  CHECK_FALSE(vawg.wards[1].rolling.now.has_value());
  CHECK(vawg.wards[1].ytd.now_text == cell_of(r.summary, 1, "vawg_ytd"));
}

TEST_CASE("compute_time puts the cluster in its weekday and hour", "[stages]") {
  World w;
  const WardResult wards = compute_wards(w.in);
  const std::optional<TimeResult> r = compute_time(w.in, wards);
  REQUIRE(r);
  CHECK(r->profiles[0].at(5, 22) == 30);  // Saturday, 22:00-22:59
  CHECK(r->profiles[0].unknown == 3);     // the period's 3 in Damson have no time
  // The table: per base theme 7 days and "time unknown"; VAWG's two are withheld.
  REQUIRE(r->table.rows.size() == 16);
  const auto row = [&](const std::string& theme, const std::string& day) {
    for (std::size_t i = 0; i < r->table.rows.size(); ++i)
      if (cell_of(r->table, i, "theme") == theme && cell_of(r->table, i, "day") == day) return i;
    FAIL("no row " << theme << " " << day);
    return std::size_t{0};
  };
  CHECK(cell_of(r->table, row("asb", std::string(weekday_name(5))), "h22") == "30");
  CHECK(cell_of(r->table, row("vawg", std::string(weekday_name(0))), "h10") == "<5");

  RunConfig no_times = world_config();
  no_times.inputs_have_times = false;
  const RunInputs police_uk(no_times);
  CHECK_FALSE(compute_time(police_uk, wards));
}

TEST_CASE("compute_repeats lists the busiest places as 100 m squares and withholds small ones", "[stages]") {
  World w;
  const RepeatResult r = compute_repeats(w.in);
  CHECK(r.lookback.first == kPeriod - 11);
  REQUIRE(r.table.rows.size() == 2);  // ASB: the cluster and the monthly place; VAWG's 2 withheld
  CHECK(cell_of(r.table, 0, "incidents") == "30");
  CHECK(cell_of(r.table, 0, "square_100m") == grid_reference_100m(kCluster[0], kCluster[1], "EPSG:27700"));
  CHECK(cell_of(r.table, 0, "ward_name") == "Ash");
  CHECK(cell_of(r.table, 1, "incidents") == "11");  // the months of the look-back before the period
  CHECK(cell_of(r.table, 1, "months_active") == "11");
  REQUIRE(r.withheld.count("vawg"));
  CHECK(r.withheld.at("vawg").primary == 1);
}

TEST_CASE("compute_repeats names each square by its places' streets, each square once, and ranks the 80-20 streets",
          "[stages][streets]") {
  World w;
  auto& ingest = w.in.ingest;
  const std::uint32_t repeat_street = ingest.streets.intern("Repeat Street"), mill = ingest.streets.intern("Mill Road"),
                      cluster_street = ingest.streets.intern("Cluster Close");
  const std::uint32_t birch_road = ingest.streets.intern("Birch Road");
  for (Incident& inc : ingest.incidents) {
    if (inc.themes & 1)  // the cluster (in Ash) on Cluster Close, the monthly place on Repeat Street, Damson's none
      inc.street = inc.x == kRepeat[0] ? repeat_street : inc.ward == 0 ? cluster_street : kNoStreet;
    if (inc.themes & 2) inc.street = birch_road;  // VAWG's two (min_count 5)
  }
  // A second place 30 m from the repeat location, in the same 100 m square, on another street: 3 in the look-back.
  for (int m = 1; m <= 3; ++m) {
    Incident inc = incident(kRepeat[0] + 30, kRepeat[1] + 10, kPeriod - m, 0, 1);
    inc.street = mill;
    ingest.incidents.push_back(inc);
  }
  ingest.has_streets = true;
  w.in.streets = run_streets(ingest.incidents, ingest.streets, true, w.in.wards.wards, w.cfg.crs);
  const RepeatResult r = compute_repeats(w.in);
  REQUIRE(r.table.rows.size() == 2);  // the cluster's square and the repeat square, each once
  CHECK(cell_of(r.table, 0, "streets") == "Cluster Close");
  CHECK(cell_of(r.table, 0, "incidents") == "30");
  CHECK(cell_of(r.table, 1, "square_100m") == grid_reference_100m(kRepeat[0], kRepeat[1], "EPSG:27700"));
  CHECK(cell_of(r.table, 1, "incidents") == "14");  // 11 of the monthly place in the look-back and Mill Road's 3
  CHECK(cell_of(r.table, 1, "places") == "2");
  CHECK(cell_of(r.table, 1, "streets") == "Repeat Street; Mill Road");  // the busier place's street first
  // hot_streets.csv: ASB's 47 incidents of the look-back (30 + 11 + 3 + Damson's 3 without a street) by
  // street until 80% (37.6) are listed: Cluster Close (30), then Repeat Street (11) reaches it.
  REQUIRE(r.by_street);
  std::vector<std::size_t> asb;
  for (std::size_t i = 0; i < r.hot_streets.rows.size(); ++i)
    if (cell_of(r.hot_streets, i, "theme") == "asb") asb.push_back(i);
  REQUIRE(asb.size() == 2);
  CHECK(cell_of(r.hot_streets, asb[0], "place") == "Cluster Close");
  CHECK(cell_of(r.hot_streets, asb[0], "incidents") == "30");
  CHECK(cell_of(r.hot_streets, asb[0], "share_of_incidents") == "0.6383");  // 30 / 47
  CHECK(cell_of(r.hot_streets, asb[1], "place") == "Repeat Street");
  CHECK(cell_of(r.hot_streets, asb[1], "cumulative_share_of_incidents") == "0.8723");  // 41 / 47
  CHECK(cell_of(r.hot_streets, asb[1], "share_of_places") == "0.5");  // 2 of the 4 named places (Birch Road too)
  CHECK(cell_of(r.hot_streets, asb[1], "ward_name") == "Ash");
  // VAWG's one street holds 2, under its minimum of 5: left out, not printed as "<5", and counted.
  for (std::size_t i = 0; i < r.hot_streets.rows.size(); ++i) CHECK(cell_of(r.hot_streets, i, "theme") != "vawg");
  REQUIRE(r.hot_streets_withheld.count("vawg"));
  CHECK(r.hot_streets_withheld.at("vawg").primary == 1);
  CHECK_FALSE(r.hot_streets_withheld.count("asb"));
}

TEST_CASE("compute_kde finds the cluster as the top hotspot and keeps the surface's mass", "[stages]") {
  World w;
  const WardResult wards = compute_wards(w.in);
  const KdeResult r = compute_kde(w.in, &wards, nullptr, w.progress, w.diag);
  REQUIRE(r.themes.size() == 2);
  const KdeTheme& asb = r.themes[0];
  // Density per km2 over 25 m cells: the surface holds the 33 period incidents.
  double mass = 0;
  for (std::size_t i = 0; i < asb.surface.values.size(); ++i) mass += asb.surface.values[i];
  CHECK(mass * asb.surface.spec.cell * asb.surface.spec.cell / 1e6 == Approx(33).epsilon(0.01));
  REQUIRE_FALSE(asb.hotspots.empty());
  CHECK(asb.hotspots[0].label == "Hotspot 1 \u2014 Ash");
  const Table& table = asb.hotspot_layer.table;
  REQUIRE(table.rows.size() == asb.hotspot_layer.wkb.size());
  CHECK(cell_of(table, 0, "incidents") == "30");
  CHECK(cell_of(table, 0, "ward_names") == "Ash");
  // VAWG's two incidents cannot make a publishable hotspot.
  CHECK(r.themes[1].hotspots.empty());
  // Under 5 protected incidents in all: no region can be formed, none is drawn, and the surface is empty.
  const PublishedSurface& vawg = r.themes[1].published_surface;
  CHECK(vawg.regions == 0);
  CHECK(vawg.undrawn == 2);
  CHECK(vawg.masked == 0);
  double vawg_mass = 0;
  for (double v : r.themes[1].surface.values) vawg_mass += v;
  CHECK(vawg_mass == 0);
}

TEST_CASE("compute_clusters finds the one DBSCAN cluster", "[stages]") {
  World w;
  const ClusterResult r = compute_clusters(w.in, w.progress);
  REQUIRE(r.themes.size() == 2);
  CHECK(r.themes[0].dbscan == 1);
  CHECK(r.themes[1].dbscan == 0);
  // Three outlines (convex, concave, ellipse) of the cluster, each holding its 30 incidents.
  std::size_t dbscan_rows = 0;
  for (std::size_t i = 0; i < r.themes[0].clusters.table.rows.size(); ++i)
    if (cell_of(r.themes[0].clusters.table, i, "method") == "dbscan") {
      ++dbscan_rows;
      CHECK(cell_of(r.themes[0].clusters.table, i, "count") == "30");
    }
  CHECK(dbscan_rows == 3);
}

TEST_CASE("compute_emerging runs first, and compute_kde classes every hotspot by its cells", "[stages]") {
  World w;
  const std::optional<EmergingResult> r = compute_emerging(w.in, w.progress, w.diag);
  REQUIRE(r);
  CHECK(r->window.last == kPeriod);
  CHECK(r->window.first == kPeriod - 12);  // the first month with data, not 24 months back
  REQUIRE(r->cells.size() == 2);
  const KdeResult kde = compute_kde(w.in, nullptr, &*r, w.progress, w.diag);
  REQUIRE(kde.history);
  CHECK(kde.history->rows.size() == kde.themes[0].hotspots.size() + kde.themes[1].hotspots.size());
  REQUIRE_FALSE(kde.themes[0].hotspots.empty());
  // The cluster appears in the period only: new this month.
  const HotspotShape& top = kde.themes[0].hotspots[0];
  REQUIRE(top.space_time);
  CHECK(top.space_time->cls == EmergingClass::NewHot);
  CHECK(space_time_words(*top.space_time) == "new this month");
  CHECK(cell_of(kde.themes[0].hotspot_layer.table, 0, "space_time") == "new this month");
}

TEST_CASE("compute_venues chooses the venue beside the cluster", "[stages]") {
  World w;
  const KdeResult kde = compute_kde(w.in, nullptr, nullptr, w.progress, w.diag);
  const VenueResult r = compute_venues(w.in, &kde, w.diag);
  REQUIRE_FALSE(r.plans.empty());
  const VenuePlan& asb = r.plans[0];
  CHECK(asb.id == "asb");
  REQUIRE(asb.chosen.size() == 1);
  CHECK(asb.chosen[0] == std::pair<std::size_t, int>{0, 1});  // Ash Library, first
  CHECK(asb.candidates.table.rows.size() == 2);  // every candidate, chosen or not
  CHECK(asb.catchments.table.rows.size() == 1);
  CHECK(cell_of(asb.table, 0, "name") == "Ash Library");
}

TEST_CASE("compute_points exports only the themes that ask", "[stages]") {
  World w;
  const PointsResult r = compute_points(w.in);
  REQUIRE(r.layers.size() == 1);
  CHECK(r.layers[0].name == "points_vawg");
  CHECK(r.layers[0].table.rows.size() == 2);
  CHECK(r.layers[0].wkb.size() == 2);
}

TEST_CASE("compute_forward_plan puts the rising theme at the venue that reaches it", "[stages]") {
  World w;
  w.cfg.forward_plan.dates = {"2024-07-13"};
  const WardResult wards = compute_wards(w.in);
  const std::optional<ForwardPlanResult> r = compute_forward_plan(w.in, &wards, nullptr, w.diag);
  REQUIRE(r);
  CHECK(r->dates == 1);
  REQUIRE(r->events == 1);
  CHECK(cell_of(r->table, 0, "date") == "2024-07-13");
  CHECK(cell_of(r->table, 0, "theme") == "asb");  // VAWG's two cannot reach forward_plan.min_reach (5)
  CHECK(cell_of(r->table, 0, "venue_id") == "v1");
  CHECK(cell_of(r->table, 0, "ward_name") == "Ash");
  CHECK(cell_of(r->table, 0, "reason").find("rising significantly") != std::string::npos);  // 33 on a usual 1
  CHECK(r->calendar.find("20240713T100000") != std::string::npos);

  RunConfig no_venues = world_config();
  const RunInputs empty(no_venues);
  CHECK_FALSE(compute_forward_plan(empty, &wards, nullptr, w.diag));
}

TEST_CASE("compute_report reads the published ward table and the KDE hotspots", "[stages]") {
  World w;
  const WardResult wards = compute_wards(w.in);
  const KdeResult kde = compute_kde(w.in, &wards, nullptr, w.progress, w.diag);
  const ReportResult r = compute_report(w.in, ReportSources{wards, nullptr, nullptr, &kde, nullptr, nullptr});
  CHECK(r.html.find("<title>Testham: community safety tasking pack, 2024-06</title>") != std::string::npos);
  CHECK(r.html.find("<section class=\"page theme\" id=\"theme-asb\">") != std::string::npos);
  CHECK(r.html.find("Hotspot 1 \u2014 Ash") != std::string::npos);
  // The summary's ASB row: the ALL count as ward_summary.csv has it.
  const std::size_t row = r.html.find("<tr data-theme=\"asb\">");
  REQUIRE(row != std::string::npos);
  CHECK(r.html.find("<td class=\"n\">33</td>", row) < r.html.find("</tr>", row));
  // VAWG's area total is withheld, and the report does not give it back.
  const std::size_t vawg = r.html.find("<tr data-theme=\"vawg\">");
  REQUIRE(vawg != std::string::npos);
  CHECK(r.html.find("<td class=\"n\">&lt;5</td>", vawg) < r.html.find("</tr>", vawg));
}

TEST_CASE("compute_report: a red theme on page 1 with its reason, ranked first, and the roadshow plan page", "[stages]") {
  World w;
  w.cfg.forward_plan.dates = {"2024-07-13"};
  const WardResult wards = compute_wards(w.in);
  const std::size_t all = wards.summary.rows.size() - 1;
  REQUIRE(published_text(wards.summary, all, "asb_rag") == "red");  // 33 on a usual 1
  const std::optional<ForwardPlanResult> plan = compute_forward_plan(w.in, &wards, nullptr, w.diag);
  REQUIRE(plan);
  const ReportResult r =
      compute_report(w.in, ReportSources{wards, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &*plan});
  const std::size_t cover = r.html.find("<section class=\"page cover\">");
  const std::size_t cover_end = r.html.find("</section>", cover);
  REQUIRE(cover != std::string::npos);
  // The exception list names the red theme with its reason in words.
  const std::size_t red = r.html.find("<li data-theme=\"asb\" data-rag=\"red\">", cover);
  REQUIRE(red < cover_end);
  const std::string item = r.html.substr(red, r.html.find("</li>", red) - red);
  CHECK(item.find("<b>Anti-social behaviour:</b> 33 incidents") != std::string::npos);
  CHECK(item.find("a significant rise on the usual level") != std::string::npos);
  // The first key change is a significant change the bad way: ASB's rise.
  const std::size_t first = r.html.find("<ol><li ", cover);
  REQUIRE(first < cover_end);
  CHECK(r.html.substr(first, 39) == "<ol><li data-theme=\"asb\" data-tier=\"0\">");
  // The roadshow plan page lists the plan's one event.
  const std::size_t page = r.html.find("<section class=\"page roadshow-plan\">");
  REQUIRE(page != std::string::npos);
  CHECK(r.html.find("<tr data-event=\"1\"><td>2024-07-13</td>", page) != std::string::npos);
  CHECK(r.html.find("{pages}") == std::string::npos);
}

}  // namespace hotspot
