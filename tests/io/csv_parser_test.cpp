// RFC 4180 CSV with the mess real extracts carry.
#include <catch2/catch.hpp>

#include "io/csv_parser.hpp"

using namespace hotspot;

namespace {

std::vector<std::vector<std::string>> all_records(std::string_view data, std::vector<std::uint32_t>* lines = nullptr) {
  CsvParser p(data);
  CsvRecord r;
  std::vector<std::vector<std::string>> out;
  while (p.next(r)) {
    out.emplace_back(r.fields.begin(), r.fields.end());
    if (lines) lines->push_back(r.line);
  }
  return out;
}

}  // namespace

TEST_CASE("BOM, CRLF and LF, trailing empty columns", "[csv]") {
  const auto recs = all_records("\xEF\xBB\xBF" "a,b,c\r\n1,2,3\r\n4,5,\n6,,\r\n");
  REQUIRE(recs.size() == 4);
  CHECK(recs[0] == std::vector<std::string>{"a", "b", "c"});  // no BOM in the first name
  CHECK(recs[1] == std::vector<std::string>{"1", "2", "3"});
  CHECK(recs[2] == std::vector<std::string>{"4", "5", ""});
  CHECK(recs[3] == std::vector<std::string>{"6", "", ""});
}

TEST_CASE("quoted fields with commas, doubled quotes and newlines", "[csv]") {
  std::vector<std::uint32_t> lines;
  const auto recs = all_records(
      "id,where,n\r\n"
      "1,\"Near High Street, Romford\",7\r\n"
      "2,\"rear of \"\"The Bell\"\"\nby the bins\",8\r\n"
      "3,\"two\r\nlines\",9\n"
      "4,plain,10",
      &lines);
  REQUIRE(recs.size() == 5);
  CHECK(recs[1][1] == "Near High Street, Romford");
  CHECK(recs[2][1] == "rear of \"The Bell\"\nby the bins");
  CHECK(recs[3][1] == "two\r\nlines");
  CHECK(recs[4] == std::vector<std::string>{"4", "plain", "10"});  // last line without a newline
  CHECK(lines == std::vector<std::uint32_t>{1, 2, 3, 5, 7});        // records start where they start
}

TEST_CASE("raw text, blank lines and an unclosed quote", "[csv]") {
  CsvParser p("a,b\n\n1,\"x,y\"\r\n\r\n2,\"never closed\n");
  CsvRecord r;
  REQUIRE(p.next(r));
  CHECK(r.raw == "a,b");
  REQUIRE(p.next(r));
  CHECK(r.line == 3);
  CHECK(r.raw == "1,\"x,y\"");  // line ending excluded
  CHECK_FALSE(r.unterminated_quote);
  REQUIRE(p.next(r));
  CHECK(r.line == 5);
  CHECK(r.unterminated_quote);
  CHECK(r.fields[1] == "never closed");  // cut at the end of its line: a stray quote
  CHECK_FALSE(p.next(r));
  CHECK(p.blank_lines() == 2);
}

TEST_CASE("fields stay valid across fast-path and quoted records", "[csv]") {
  std::string data = "h1,h2\n";
  for (int i = 0; i < 200; ++i) data += i % 3 ? "plain,row\n" : "\"q,uoted\",\"x\"\"y\"\n";
  CsvParser p(data);
  CsvRecord r;
  int n = 0;
  p.next(r);
  while (p.next(r)) {
    REQUIRE(r.fields.size() == 2);
    if (n % 3 == 0) {
      CHECK(r.fields[0] == "q,uoted");
      CHECK(r.fields[1] == "x\"y");
    } else {
      CHECK(r.fields[0] == "plain");
    }
    ++n;
  }
  CHECK(n == 200);
}
