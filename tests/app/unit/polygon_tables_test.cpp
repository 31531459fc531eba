// The polygon layers' tables from in-memory regions (app/tables/polygon_table.hpp,
// gistar_table.hpp, emerging_table.hpp): the shared columns first, each
// layer's own after them, as the cluster, Gi* and emerging layers publish.
#include <catch2/catch.hpp>

#include <sstream>

#include "app/tables/emerging_table.hpp"
#include "app/tables/gistar_table.hpp"
#include "app/tables/polygon_table.hpp"
#include "io/csv_writer.hpp"

using namespace hotspot;

namespace {

// A ward with only its code and name, as the tables need.
Ward named_ward(std::string code, std::string name) {
  Ward w;
  w.code = std::move(code);
  w.name = std::move(name);
  return w;
}

constexpr const char* kShared =
    "id,label,theme,theme_label,period,method,shape,rank,count,area_m2,density_per_km2,ward_codes,ward_names";

struct Fixture {
  RunConfig cfg;
  std::ostringstream out;
  std::unique_ptr<RunContext> run;
  Theme asb;

  Fixture() {
    cfg.period = Period{make_month(2025, 11), make_month(2025, 11), "2025-11"};
    cfg.area_name = "Havering";
    run = std::make_unique<RunContext>(cfg, true, out);
    run->wards.wards = {named_ward("E05000001", "Romford Town"), named_ward("E05000002", "Harold Hill")};
    asb.id = "asb";
    asb.label = "Anti-social behaviour";
  }
};

}  // namespace

TEST_CASE("polygon table: the shared columns, density per km2 and the wards covered", "[polygon_tables]") {
  Fixture f;
  const PolygonRow hull{.id = "asb-dbscan-1", .label = "DBSCAN cluster 1", .method = "dbscan", .shape = "convex_hull",
                        .rank = 1, .count = 12, .area_m2 = 250000, .wards = {{0, 1}, 1}};
  PolygonRow ellipse = hull;
  ellipse.shape = "ellipse";
  ellipse.area_m2 = 0;
  ellipse.wards = {{}, 0};
  const std::vector<PolygonRow> rows = {hull, ellipse};
  CHECK(to_csv(polygon_table(*f.run, f.asb, rows)) ==
        std::string(kShared) +
            "\r\nasb-dbscan-1,DBSCAN cluster 1,asb,Anti-social behaviour,2025-11,dbscan,convex_hull,1,12,250000,48,"
            "E05000001;E05000002,Romford Town; Harold Hill\r\n"
            "asb-dbscan-1,DBSCAN cluster 1,asb,Anti-social behaviour,2025-11,dbscan,ellipse,1,12,0,,,\r\n");
  CHECK(ward_name_of(*f.run, {{0, 1}, 1}) == "Harold Hill");
  CHECK(ward_name_of(*f.run, {}) == "Havering");

  // A proxy theme carries its note on every row, before any layer's own columns.
  f.asb.proxy = true;
  f.asb.proxy_note = "flagged records";
  const Table t = gistar_table(*f.run, f.asb,
                               {{.polygon = {.id = "asb-gi+3-1", .label = "Hot spot 1", .method = "gistar", .shape = "cells",
                                             .rank = 1, .count = 30, .area_m2 = 1e6, .wards = {{0}, 0}},
                                 .bin = 3, .confidence = "99%", .max_abs_z = 4.5678}});
  CHECK(to_csv(t) == std::string(kShared) +
                         ",proxy_note,gi_bin,confidence,max_abs_z\r\n"
                         "asb-gi+3-1,Hot spot 1,asb,Anti-social behaviour,2025-11,gistar,cells,1,30,1000000,30,"
                         "E05000001,Romford Town,flagged records,3,99%,4.57\r\n");
}

TEST_CASE("emerging table: the space-time class, summary class, months hot and window", "[polygon_tables]") {
  Fixture f;
  const Table t = emerging_table(*f.run, f.asb,
                                 {{.polygon = {.id = "asb-st4-1", .label = "Persistent hot spot 1", .method = "emerging",
                                               .shape = "cells", .rank = 1, .count = 40, .area_m2 = 2e6, .wards = {{1}, 1}},
                                   .space_time_class = EmergingClass::PersistentHot,
                                   .summary_class = SummaryClass::Persistent, .months_hot = 11}},
                                 "2024-12..2025-11");
  REQUIRE(t.rows.size() == 1);
  CHECK(to_csv(t) == std::string(kShared) +
                         ",space_time_class,summary_class,months_hot,window\r\n"
                         "asb-st4-1,Persistent hot spot 1,asb,Anti-social behaviour,2025-11,emerging,cells,1,40,2000000,"
                         "20,E05000002,Harold Hill,persistent hot spot," +
                         std::string(summary_class_name(SummaryClass::Persistent)) + ",11,2024-12..2025-11\r\n");
}
