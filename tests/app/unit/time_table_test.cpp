// time_of_day.csv from in-memory time profiles (app/tables/time_table.hpp): exact
// cells, the theme's own suppression rule, and what the ledger records.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <map>
#include <sstream>

#include "app/disclosure/time_disclosure.hpp"
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

TEST_CASE("time of day table: each cell shows its decision, a window theme has no rows", "[time_table]") {
  const std::vector<Theme> themes = {theme("asb", 5), theme("asb_night", 5, 0), theme("burglary", 1)};
  std::vector<TimeProfile> profiles(3);
  profiles[0].cells[0 * 24 + 0] = 3;    // Monday 00:00: below 5, primary
  profiles[0].cells[0 * 24 + 1] = 7;    // Monday 01:00: withheld beside it
  profiles[0].cells[1 * 24 + 10] = 12;  // Tuesday 10:00: shown
  profiles[0].unknown = 2;              // below 5 too
  profiles[1].cells[0] = 3;             // a window theme: no rows of its own
  profiles[2].cells[6 * 24 + 23] = 2.5; // Sunday 23:00, a spread record's share
  profiles[2].cells[6 * 24 + 22] = 1;
  profiles[2].unknown = 4;
  TimeDisclosure d;
  d.cells.assign(3, std::vector<Withheld>(kTimeCells, Withheld::No));
  d.cells[0][0] = Withheld::Primary;
  d.cells[0][1] = Withheld::Secondary;
  d.cells[0][kDayTotal + 6] = Withheld::Secondary;
  d.cells[0][kUnknownTime] = Withheld::Primary;

  const Table t = time_of_day_table(themes, profiles, d);
  REQUIRE(t.rows.size() == 16);  // 8 rows each for asb and burglary
  const std::vector<std::string> lines = csv_lines(t);
  CHECK(lines[0].substr(0, 23) == "theme,day,h00,h01,h02,h");
  CHECK(lines[0].substr(lines[0].size() - 14) == ",h22,h23,total");
  CHECK(lines[1] == day_line("asb,Mon", {{0, "<5"}, {1, "[c]"}}, "10"));
  CHECK(lines[2] == day_line("asb,Tue", {{10, "12"}}, "12"));
  CHECK(lines[7] == day_line("asb,Sun", {}, "[c]"));
  CHECK(lines[8] == unknown_line("asb", "<5"));
  CHECK(lines[15] == day_line("burglary,Sun", {{22, "1"}, {23, "2.5"}}, "3.5"));
  CHECK(lines[16] == unknown_line("burglary", "4"));

  // Layers and the report read the withheld cells as null, with why, not as numbers.
  CHECK(t.rows[0][2].kind == Cell::Kind::Null);
  CHECK(t.rows[0][2].withheld == Withheld::Primary);
  CHECK(t.rows[1][12].kind == Cell::Kind::Real);

  DisclosureLedger ledger;
  tally_time_of_day(t, themes, ledger);
  CHECK(ledger.count("burglary") == 0);
  CHECK(ledger.count("asb_night") == 0);
  const DisclosureTally& asb = ledger["asb"]["time_of_day.csv"];
  CHECK(asb.primary == 2);    // Monday 00:00 and the unknown count
  CHECK(asb.secondary == 2);  // Monday 01:00 and Sunday's total
  CHECK(asb.derived == 0);
}

namespace {

// `n` incidents of `themes` on 2025-12-01 (a Monday) + `day` at `minute` (-1: no time).
void add(std::vector<Incident>& out, ThemeMask themes, int day, int minute, int n) {
  for (int i = 0; i < n; ++i) {
    Incident inc;
    inc.month = make_month(2025, 12);
    inc.day = static_cast<std::int16_t>(1 + day);
    inc.minute = static_cast<std::int16_t>(minute);
    inc.ward = 0;
    inc.themes = themes;
    out.push_back(inc);
  }
}

std::vector<const Incident*> pointers(const std::vector<Incident>& v) {
  std::vector<const Incident*> out;
  for (const Incident& i : v) out.push_back(&i);
  return out;
}

}  // namespace

TEST_CASE("time disclosure: an hour alone beside its day total takes the next with it", "[time_table]") {
  std::vector<Incident> incidents;
  add(incidents, 1, 0, 9 * 60 + 10, 3);   // Monday 09:00: 3, under 5
  add(incidents, 1, 0, 10 * 60 + 10, 7);  // Monday 10:00: 7
  add(incidents, 1, 1, 10 * 60 + 10, 12); // Tuesday 10:00: 12
  add(incidents, 1, 0, -1, 2);            // no time: 2
  const TimeDisclosure d = time_disclosure({theme("asb", 5)}, pointers(incidents), {true}, PeriodWardCells{});
  CHECK(d.unprotected.empty());
  const auto& c = d.cells[0];
  CHECK(c[9] == Withheld::Primary);
  CHECK(c[10] == Withheld::Secondary);  // Monday's 10 - 7 would give the 3 back
  CHECK(c[kDayTotal + 0] == Withheld::No);
  CHECK(c[24 + 10] == Withheld::No);
  CHECK(c[kUnknownTime] == Withheld::Primary);
}

TEST_CASE("time disclosure: a theme's hours are protected with the theme that holds them and the ward table",
          "[time_table]") {
  // violence (no minimum) holds every VAWG incident; on Monday at 09:00 all 3 of
  // violence's are VAWG: violence's published 3 would give VAWG's back.
  std::vector<Incident> incidents;
  add(incidents, 3, 0, 9 * 60 + 10, 3);  // violence and VAWG
  add(incidents, 3, 0, 21 * 60, 6);
  add(incidents, 1, 1, 21 * 60, 20);     // violence only
  Theme violence = theme("violence", 0), vawg = theme("vawg", 5);
  // The ward table (one ward) published both themes' period counts.
  PeriodWardCells wards{1, {{Withheld::No, Withheld::No}, {Withheld::No, Withheld::No}}};
  const TimeDisclosure d = time_disclosure({violence, vawg}, pointers(incidents), {true, true}, wards);
  CHECK(d.unprotected.empty());
  CHECK(d.cells[1][9] == Withheld::Primary);
  CHECK(d.cells[0][9] != Withheld::No);  // violence's Monday 09:00 goes with it
}
