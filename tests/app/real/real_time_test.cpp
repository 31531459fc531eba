// Real times: the Chicago aggravated assaults (times to the minute) through
// `hotspot run`, against a direct count done here. The direct count reads the
// CSV with GDAL's CSV driver, places points with OGR (not the engine's index)
// and puts each record in an hour and a window with the textbook rules written
// out below, not the engine's TimeWindow.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cstdio>
#include <map>
#include <sstream>

#include "app/support/police_uk_truth.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

const char* const kMonth = "2019-06";

// Monday = 0, from the civil date (Howard Hinnant's days_from_civil; 1970-01-01 was a Thursday).
int weekday_of(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long days = era * 146097L + doe - 719468L;
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

struct DirectCount {
  std::array<long, 7 * 24> cells{};
  long unknown = 0, nte = 0, after_school = 0, in_month = 0;
};

// The month's records inside a district, by weekday and hour; 00:00 is unknown.
DirectCount direct_count(const fs::path& data) {
  GDALDatasetUniquePtr districts(GDALDataset::Open((data / "police_districts.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(districts);
  std::vector<OGRGeometryUniquePtr> polygons;
  for (auto& f : *districts->GetLayerByName("police_districts_utm16n")) polygons.emplace_back(f->StealGeometry());
  const char* const options[] = {"AUTODETECT_TYPE=NO", nullptr};
  GDALDatasetUniquePtr csv(GDALDataset::Open((data / "incidents.csv").c_str(), GDAL_OF_VECTOR, nullptr, options));
  REQUIRE(csv);
  DirectCount c;
  for (auto& f : *csv->GetLayer(0)) {
    const std::string when = f->GetFieldAsString("datetime");  // YYYY-MM-DD HH:MM
    if (when.compare(0, 7, kMonth) != 0) continue;
    OGRPoint p(std::stod(f->GetFieldAsString("x")), std::stod(f->GetFieldAsString("y")));
    bool inside = false;
    for (const auto& g : polygons) inside = inside || g->Intersects(&p);
    if (!inside) continue;
    ++c.in_month;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    REQUIRE(std::sscanf(when.c_str(), "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) == 5);
    const int minute = h * 60 + mi;
    if (minute == 0) {  // midnight-coded: unknown, in no hour and no window
      ++c.unknown;
      continue;
    }
    const int day = weekday_of(y, mo, d);
    ++c.cells[static_cast<std::size_t>(day * 24 + h)];
    // Night-time economy, Fri and Sat 22:30-03:30: the night it starts on.
    const bool fri_sat = day == 4 || day == 5, after_fri_sat = day == 5 || day == 6;
    if ((fri_sat && minute >= 22 * 60 + 30) || (after_fri_sat && minute < 3 * 60 + 30)) ++c.nte;
    if (day <= 4 && minute >= 15 * 60 && minute < 19 * 60) ++c.after_school;
  }
  return c;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream l(line);
    for (std::string cell; std::getline(l, cell, ',');) cells.push_back(cell);
    rows.push_back(std::move(cells));
  }
  return rows;
}

}  // namespace

TEST_CASE("Chicago: the hour-by-day table and the window counts equal a direct count, midnight is unknown",
          "[real][time]") {
  const fs::path data = test::shared_data_dir() / "city-extracts/chicago-aggravated-assaults";
  test::TempDir dir("chicago-time");
  test::write_text(dir / "run.toml", test::chicago_config(dir.path(), std::string("period = \"") + kMonth + "\"\n") + R"(
[[windows]]
id = "nte"
label = "night-time economy"
days = ["Fri", "Sat"]
start = "22:30"
end = "03:30"
themes = ["assault"]
[[windows]]
id = "after_school"
label = "after school"
days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
start = "15:00"
end = "19:00"
themes = ["assault"]
[kde]
enabled = false
[clusters]
enabled = false
[emerging]
enabled = false
)");
  const int rc = test::run_hotspot("run '" + (dir / "run.toml").string() + "' --quiet", dir / "run.log");
  INFO(test::read_text(dir / "run.log"));
  REQUIRE(rc == 0);
  const DirectCount want = direct_count(data);
  REQUIRE(want.in_month > 1000);  // June 2019: about 1,500 assaults
  REQUIRE(want.unknown > 0);      // some are coded 00:00

  // time_of_day.csv: 7 weekday rows and the unknown row, every cell equal.
  const auto rows = csv_rows(test::read_text(dir / "out/time_of_day.csv"));
  REQUIRE(rows.size() == 1 + 8);
  REQUIRE(rows[0].size() == 2 + 24 + 1);
  long table_total = 0;
  for (int d = 0; d < 7; ++d) {
    const auto& row = rows[static_cast<std::size_t>(1 + d)];
    INFO(row[1]);
    CHECK(row[0] == "assault");
    long day_total = 0;
    for (int h = 0; h < 24; ++h) {
      INFO("hour " << h);
      const long want_cell = want.cells[static_cast<std::size_t>(d * 24 + h)];
      CHECK(std::stod(row[static_cast<std::size_t>(2 + h)]) == Approx(want_cell));
      day_total += want_cell;
    }
    CHECK(std::stod(row[26]) == Approx(day_total));
    table_total += day_total;
  }
  CHECK(rows[8][1] == "time unknown");
  CHECK(std::stod(rows[8][26]) == Approx(want.unknown));
  CHECK(table_total + want.unknown == want.in_month);

  // The window themes' totals (the ALL row of ward_summary.csv); midnight-coded records are in neither.
  const auto summary = csv_rows(test::read_text(dir / "out/ward_summary.csv"));
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < summary[0].size(); ++i) col[summary[0][i]] = i;
  const auto& all = summary.back();
  REQUIRE(all[0] == "ALL");
  CHECK(std::stol(all[col.at("assault_count")]) == want.in_month);
  CHECK(std::stol(all[col.at("assault_nte_count")]) == want.nte);
  CHECK(std::stol(all[col.at("assault_after_school_count")]) == want.after_school);
  CHECK(want.nte > 100);
  CHECK(want.after_school > 100);
  // The report says how many had no time.
  const std::string html = test::read_text(dir / "out/report.html");
  CHECK(html.find(std::to_string(want.unknown) + " of " + std::to_string(want.in_month) + " incidents had no time") !=
        std::string::npos);
}
