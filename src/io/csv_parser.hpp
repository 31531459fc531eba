#pragma once
// RFC 4180 CSV over an in-memory buffer: UTF-8 BOM, CRLF or LF, quoted fields
// holding commas, doubled quotes and newlines. Records without a quote take a
// memchr fast path; the rest go through a small state machine.
//
// Unclosed quotes. A quoted field may span lines, but one that is still open
// at the end of the data, or whose record would span more than
// kMaxRecordLines lines, is taken to be a stray quote, not a field: otherwise
// one bad row swallows every row after it. The record is then cut at the end
// of the line it starts on (its fields split as if the quote closed there),
// flagged `unterminated_quote` so the caller rejects it with that line, and
// parsing resumes on the next line.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

struct CsvRecord {
  std::vector<std::string_view> fields;  // valid until the next call to next()
  std::string_view raw;                  // the record's bytes, line ending excluded
  std::uint32_t line = 0;                // physical line the record starts on (1-based)
  bool unterminated_quote = false;       // a stray quote: see the rule above
};

class CsvParser {
 public:
  static constexpr std::uint32_t kMaxRecordLines = 100;

  explicit CsvParser(std::string_view data, char delimiter = ',');
  // Reads the next non-blank record. Returns false at the end of the data.
  bool next(CsvRecord& record);
  std::uint64_t blank_lines() const { return blank_lines_; }

 private:
  void parse_quoted(CsvRecord& record);
  // Splits data_[begin, limit) into record.fields via scratch_. Returns false
  // when a quoted field is still open at `limit` or the record runs over more
  // than kMaxRecordLines lines. `end` is where the record's content ends.
  bool split_fields(std::size_t begin, std::size_t limit, CsvRecord& record, std::size_t& end,
                    std::uint32_t& newlines);

  std::string_view data_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  char delim_;
  std::uint64_t blank_lines_ = 0;
  std::string scratch_;  // unescaped text of quoted fields
};

}  // namespace hotspot
