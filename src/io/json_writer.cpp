#include "io/json_writer.hpp"

#include <cmath>
#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"

namespace hotspot {

using Json = nlohmann::ordered_json;

std::string JsonWriter::quote(std::string_view text) {
  // JSON must be UTF-8; input files are not always (a Latin-1 category), so
  // invalid bytes become U+FFFD rather than an unreadable manifest.
  return Json(valid_utf8(text)).dump();
}

Json& JsonWriter::add(std::string_view key, Json v) {
  if (open_.empty()) {
    root_ = std::move(v);
    return root_;
  }
  Json& parent = *open_.back();
  if (parent.is_array()) {
    parent.push_back(std::move(v));
    return parent.back();
  }
  const std::string k = valid_utf8(key);
  if (parent.contains(k)) throw internal_error("json", fmt::format("key '{}' written twice", k));
  return parent[k] = std::move(v);
}

JsonWriter& JsonWriter::open(std::string_view key, Json empty) {
  open_.push_back(&add(key, std::move(empty)));
  return *this;
}

JsonWriter& JsonWriter::close() {
  open_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_object(std::string_view key) { return open(key, Json::object()); }
JsonWriter& JsonWriter::end_object() { return close(); }
JsonWriter& JsonWriter::begin_array(std::string_view key) { return open(key, Json::array()); }
JsonWriter& JsonWriter::end_array() { return close(); }

JsonWriter& JsonWriter::value(std::string_view key, std::string_view v) {
  add(key, valid_utf8(v));
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, double v) {
  if (!std::isfinite(v)) return null(key);
  // 10 significant digits; a whole number prints without ".0", as before.
  const double rounded = std::stod(fmt::format("{:.10g}", v));
  if (rounded == std::trunc(rounded) && std::fabs(rounded) < 9.0e15)
    add(key, static_cast<std::int64_t>(rounded));
  else
    add(key, rounded);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, std::int64_t v) {
  add(key, v);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, std::uint64_t v) {
  add(key, v);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, bool v) {
  add(key, v);
  return *this;
}

JsonWriter& JsonWriter::null(std::string_view key) {
  add(key, nullptr);
  return *this;
}

std::string JsonWriter::str() const { return root_.dump(2) + "\n"; }

}  // namespace hotspot
