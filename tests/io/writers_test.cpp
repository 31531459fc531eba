// Writers: CSV for spreadsheets, JSON, atomic files.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/icalendar_writer.hpp"
#include "io/json_writer.hpp"
#include "test_support.hpp"

using namespace hotspot;

TEST_CASE("CSV: quoting, CRLF, Excel formula neutralisation, suppressed cells", "[writers]") {
  Table t;
  t.add_column("name", CellType::Text);
  t.add_column("change", CellType::Real, 1);
  t.add_column("count", CellType::Integer);
  t.add_column("flag", CellType::Bool);
  t.rows.push_back({Cell::text("=HYPERLINK(\"x\")"), Cell::real(-12.345), Cell::integer(-3), Cell::boolean(true)});
  t.rows.push_back({Cell::text("a, \"b\""), Cell::real(0.04), Cell::hidden(Withheld::Primary, 5), Cell::null()});
  t.rows.push_back({Cell::text("@SUM(A1)"), Cell::real(-0.04), Cell::integer(7), Cell::boolean(false)});
  CHECK(to_csv(t) ==
        "name,change,count,flag\r\n"
        "\"'=HYPERLINK(\"\"x\"\")\",-12.3,-3,true\r\n"
        "\"a, \"\"b\"\"\",0,<5,\r\n"
        "'@SUM(A1),0,7,false\r\n");
  CHECK(format_real(12.5, 2) == "12.5");
  CHECK(format_real(-3.0, 1) == "-3");
  CHECK(format_real(0.125, 2) == "0.13");  // half away from zero
  CHECK(format_real(-0.125, 2) == "-0.13");
  CHECK(neutralise_formula("+44 20") == "'+44 20");
  CHECK(neutralise_formula("Romford") == "Romford");
}

TEST_CASE("JSON writer: fixed layout and escaping", "[writers]") {
  JsonWriter j;
  j.begin_object().value("a", 1).value("b", "q\"\n\x01").begin_array("c").value("", 0.1).value("", true).end_array();
  j.begin_object("d").end_object().null("e").end_object();
  CHECK(j.str() == "{\n  \"a\": 1,\n  \"b\": \"q\\\"\\n\\u0001\",\n  \"c\": [\n    0.1,\n    true\n  ],\n"
                   "  \"d\": {},\n  \"e\": null\n}\n");
}

TEST_CASE("JSON writer: 10 significant digits, whole numbers without a point, no float noise", "[writers]") {
  JsonWriter j;
  j.begin_array().value("", 0.1 + 0.2).value("", 5.0).value("", 2.0 / 3.0).value("", 1.5e-5).value("", -1e300 * 1e10);
  j.value("", 112.34567891234).value("", std::uint64_t{18446744073709551615u}).end_array();
  CHECK(j.str() == "[\n  0.3,\n  5,\n  0.6666666667,\n  1.5e-05,\n  null,\n  112.3456789,\n  18446744073709551615\n]\n");
  JsonWriter twice;
  twice.begin_object().value("a", 1);
  CHECK_THROWS_AS(twice.value("a", 2), Error);
}

TEST_CASE("atomic files replace whole and leave no temporary", "[writers]") {
  test::TempDir dir("atomic");
  const auto path = dir / "out.txt";
  write_file_atomically(path, "first");
  write_file_atomically(path, "second, longer");
  CHECK(test::read_text(path) == "second, longer");
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);
  {
    AtomicOutput abandoned(dir / "never.txt");
    test::write_text(abandoned.temp_path(), "partial");
  }  // not committed: the temporary goes, the final name never appears
  CHECK_FALSE(std::filesystem::exists(dir / "never.txt"));
}

TEST_CASE("iCalendar: TEXT escaping and folding at 75 octets without splitting UTF-8", "[writers][ical]") {
  CHECK(ical_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
  // 80 ASCII octets fold once: 75, then a space and the last 5.
  const std::string line(80, 'x');
  CHECK(ical_fold(line) == std::string(75, 'x') + "\r\n " + std::string(5, 'x') + "\r\n");
  // A 2-byte character that would straddle octet 75 moves whole to the next line.
  const std::string text = std::string(74, 'a') + "\xC3\xA9" + "b";
  const std::string folded = ical_fold(text);
  CHECK(folded == std::string(74, 'a') + "\r\n \xC3\xA9" + "b\r\n");
  const std::string cal = to_icalendar({{"u1@x", "20260110T100000", "20260110T140000", "Roadshow: ASB", "Library, Town", "why"}},
                                       "-//t//EN", "20260101T000000Z");
  CHECK(cal.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n", 0) == 0);
  CHECK(cal.find("LOCATION:Library\\, Town\r\n") != std::string::npos);
  CHECK(cal.find("DTSTAMP:20260101T000000Z\r\n") != std::string::npos);
  CHECK(cal.size() >= 15);
  CHECK(cal.substr(cal.size() - 15) == "END:VCALENDAR\r\n");
}
