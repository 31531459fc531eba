#pragma once
// A small streaming JSON writer with fixed formatting (2-space indent, keys in
// the order written, numbers with a fixed number of significant digits), so
// the manifest is byte-identical for identical runs.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

class JsonWriter {
 public:
  JsonWriter& begin_object(std::string_view key = {});
  JsonWriter& end_object();
  JsonWriter& begin_array(std::string_view key = {});
  JsonWriter& end_array();
  JsonWriter& value(std::string_view key, std::string_view v);
  JsonWriter& value(std::string_view key, const char* v) { return value(key, std::string_view(v)); }
  JsonWriter& value(std::string_view key, const std::string& v) { return value(key, std::string_view(v)); }
  JsonWriter& value(std::string_view key, double v);
  JsonWriter& value(std::string_view key, std::int64_t v);
  JsonWriter& value(std::string_view key, std::uint64_t v);
  JsonWriter& value(std::string_view key, int v) { return value(key, static_cast<std::int64_t>(v)); }
  JsonWriter& value(std::string_view key, bool v);
  JsonWriter& null(std::string_view key);
  // Array elements: call with an empty key.
  std::string str() const { return out_ + "\n"; }

  // A JSON string literal; invalid UTF-8 bytes become U+FFFD.
  static std::string quote(std::string_view s);

 private:
  void prefix(std::string_view key);
  std::string out_;
  std::vector<bool> has_items_;
};

}  // namespace hotspot
