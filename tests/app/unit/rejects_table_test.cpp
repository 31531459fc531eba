// rejects.csv and rejects_summary.csv from in-memory rejects (app/tables/rejects_table.hpp).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "app/tables/rejects_table.hpp"
#include "io/csv_writer.hpp"

using namespace hotspot;

TEST_CASE("rejects table: each rejected row with its file, line, reason and the row as read", "[rejects_table]") {
  const std::vector<std::string> files = {"crimes.csv", "venues.csv"};
  const std::vector<Reject> rejects = {
      {0, 12, RejectReason::NoCoordinates, "Longitude", "empty", "a,b,,"},
      {1, 3, RejectReason::OutsideWards, "", "Library (v1) at 1, 2", "v1,Library"}};
  CHECK(to_csv(rejects_table(rejects, files)) ==
        "file,line,reason,field,detail,raw\r\n"
        "crimes.csv,12,no_coordinates,Longitude,empty,\"a,b,,\"\r\n"
        "venues.csv,3,outside_every_ward,,\"Library (v1) at 1, 2\",\"v1,Library\"\r\n");
}

TEST_CASE("rejects summary table: a row per file and reason with rows lost, none for a reason with none",
          "[rejects_table]") {
  FileRejects crimes{"crimes.csv", {}}, venues{"venues.csv", {}}, clean{"clean.csv", {}};
  crimes.counts[static_cast<std::size_t>(RejectReason::NoCoordinates)] = 40;
  crimes.counts[static_cast<std::size_t>(RejectReason::Unparseable)] = 2;
  venues.counts[static_cast<std::size_t>(RejectReason::DuplicateId)] = 1;
  const Table t = rejects_summary_table({crimes, clean, venues});
  REQUIRE(t.rows.size() == 3);
  const auto line = [](const std::string& file, RejectReason r, int n) {
    return fmt::format("{},{},{},{}\r\n", file, reason_code(r), n, csv_escape(std::string(reason_help(r))));
  };
  CHECK(to_csv(t) == fmt::format("file,reason,count,help\r\n{}{}{}", line("crimes.csv", RejectReason::Unparseable, 2),
                                  line("crimes.csv", RejectReason::NoCoordinates, 40),
                                  line("venues.csv", RejectReason::DuplicateId, 1)));
  CHECK(t.rows[1][2].i == 40);
}
