#include "io/csv_parser.hpp"

#include <algorithm>
#include <cstring>

namespace hotspot {
namespace {
constexpr std::size_t npos = std::string_view::npos;
// How far skip_long_line reads before it lets the bytes behind it go.
constexpr std::size_t kReleaseChunk = std::size_t{16} << 20;
}  // namespace

CsvParser::CsvParser(std::string_view data, char delimiter, Release release)
    : data_(data), delim_(delimiter), release_(std::move(release)) {
  if (data_.size() >= 3 && static_cast<unsigned char>(data_[0]) == 0xEF &&
      static_cast<unsigned char>(data_[1]) == 0xBB && static_cast<unsigned char>(data_[2]) == 0xBF)
    pos_ = 3;
  // The first line break decides: a lone CR makes this a classic Mac file.
  const std::size_t n = std::min(data_.size(), pos_ + kMaxRecordBytes + 2);
  for (std::size_t i = pos_; i < n; ++i) {
    if (data_[i] == '\n') break;
    if (data_[i] == '\r') {
      if (i + 1 < data_.size() && data_[i + 1] != '\n') newline_ = '\r';
      break;
    }
  }
}

std::size_t CsvParser::line_end(std::size_t from, std::size_t within) const {
  const std::size_t n = std::min(data_.size() - from, within);
  if (const void* nl = std::memchr(data_.data() + from, newline_, n))
    return static_cast<std::size_t>(static_cast<const char*>(nl) - data_.data());
  return from + n == data_.size() ? data_.size() : npos;
}

bool CsvParser::next(CsvRecord& record) {
  record.fields.clear();
  record.unterminated_quote = false;
  record.too_long = 0;
  record.long_field = -1;
  while (pos_ < data_.size()) {
    const std::size_t end = line_end(pos_, kMaxRecordBytes + 2);  // the content, then CR LF at most
    record.line = line_;
    if (end == npos) {
      skip_long_line(pos_, pos_ + kMaxRecordBytes + 2, 0, record);
      return true;
    }
    std::size_t content_end = end;
    if (newline_ == '\n' && content_end > pos_ && data_[content_end - 1] == '\r') --content_end;
    const std::size_t next_pos = end < data_.size() ? end + 1 : end;
    if (content_end == pos_) {  // blank line: not a record
      ++blank_lines_;
      ++line_;
      pos_ = next_pos;
      continue;
    }
    if (content_end - pos_ > kMaxRecordBytes) {
      skip_long_line(pos_, end, 0, record);
      return true;
    }
    const char* begin = data_.data() + pos_;
    const char* stop = data_.data() + content_end;
    if (std::memchr(begin, '"', content_end - pos_) == nullptr) {
      // Fast path: no quotes, so fields are the text between delimiters.
      const char* field = begin;
      for (;;) {
        const char* d = static_cast<const char*>(std::memchr(field, delim_, static_cast<std::size_t>(stop - field)));
        if (!d) break;
        record.fields.emplace_back(field, static_cast<std::size_t>(d - field));
        field = d + 1;
      }
      record.fields.emplace_back(field, static_cast<std::size_t>(stop - field));
      record.raw = std::string_view(begin, content_end - pos_);
      check_field_lengths(record);
      ++line_;
      pos_ = next_pos;
      return true;
    }
    parse_quoted(record);
    return true;
  }
  return false;
}

void CsvParser::check_field_lengths(CsvRecord& record) const {
  for (std::size_t i = 0; i < record.fields.size(); ++i)
    if (record.fields[i].size() > kMaxFieldBytes) {
      record.too_long = record.fields[i].size();
      record.long_field = static_cast<int>(i);
      record.raw = record.raw.substr(0, kRawPreviewBytes);
      return;
    }
}

void CsvParser::skip_long_line(std::size_t begin, std::size_t scan_from, std::uint32_t newlines, CsvRecord& record) {
  std::size_t at = std::min(scan_from, data_.size()), released = begin + kRawPreviewBytes;
  std::size_t end = data_.size();
  while (at < data_.size()) {
    const std::size_t n = std::min(kReleaseChunk, data_.size() - at);
    if (const void* nl = std::memchr(data_.data() + at, newline_, n)) {
      end = static_cast<std::size_t>(static_cast<const char*>(nl) - data_.data());
      break;
    }
    at += n;
    if (release_ && at > released) {
      release_(released, at);
      released = at;
    }
  }
  if (release_ && end > released) release_(released, end);
  std::size_t content_end = end;
  if (newline_ == '\n' && content_end > begin && data_[content_end - 1] == '\r') --content_end;
  record.too_long = content_end - begin;
  record.long_field = -1;
  record.unterminated_quote = false;
  record.raw = data_.substr(begin, std::min(kRawPreviewBytes, content_end - begin));
  record.fields.assign(1, record.raw);
  line_ += newlines + 1;
  pos_ = end < data_.size() ? end + 1 : end;
}

void CsvParser::parse_quoted(CsvRecord& record) {
  const std::size_t start = pos_;
  const std::size_t limit = std::min(data_.size(), start + kMaxRecordBytes);
  std::size_t end = start;
  std::uint32_t newlines = 0;
  const Split split = split_fields(start, limit, record, end, newlines);
  if (split == Split::Overflow) {  // an unquoted field runs past the limit: not a record
    skip_long_line(start, limit, newlines, record);
    return;
  }
  if (split == Split::OpenQuote) {
    // A stray quote (see the header): keep only the first line as the record.
    const std::size_t first_end = line_end(start, kMaxRecordBytes + 2);
    std::size_t content_end = first_end == npos ? npos : first_end;
    if (content_end != npos && newline_ == '\n' && content_end > start && data_[content_end - 1] == '\r') --content_end;
    if (content_end == npos || content_end - start > kMaxRecordBytes) {
      skip_long_line(start, first_end == npos ? start + kMaxRecordBytes + 2 : first_end, 0, record);
      return;
    }
    record.fields.clear();
    split_fields(start, content_end, record, end, newlines);
    record.unterminated_quote = true;
    record.raw = data_.substr(start, content_end - start);
    check_field_lengths(record);
    ++line_;
    pos_ = first_end < data_.size() ? first_end + 1 : data_.size();
    return;
  }
  std::size_t i = end;
  const std::size_t n = data_.size();
  if (i < n && data_[i] == '\r') ++i;
  if (i < n && data_[i] == '\n' && newline_ == '\n') ++i;
  line_ += newlines + 1;
  record.raw = data_.substr(start, end - start);
  check_field_lengths(record);
  pos_ = i;
}

CsvParser::Split CsvParser::split_fields(std::size_t begin, std::size_t limit, CsvRecord& record, std::size_t& end,
                                         std::uint32_t& newlines) {
  // Unescaped text is never longer than the input, so reserving the record's
  // worth up front keeps the string_views stable (no reallocation); `limit`
  // keeps that reservation within kMaxRecordBytes.
  scratch_.clear();
  scratch_.reserve(limit - begin);
  newlines = 0;
  const auto ends_field = [&](char c) { return c == delim_ || c == newline_ || c == '\r'; };
  std::size_t i = begin;
  const std::size_t n = limit;
  bool open = false;  // a quote still open at `limit`: the field is kept as cut there
  for (;;) {  // one field per iteration
    const std::size_t field_start = scratch_.size();
    if (i < n && data_[i] == '"') {
      ++i;
      for (;;) {
        if (i >= n) {
          open = true;
          break;
        }
        const char c = data_[i];
        if (c == '"') {
          if (i + 1 < n && data_[i + 1] == '"') {
            scratch_.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (c == newline_ && ++newlines >= kMaxRecordLines) return Split::OpenQuote;
        scratch_.push_back(c);
        ++i;
      }
      // Text after the closing quote (malformed but common) is kept verbatim.
      while (i < n && !ends_field(data_[i])) scratch_.push_back(data_[i++]);
    } else {
      while (i < n && !ends_field(data_[i])) scratch_.push_back(data_[i++]);
    }
    record.fields.emplace_back(scratch_.data() + field_start, scratch_.size() - field_start);
    if (i < n && data_[i] == delim_) {
      ++i;
      continue;
    }
    break;
  }
  end = i;
  if (open) return Split::OpenQuote;
  // Stopped by the limit, not by a line break or the data's end: the record goes on.
  if (i == n && n < data_.size() && data_[n] != newline_ && data_[n] != '\r') return Split::Overflow;
  return Split::Closed;
}

}  // namespace hotspot
