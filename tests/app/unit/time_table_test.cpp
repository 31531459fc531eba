// time_of_day.csv from in-memory time profiles (app/tables/time_table.hpp): exact
// cells, the theme's own suppression rule, and what the ledger records.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <map>
#include <sstream>

#include "app/tables/time_table.hpp"
#include "io/csv_writer.hpp"

using namespace hotspot;

namespace {

Theme theme(const std::string& id, int min_count, int window = -1) {
  Theme t;
  t.id = id;
  t.label = id;
  t.min_count = min_count;
  t.window = window;
  return t;
}

std::vector<std::string> csv_lines(const Table& t) {
  std::vector<std::string> lines;
  std::istringstream in(to_csv(t));
  for (std::string line; std::getline(in, line);) lines.push_back(line.substr(0, line.size() - 1));  // \r
  return lines;
}

// "<theme>,<day>," then 24 hours (all zero but those given) and the total.
std::string day_line(const std::string& prefix, std::map<int, std::string> hours, const std::string& total) {
  std::string line = prefix;
  for (int h = 0; h < 24; ++h) {
    line += ',';
    line += hours.count(h) ? hours[h] : std::string("0");
  }
  line += ',';
  line += total;
  return line;
}

// The unknown-time row: no hours, only the total.
std::string unknown_line(const std::string& theme, const std::string& total) {
  return fmt::format("{},time unknown{}{}", theme, std::string(25, ','), total);
}

}  // namespace

TEST_CASE("time of day table: an hour below the minimum, the next smallest and the totals are withheld",
          "[time_table]") {
  const std::vector<Theme> themes = {theme("asb", 5), theme("asb_night", 5, 0), theme("burglary", 1)};
  std::vector<TimeProfile> profiles(3);
  profiles[0].cells[0 * 24 + 0] = 3;    // Monday 00:00: below 5, primary
  profiles[0].cells[0 * 24 + 1] = 7;    // Monday 01:00: the next smallest, secondary
  profiles[0].cells[1 * 24 + 10] = 12;  // Tuesday 10:00: shown
  profiles[0].unknown = 2;              // below 5 too
  profiles[1].cells[0] = 3;             // a window theme: no rows of its own
  profiles[2].cells[6 * 24 + 23] = 2.5; // Sunday 23:00, a spread record's share
  profiles[2].cells[6 * 24 + 22] = 1;
  profiles[2].unknown = 4;

  const Table t = time_of_day_table(themes, profiles);
  REQUIRE(t.rows.size() == 16);  // 8 rows each for asb and burglary
  const std::vector<std::string> lines = csv_lines(t);
  CHECK(lines[0].substr(0, 23) == "theme,day,h00,h01,h02,h");
  CHECK(lines[0].substr(lines[0].size() - 14) == ",h22,h23,total");
  CHECK(lines[1] == day_line("asb,Mon", {{0, "<5"}, {1, "[c]"}}, "[c]"));
  CHECK(lines[2] == day_line("asb,Tue", {{10, "12"}}, "[c]"));
  CHECK(lines[7] == day_line("asb,Sun", {}, "[c]"));
  CHECK(lines[8] == unknown_line("asb", "<5"));
  CHECK(lines[15] == day_line("burglary,Sun", {{22, "1"}, {23, "2.5"}}, "3.5"));
  CHECK(lines[16] == unknown_line("burglary", "4"));

  // Layers and the report read the withheld cells as null, not as numbers.
  CHECK(t.rows[0][2].kind == Cell::Kind::Null);
  CHECK(t.rows[1][12].kind == Cell::Kind::Real);

  DisclosureLedger ledger;
  tally_time_of_day(t, themes, ledger);
  CHECK(ledger.count("burglary") == 0);
  CHECK(ledger.count("asb_night") == 0);
  const DisclosureTally& asb = ledger["asb"]["time_of_day.csv"];
  CHECK(asb.primary == 2);    // Monday 00:00 and the unknown count
  CHECK(asb.secondary == 8);  // Monday 01:00 and the seven day totals
  CHECK(asb.derived == 0);
}

TEST_CASE("time of day table: with no small hour only a small unknown count is withheld", "[time_table]") {
  const std::vector<Theme> themes = {theme("asb", 5)};
  std::vector<TimeProfile> profiles(1);
  profiles[0].cells[2 * 24 + 5] = 6;
  profiles[0].unknown = 1;
  const std::vector<std::string> lines = csv_lines(time_of_day_table(themes, profiles));
  CHECK(lines[3] == day_line("asb,Wed", {{5, "6"}}, "6"));
  CHECK(lines[8] == unknown_line("asb", "<5"));
}
