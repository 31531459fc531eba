#include "io/venue_reader.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <cmath>
#include <set>

#include "core/error.hpp"

namespace hotspot {
namespace {

int column(const std::vector<std::string>& header, const std::string& name, const std::string& key,
           const std::string& path) {
  if (name.empty()) return -1;
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  throw bad_input("venues", fmt::format("{}: column '{}' (venues.{}) is not in the header. The header has: {}.",
                                        path, name, key, fmt::join(header, ", ")));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool number(std::string_view s, double& out) {
  s = trim(s);
  const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

}  // namespace

VenueReadResult read_venue_rows(RecordSource& source, const std::string& path, std::uint32_t source_index,
                                const VenueSource& spec) {
  const auto& header = source.header();
  const int cx = column(header, spec.x.empty() && spec.ogr ? std::string(kGeometryX) : spec.x, "x", path);
  const int cy = column(header, spec.y.empty() && spec.ogr ? std::string(kGeometryY) : spec.y, "y", path);
  if (cx < 0 || cy < 0) throw bad_input("venues", fmt::format("{}: set x and y for the venue coordinates.", path));
  const int cid = column(header, spec.id, "id", path);
  const int cname = column(header, spec.name_field, "name_field", path);
  const int ctype = column(header, spec.type_field, "type_field", path);
  std::vector<std::pair<int, std::string>> filter;
  for (const auto& [col, value] : spec.filter) filter.emplace_back(column(header, col, "filter." + col, path), value);

  VenueReadResult out;
  std::set<std::string> ids;
  SourceRecord rec;
  while (source.next(rec)) {
    ++out.read;
    auto reject = [&](RejectReason reason, int col, std::string detail) {
      out.rejects.push_back(Reject{source_index, rec.line, reason,
                                   col >= 0 ? header[static_cast<std::size_t>(col)] : std::string(), std::move(detail),
                                   std::string(rec.raw)});
    };
    auto field = [&](int c) { return c >= 0 && c < static_cast<int>(rec.fields.size()) ? trim(rec.fields[static_cast<std::size_t>(c)]) : std::string_view(); };
    if (rec.malformed) {
      const bool named = rec.problem_field >= 0 && static_cast<std::size_t>(rec.problem_field) < header.size();
      reject(RejectReason::Unparseable, named ? rec.problem_field : -1, rec.problem);
      continue;
    }
    if (static_cast<int>(rec.fields.size()) < static_cast<int>(header.size()) - 1) {
      reject(RejectReason::Unparseable, -1, fmt::format("the row has {} fields; the header has {}", rec.fields.size(), header.size()));
      continue;
    }
    bool keep = true;
    for (const auto& [c, value] : filter) keep = keep && field(c) == value;
    if (!keep) {
      ++out.filtered;
      continue;
    }
    RawVenue v;
    v.line = rec.line;
    v.raw = std::string(rec.raw);
    v.name = std::string(field(cname));
    v.type = ctype >= 0 ? std::string(field(ctype)) : spec.type;
    v.id = cid >= 0 ? std::string(field(cid)) : fmt::format("{}:{}", source_index, rec.line);
    if (field(cx).empty() || field(cy).empty()) {
      reject(RejectReason::NoCoordinates, field(cx).empty() ? cx : cy, "empty");
      continue;
    }
    if (!number(field(cx), v.x) || !number(field(cy), v.y)) {
      reject(RejectReason::Unparseable, cx, fmt::format("'{}', '{}' are not coordinates", field(cx), field(cy)));
      continue;
    }
    if (v.name.empty()) v.name = v.id;
    if (!ids.insert(v.id).second) {
      reject(RejectReason::DuplicateId, cid, v.id);
      continue;
    }
    out.venues.push_back(std::move(v));
  }
  return out;
}

}  // namespace hotspot
