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
  // Unescaped text is never longer than the input, so reserving the rest of
  // the buffer's worth up front keeps the string_views stable (no reallocation).
  const std::size_t start = pos_;
  scratch_.clear();
  scratch_.reserve(data_.size() - pos_);
  std::size_t i = pos_;
  const std::size_t n = data_.size();
  for (;;) {  // one field per iteration
    const std::size_t field_start = scratch_.size();
    if (i < n && data_[i] == '"') {
      ++i;
      for (;;) {
        if (i >= n) {
          record.unterminated_quote = true;
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
        if (c == '\n') ++line_;
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
  std::size_t content_end = i;
  if (i < n && data_[i] == '\r') ++i;
  if (i < n && data_[i] == '\n') ++i;
  ++line_;
  record.raw = data_.substr(start, content_end - start);
  pos_ = i;
}

}  // namespace hotspot
