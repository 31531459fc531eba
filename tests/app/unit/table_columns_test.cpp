// Tables declared by column descriptors (app/tables/table_columns.hpp): the CSV and
// the GeoJSON properties come from one declaration, with disclosure control.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include "app/tables/table_columns.hpp"
#include "io/csv_writer.hpp"
#include "io/vector_writer.hpp"
#include "test_support.hpp"

using namespace hotspot;

namespace {

struct Place {
  std::string name;
  long incidents;
  double share;
  bool has_share;
};

// A count of a theme with min_count 5, and a share derived from it.
TableColumns<Place> place_columns() {
  TableColumns<Place> cols;
  cols.add("name", CellType::Text, [](const Place& p) { return Cell::text(p.name); });
  cols.add("incidents", CellType::Integer, [](const Place& p) { return Cell::integer(p.incidents); }).count_of(5);
  cols.add("share", CellType::Real, 1, [](const Place& p) { return Cell::real(p.share); })
      .derived_from({"incidents"}).only_when([](const Place& p) { return p.has_share; });
  return cols;
}

std::vector<unsigned char> point_wkb(double x, double y) {
  OGRPoint p(x, y);
  std::vector<unsigned char> wkb(static_cast<std::size_t>(p.WkbSize()));
  p.exportToWkb(wkbNDR, wkb.data());
  return wkb;
}

}  // namespace

TEST_CASE("table columns: the CSV and the GeoJSON properties come from the same descriptors", "[table_columns]") {
  const TableColumns<Place> cols = place_columns();
  const Table t = cols.build({{"Alpha", 12, 50.0, true}, {"Beta", 3, 25.0, true}, {"Gamma", 0, 0.0, true},
                              {"Delta", 2, 0.0, false}});
  CHECK(cols.count_columns() == std::vector<std::string>{"incidents"});
  // The withheld count shows "<5", its derived share "[c]"; not applicable stays empty.
  CHECK(to_csv(t) == "name,incidents,share\r\nAlpha,12,50\r\nBeta,<5,[c]\r\nGamma,0,0\r\nDelta,<5,\r\n");

  test::TempDir dir("table-columns");
  std::vector<std::vector<unsigned char>> points;
  for (int i = 0; i < 4; ++i) points.push_back(point_wkb(i, 51));
  const VectorLayer layer{"places", "test", &t, points, wkbPoint};
  write_geojson(dir / "places.geojson", layer);
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "places.geojson").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayer(0);
  REQUIRE(l->GetLayerDefn()->GetFieldCount() == 3);
  for (int i = 0; i < 3; ++i) CHECK(t.columns[static_cast<std::size_t>(i)].name == l->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
  std::vector<std::string> seen;
  for (auto& f : *l) {
    seen.push_back(f->GetFieldAsString("name"));
    if (seen.back() == "Alpha") {
      CHECK(f->GetFieldAsInteger64("incidents") == 12);
      CHECK(f->GetFieldAsDouble("share") == 50.0);
    } else if (seen.back() == "Beta") {  // withheld: null in the layer, never the value
      CHECK(f->IsFieldNull(f->GetFieldIndex("incidents")));
      CHECK(f->IsFieldNull(f->GetFieldIndex("share")));
    } else if (seen.back() == "Gamma") {  // a true zero is shown
      CHECK(f->GetFieldAsInteger64("incidents") == 0);
    }
  }
  CHECK(seen == std::vector<std::string>{"Alpha", "Beta", "Gamma", "Delta"});
}

TEST_CASE("table columns: a count takes its table's decision, and a derived column follows any input", "[table_columns]") {
  struct Row {
    long n;
    Withheld decided;
    bool total_withheld;
  };
  TableColumns<Row> cols;
  cols.add("n", CellType::Integer, [](const Row& r) { return Cell::integer(r.n); })
      .count_of(5, [](const Row& r) { return r.decided; });
  cols.add("rate", CellType::Real, 2, [](const Row& r) { return Cell::real(static_cast<double>(r.n) / 2); })
      .derived_from({"n"});
  cols.add("hit_rate", CellType::Real, 2, [](const Row&) { return Cell::real(0.5); })
      .withheld_with([](const Row& r) { return r.total_withheld; });
  const Table t = cols.build({{8, Withheld::Secondary, false}, {3, Withheld::Primary, true}, {9, Withheld::No, false}});
  CHECK(to_csv(t) == "n,rate,hit_rate\r\n[c],[c],0.5\r\n<5,[c],[c]\r\n9,4.5,0.5\r\n");
}

TEST_CASE("table columns: a derived column must name a count column of its table", "[table_columns]") {
  TableColumns<int> cols;
  cols.add("n", CellType::Integer, [](const int& v) { return Cell::integer(v); });
  cols.add("half", CellType::Real, [](const int& v) { return Cell::real(v / 2.0); }).derived_from({"n"});
  CHECK_THROWS(cols.build({1, 2}));
}
