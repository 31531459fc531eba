#include "io/csv_parser.hpp"

#include <cstring>

namespace hotspot {

CsvParser::CsvParser(std::string_view data, char delimiter) : data_(data), delim_(delimiter) {
  if (data_.size() >= 3 && static_cast<unsigned char>(data_[0]) == 0xEF &&
      static_cast<unsigned char>(data_[1]) == 0xBB && static_cast<unsigned char>(data_[2]) == 0xBF)
    pos_ = 3;
}

bool CsvParser::next(CsvRecord& record) {
  record.fields.clear();
  record.unterminated_quote = false;
  while (pos_ < data_.size()) {
    const char* begin = data_.data() + pos_;
    const std::size_t remaining = data_.size() - pos_;
    const char* nl = static_cast<const char*>(std::memchr(begin, '\n', remaining));
    const char* end = nl ? nl : begin + remaining;
    const char* content_end = (end > begin && end[-1] == '\r') ? end - 1 : end;
    if (content_end == begin) {  // blank line: not a record
      ++blank_lines_;
      ++line_;
      pos_ = static_cast<std::size_t>(end - data_.data()) + (nl ? 1 : 0);
      continue;
    }
    record.line = line_;
    if (std::memchr(begin, '"', static_cast<std::size_t>(content_end - begin)) == nullptr) {
      // Fast path: no quotes, so fields are the text between delimiters.
      const char* field = begin;
      for (;;) {
        const char* d = static_cast<const char*>(
            std::memchr(field, delim_, static_cast<std::size_t>(content_end - field)));
        if (!d) break;
        record.fields.emplace_back(field, static_cast<std::size_t>(d - field));
        field = d + 1;
      }
      record.fields.emplace_back(field, static_cast<std::size_t>(content_end - field));
      record.raw = std::string_view(begin, static_cast<std::size_t>(content_end - begin));
      ++line_;
      pos_ = static_cast<std::size_t>(end - data_.data()) + (nl ? 1 : 0);
      return true;
    }
    parse_quoted(record);
    return true;
  }
  return false;
}

void CsvParser::parse_quoted(CsvRecord& record) {
  const std::size_t start = pos_;
  std::size_t end = start;
  std::uint32_t newlines = 0;
  if (!split_fields(start, data_.size(), record, end, newlines)) {
    // A stray quote (see the header): keep only the first line as the record.
    const void* nl = std::memchr(data_.data() + start, '\n', data_.size() - start);
    const std::size_t line_end =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data_.data()) : data_.size();
    std::size_t content_end = line_end;
    if (content_end > start && data_[content_end - 1] == '\r') --content_end;
    record.fields.clear();
    split_fields(start, content_end, record, end, newlines);
    record.unterminated_quote = true;
    record.raw = data_.substr(start, content_end - start);
    ++line_;
    pos_ = nl ? line_end + 1 : data_.size();
    return;
  }
  std::size_t i = end;
  const std::size_t n = data_.size();
  if (i < n && data_[i] == '\r') ++i;
  if (i < n && data_[i] == '\n') ++i;
  line_ += newlines + 1;
  record.raw = data_.substr(start, end - start);
  pos_ = i;
}

bool CsvParser::split_fields(std::size_t begin, std::size_t limit, CsvRecord& record, std::size_t& end,
                             std::uint32_t& newlines) {
  // Unescaped text is never longer than the input, so reserving the rest of
  // the buffer's worth up front keeps the string_views stable (no reallocation).
  scratch_.clear();
  scratch_.reserve(data_.size() - begin);
  newlines = 0;
  bool closed = true;
  std::size_t i = begin;
  const std::size_t n = limit;
  for (;;) {  // one field per iteration
    const std::size_t field_start = scratch_.size();
    if (i < n && data_[i] == '"') {
      ++i;
      for (;;) {
        if (i >= n) {
          closed = false;
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
        if (c == '\n' && ++newlines >= kMaxRecordLines) return false;
        scratch_.push_back(c);
        ++i;
      }
      // Text after the closing quote (malformed but common) is kept verbatim.
      while (i < n && data_[i] != delim_ && data_[i] != '\n' && data_[i] != '\r')
        scratch_.push_back(data_[i++]);
    } else {
      while (i < n && data_[i] != delim_ && data_[i] != '\n' && data_[i] != '\r')
        scratch_.push_back(data_[i++]);
    }
    record.fields.emplace_back(scratch_.data() + field_start, scratch_.size() - field_start);
    if (i < n && data_[i] == delim_) {
      ++i;
      continue;
    }
    break;
  }
  end = i;
  return closed;
}

}  // namespace hotspot
