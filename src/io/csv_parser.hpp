#pragma once
// RFC 4180 CSV over an in-memory buffer: UTF-8 BOM, CRLF, LF or CR (classic
// Mac) line endings, quoted fields holding commas, doubled quotes and
// newlines. Records without a quote take a memchr fast path; the rest go
// through a small state machine.
//
// Line endings. A file whose first line break is a lone CR is a classic Mac
// file: CR ends its lines. Otherwise LF does, with an optional CR before it.
// Each file is judged on its own, so a CR-only file among LF files is read.
//
// Unclosed quotes. A quoted field may span lines, but one that is still open
// at the end of the data, or whose record would span more than
// kMaxRecordLines lines or kMaxRecordBytes bytes, is taken to be a stray
// quote, not a field: otherwise one bad row swallows every row after it. The
// record is then cut at the end of the line it starts on (its fields split as
// if the quote closed there), flagged `unterminated_quote` so the caller
// rejects it with that line, and parsing resumes on the next line.
//
// Long rows. A record over kMaxRecordBytes, or with a field over
// kMaxFieldBytes, is not split into fields: it is flagged `too_long`, its raw
// text is cut to kRawPreviewBytes, and parsing resumes on the next line. The
// parser never looks more than kMaxRecordBytes ahead for a record's end, so a
// file of 2 GB with no line break (a file of NULs) costs one pass over its
// bytes, not a 2 GB field; `release` (the memory map's) is told which bytes
// that pass has left behind, so they need not stay in memory.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

struct CsvRecord {
  std::vector<std::string_view> fields;  // valid until the next call to next()
  std::string_view raw;                  // the record's bytes, line ending excluded (cut when too_long)
  std::uint32_t line = 0;                // physical line the record starts on (1-based)
  bool unterminated_quote = false;       // a stray quote: see the rule above
  // A record over kMaxRecordBytes, or a field over kMaxFieldBytes: its length
  // in bytes (0 when within the limits). `long_field` is that field's index,
  // -1 when the record as a whole is over.
  std::size_t too_long = 0;
  int long_field = -1;
};

class CsvParser {
 public:
  static constexpr std::uint32_t kMaxRecordLines = 100;
  // A police.uk row is about 250 bytes; a force extract with free text a few
  // kilobytes. Anything longer is not a record (a binary file, a lost line
  // break), and its size must not decide how much memory a run needs.
  static constexpr std::size_t kMaxRecordBytes = std::size_t{1} << 20;  // 1 MiB
  static constexpr std::size_t kMaxFieldBytes = std::size_t{1} << 16;   // 64 KiB
  static constexpr std::size_t kRawPreviewBytes = 200;
  // Called with [from, to) offsets into the data that have been read past and
  // will not be read again (see "Long rows").
  using Release = std::function<void(std::size_t from, std::size_t to)>;

  explicit CsvParser(std::string_view data, char delimiter = ',', Release release = {});
  // Reads the next non-blank record. Returns false at the end of the data.
  bool next(CsvRecord& record);
  std::uint64_t blank_lines() const { return blank_lines_; }
  // The character that ends lines: '\n', or '\r' for a classic Mac file.
  char line_break() const { return newline_; }

 private:
  enum class Split { Closed, OpenQuote, Overflow };
  void parse_quoted(CsvRecord& record);
  // Splits data_[begin, limit) into record.fields via scratch_. Returns
  // OpenQuote when a quoted field is still open at `limit` or the record runs
  // over more than kMaxRecordLines lines, Overflow when it reaches `limit`
  // before the data's end without a line break. `end` is where the record's
  // content ends.
  Split split_fields(std::size_t begin, std::size_t limit, CsvRecord& record, std::size_t& end,
                     std::uint32_t& newlines);
  // A line too long to be a record, starting at `begin`: its end is found
  // (from `scan_from`) without keeping it, the record is flagged and cut, and
  // parsing resumes after it. `newlines` line breaks lie before `scan_from`.
  void skip_long_line(std::size_t begin, std::size_t scan_from, std::uint32_t newlines, CsvRecord& record);
  // Where the line starting at `from` ends (its line break, or the data's end),
  // looking at most `within` bytes ahead; npos when it is longer.
  std::size_t line_end(std::size_t from, std::size_t within) const;
  void check_field_lengths(CsvRecord& record) const;

  std::string_view data_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  char delim_;
  char newline_ = '\n';
  std::uint64_t blank_lines_ = 0;
  std::string scratch_;  // unescaped text of quoted fields
  Release release_;
};

}  // namespace hotspot
