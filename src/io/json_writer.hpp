#pragma once
// A streaming front to nlohmann::ordered_json: the stages write their manifest
// entries key by key, in order, and the library does the escaping and layout
// (2-space indent, keys in the order written). Numbers keep 10 significant
// digits, so the manifest is byte-identical for identical runs and does not
// print float noise (0.30000000000000004).
#include <cstdint>
#include <nlohmann/json.hpp>
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
  std::string str() const;

  // A JSON string literal; invalid UTF-8 bytes become U+FFFD.
  static std::string quote(std::string_view s);

 private:
  // Adds `v` under `key` (or as the next element of an array) and returns it.
  nlohmann::ordered_json& add(std::string_view key, nlohmann::ordered_json v);
  // Adds an empty object or array and writes into it until close().
  JsonWriter& open(std::string_view key, nlohmann::ordered_json empty);
  JsonWriter& close();
  nlohmann::ordered_json root_;
  // The open objects and arrays, outermost first. Only the innermost grows,
  // so the pointers to its ancestors stay valid.
  std::vector<nlohmann::ordered_json*> open_;
};

}  // namespace hotspot
