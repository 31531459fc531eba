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

TEST_CASE("CR-only (classic Mac) line endings are read, quoted CRs included", "[csv]") {
  std::vector<std::uint32_t> lines;
  const auto recs = all_records("a,b\r1,2\r\r3,\"x\ry\"\r4,5", &lines);
  REQUIRE(recs.size() == 4);
  CHECK(recs[0] == std::vector<std::string>{"a", "b"});
  CHECK(recs[1] == std::vector<std::string>{"1", "2"});
  CHECK(recs[2] == std::vector<std::string>{"3", "x\ry"});
  CHECK(recs[3] == std::vector<std::string>{"4", "5"});
  CHECK(lines == std::vector<std::uint32_t>{1, 2, 4, 6});  // the blank line and the quoted CR count as lines
  CHECK(CsvParser("a,b\r1,2\r").line_break() == '\r');
  // CRLF and LF files keep LF as the line break, and a CR inside a quoted field stays text.
  CHECK(CsvParser("a,b\r\n1,2\r\n").line_break() == '\n');
  const auto crlf = all_records("a,b\r\n1,\"x\ry\"\r\n");
  REQUIRE(crlf.size() == 2);
  CHECK(crlf[1][1] == "x\ry");
}

TEST_CASE("a row or field over the length limit is flagged and cut, and reading resumes on the next line", "[csv]") {
  constexpr std::size_t kMax = CsvParser::kMaxRecordBytes;
  CsvRecord r;
  SECTION("a long line") {
    const std::string data = "a,b\n" + std::string(kMax + 10, 'x') + "\n1,2\n";
    CsvParser p(data);
    REQUIRE(p.next(r));
    REQUIRE(p.next(r));
    CHECK(r.line == 2);
    CHECK(r.too_long == kMax + 10);
    CHECK(r.long_field == -1);
    CHECK(r.raw == std::string(CsvParser::kRawPreviewBytes, 'x'));
    REQUIRE(p.next(r));
    CHECK(r.too_long == 0);
    CHECK(r.line == 3);
    CHECK(r.fields == std::vector<std::string_view>{"1", "2"});
    CHECK_FALSE(p.next(r));
  }
  SECTION("a record of exactly the limit is a record, one byte more is not") {
    std::string row;
    while (row.size() < kMax) row += std::string(999, 'x') + ",";
    row.resize(kMax);
    for (const std::string ending : {"\r\n", "\n"}) {
      const std::string data = "a\n" + row + ending + row + "y" + ending;
      CsvParser p(data);
      REQUIRE(p.next(r));
      REQUIRE(p.next(r));
      CHECK(r.too_long == 0);
      CHECK(r.fields.size() == kMax / 1000 + 1);
      CHECK(r.raw.size() == kMax);
      REQUIRE(p.next(r));
      CHECK(r.too_long == kMax + 1);
      CHECK(r.line == 3);
    }
  }
  SECTION("NULs to the end of the file, no line break") {
    const std::string data = "a,b\n" + std::string(3 * kMax, '\0');
    CsvParser p(data);
    REQUIRE(p.next(r));
    REQUIRE(p.next(r));
    CHECK(r.too_long == 3 * kMax);
    CHECK(r.raw.size() == CsvParser::kRawPreviewBytes);
    CHECK_FALSE(p.next(r));
  }
  SECTION("a long field") {
    const std::string data = "a,b\n1," + std::string(CsvParser::kMaxFieldBytes + 1, 'y') + "\n2,3\n";
    CsvParser p(data);
    REQUIRE(p.next(r));
    REQUIRE(p.next(r));
    CHECK(r.too_long == CsvParser::kMaxFieldBytes + 1);
    CHECK(r.long_field == 1);
    CHECK(r.raw.size() == CsvParser::kRawPreviewBytes);
    REQUIRE(p.next(r));
    CHECK(r.fields == std::vector<std::string_view>{"2", "3"});
  }
  SECTION("a quote open past the byte limit, and an unquoted field running past it") {
    for (const std::string& row : {"1,\"" + std::string(kMax + 5, 'q') + "\"", "\"q\"," + std::string(kMax + 5, 'z')}) {
      const std::string data = "a,b\n" + row + "\n2,3\n";
      CsvParser p(data);
      REQUIRE(p.next(r));
      REQUIRE(p.next(r));
      CHECK(r.line == 2);
      CHECK(r.too_long == row.size());
      REQUIRE(p.next(r));
      CHECK(r.line == 3);
      CHECK(r.fields == std::vector<std::string_view>{"2", "3"});
    }
  }
  SECTION("the bytes skipped are released, never the preview or the next record") {
    const std::size_t n = 40 * kMax;
    const std::string data = "a,b\n" + std::string(n, '\0') + "\n1,2\n";
    std::vector<std::pair<std::size_t, std::size_t>> released;
    CsvParser p(data, ',', [&](std::size_t from, std::size_t to) { released.emplace_back(from, to); });
    REQUIRE(p.next(r));
    REQUIRE(p.next(r));
    REQUIRE_FALSE(released.empty());
    CHECK(released.front().first == 4 + CsvParser::kRawPreviewBytes);
    CHECK(released.back().second == 4 + n);  // up to the line break, not past it
    for (std::size_t i = 1; i < released.size(); ++i) CHECK(released[i].first == released[i - 1].second);
    REQUIRE(p.next(r));
    CHECK(r.fields == std::vector<std::string_view>{"1", "2"});
  }
}
