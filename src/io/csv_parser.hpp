#pragma once
// RFC 4180 CSV over an in-memory buffer: UTF-8 BOM, CRLF or LF, quoted fields
// holding commas, doubled quotes and newlines. Records without a quote take a
// memchr fast path; the rest go through a small state machine.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

struct CsvRecord {
  std::vector<std::string_view> fields;  // valid until the next call to next()
  std::string_view raw;                  // the record's bytes, line ending excluded
  std::uint32_t line = 0;                // physical line the record starts on (1-based)
  bool unterminated_quote = false;       // a quoted field ran to the end of the file
};

class CsvParser {
 public:
  explicit CsvParser(std::string_view data, char delimiter = ',');
  // Reads the next non-blank record. Returns false at the end of the data.
  bool next(CsvRecord& record);
  std::uint64_t blank_lines() const { return blank_lines_; }

 private:
  void parse_quoted(CsvRecord& record);

  std::string_view data_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  char delim_;
  std::uint64_t blank_lines_ = 0;
  std::string scratch_;  // unescaped text of quoted fields
};

}  // namespace hotspot
