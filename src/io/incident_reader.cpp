#include "io/incident_reader.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <cctype>
#include <cstring>
#include <functional>

#include "core/error.hpp"
#include "core/time_window.hpp"
#include "io/date_parser.hpp"

namespace hotspot {

IncidentSource IncidentSource::police_uk() {
  return IncidentSource{.name = "police.uk street CSV",
                        .format = IncidentFormat::PoliceUk,
                        .crs = "EPSG:4326",
                        .id = "Crime ID",
                        .date = "Month",
                        .datetime_format = "%Y-%m",
                        .x = "Longitude",
                        .y = "Latitude",
                        .category = "Crime type",
                        .street = "Location"};
}

std::string_view DuplicateIdFilter::stored(const Slot& s) const {
  std::uint32_t len = 0;
  std::memcpy(&len, arena_.data() + s.offset, sizeof len);
  return std::string_view(arena_.data() + s.offset + sizeof len, len);
}

void DuplicateIdFilter::rehash(std::size_t slots) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(slots, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (!s.hash) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].hash) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void DuplicateIdFilter::reserve(std::size_t ids, std::size_t bytes) {
  arena_.reserve(arena_.size() + bytes + ids * sizeof(std::uint32_t));
  std::size_t want = slots_.empty() ? 1024 : slots_.size();
  while ((count_ + ids + 1) * 2 > want) want *= 2;
  if (want != slots_.size()) rehash(want);
}

bool DuplicateIdFilter::first_time(std::string_view id) {
  if ((count_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 1024 : slots_.size() * 2);  // load factor <= 1/2
  std::uint64_t hash = std::hash<std::string_view>{}(id);
  if (hash == 0) hash = 1;  // 0 marks an empty slot
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].hash) {
    if (slots_[i].hash == hash && stored(slots_[i]) == id) return false;
    i = (i + 1) & mask;
  }
  const auto len = static_cast<std::uint32_t>(id.size());
  slots_[i] = Slot{hash, arena_.size()};
  arena_.append(reinterpret_cast<const char*>(&len), sizeof len);
  arena_.append(id);
  ++count_;
  return true;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// Empty, N, No, False, F and 0 mean "flag absent"; any other text means present.
bool flag_present(std::string_view v) {
  v = trim(v);
  return !(v.empty() || equals_ci(v, "n") || equals_ci(v, "no") || equals_ci(v, "false") ||
           equals_ci(v, "f") || v == "0");
}

bool parse_number(std::string_view s, double& out) {
  s = trim(s);
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  auto r = fast_float::from_chars(s.data(), end, out);
  return r.ec == std::errc() && r.ptr == end && std::isfinite(out);
}

// Largest weight accepted: far above any harm index (the Cambridge index
// gives a homicide 5,475), and sums of millions of them stay far inside a double.
constexpr double kMaxWeight = 1e9;

// Column positions resolved once from the header.
struct ColumnMap {
  int id = -1, date = -1, date_to = -1, time = -1, x = -1, y = -1, category = -1, subcategory = -1, weight = -1,
      street = -1;
  std::vector<std::pair<int, int>> flags;  // (column, flag bit)
  int max_index = -1;
  std::size_t header_size = 0;
};

int find_column(const std::vector<std::string>& header, const std::string& name, const std::string& key,
                const std::string& path, bool required) {
  if (name.empty()) {
    if (required)
      throw bad_input("incidents", fmt::format("{}: no column is mapped for '{}'; set incidents.{} in the "
                                               "config.", path, key, key));
    return -1;
  }
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  for (std::size_t i = 0; i < header.size(); ++i)
    if (equals_ci(header[i], name)) return static_cast<int>(i);
  std::string names;
  for (std::size_t i = 0; i < header.size(); ++i) names += (i ? ", " : "") + header[i];
  throw bad_input("incidents", fmt::format("{}: column '{}' (incidents.{}) is not in the header. The header "
                                           "has: {}. Fix the mapping or the file.", path, name, key, names));
}

ColumnMap map_columns(const std::vector<std::string>& header, const IncidentSource& spec,
                      const Taxonomy& taxonomy, const std::string& path) {
  ColumnMap m;
  m.header_size = header.size();
  const bool ogr = spec.format == IncidentFormat::Ogr;
  m.id = find_column(header, spec.id, "id", path, false);
  m.date = find_column(header, spec.date, "date", path, true);
  m.time = find_column(header, spec.time, "time", path, false);
  m.date_to = find_column(header, spec.date_to, "date_to", path, false);
  m.x = find_column(header, ogr && spec.x.empty() ? std::string(kGeometryX) : spec.x, "x", path, true);
  m.y = find_column(header, ogr && spec.y.empty() ? std::string(kGeometryY) : spec.y, "y", path, true);
  m.category = find_column(header, spec.category, "category", path, true);
  m.subcategory = find_column(header, spec.subcategory, "subcategory", path, false);
  m.weight = find_column(header, spec.weight, "weight", path, false);
  m.street = find_column(header, spec.street, "street", path, false);
  for (const auto& [flag, column] : spec.flags) {
    const int bit = taxonomy.flag_index(flag);
    if (bit < 0) continue;  // a flag no theme uses
    m.flags.emplace_back(find_column(header, column, "flags." + flag, path, true), bit);
  }
  for (int c : {m.id, m.date, m.date_to, m.time, m.x, m.y, m.category, m.subcategory, m.weight, m.street})
    m.max_index = std::max(m.max_index, c);
  for (const auto& f : m.flags) m.max_index = std::max(m.max_index, f.first);
  return m;
}

struct ThemeCache {
  const Taxonomy& taxonomy;
  struct Entry {
    ThemeMask mask;
    std::int32_t unknown;  // index into unknown names, or -1
  };
  std::vector<std::string>& unknown_names;
  std::unordered_map<std::string, Entry> cache;
  std::string key;

  const Entry& lookup(std::string_view category, std::string_view subcategory, FlagMask flags) {
    key.assign(category);
    key.push_back('\x1f');
    key.append(subcategory);
    key.push_back('\x1f');
    key.append(reinterpret_cast<const char*>(&flags), sizeof flags);
    auto it = cache.find(key);
    if (it == cache.end())
    {
      std::int32_t unknown = -1;
      if (taxonomy.is_unknown_category(category)) {
        for (std::size_t i = 0; i < unknown_names.size() && unknown < 0; ++i)
          if (unknown_names[i] == category) unknown = static_cast<std::int32_t>(i);
        if (unknown < 0) {
          unknown = static_cast<std::int32_t>(unknown_names.size());
          unknown_names.emplace_back(category);
        }
      }
      it = cache.emplace(key, Entry{taxonomy.classify(category, subcategory, flags), unknown}).first;
    }
    return it->second;
  }
};

}  // namespace

FileReadResult read_incident_rows(RecordSource& source, const std::string& path,
                                  std::uint32_t source_index, const IncidentSource& spec,
                                  const Taxonomy& taxonomy, const Period& window,
                                  DuplicateIdFilter* ids) {
  const ColumnMap cols = map_columns(source.header(), spec, taxonomy, path);
  const std::vector<std::string>& header = source.header();
  FileReadResult out;
  if (cols.id >= 0) out.id_column = header[static_cast<std::size_t>(cols.id)];
  out.has_street = cols.street >= 0;
  ThemeCache themes{taxonomy, out.unknown_categories, {}, {}};
  SourceRecord rec;

  auto reject = [&](RejectReason reason, int column, std::string detail) {
    out.rejects.push_back(Reject{source_index, rec.line, reason,
                                 column >= 0 ? header[static_cast<std::size_t>(column)] : std::string(),
                                 std::move(detail), std::string(rec.raw)});
  };

  while (source.next(rec)) {
    ++out.read;
    if (rec.malformed) {
      const bool named = rec.problem_field >= 0 && static_cast<std::size_t>(rec.problem_field) < header.size();
      reject(RejectReason::Unparseable, named ? rec.problem_field : -1, rec.problem);
      continue;
    }
    if (static_cast<int>(rec.fields.size()) <= cols.max_index) {
      reject(RejectReason::Unparseable, -1,
             fmt::format("the row has {} fields; the header has {}", rec.fields.size(), cols.header_size));
      continue;
    }
    bool extra = false;
    for (std::size_t i = cols.header_size; i < rec.fields.size(); ++i) extra |= !trim(rec.fields[i]).empty();
    if (extra) {
      reject(RejectReason::Unparseable, -1,
             fmt::format("the row has {} fields; the header has {} (an unquoted comma?)", rec.fields.size(),
                         cols.header_size));
      continue;
    }

    RawIncident r;
    Incident& inc = r.incident;
    inc.source = source_index;
    inc.line = rec.line;
    ParsedDate date;
    const std::string_view date_text = rec.fields[static_cast<std::size_t>(cols.date)];
    if (!parse_date(date_text, spec.datetime_format, date)) {
      reject(RejectReason::Unparseable, cols.date,
             fmt::format("'{}' is not a date in format {}", date_text, spec.datetime_format));
      continue;
    }
    if (cols.time >= 0) {
      const std::string_view t = trim(rec.fields[static_cast<std::size_t>(cols.time)]);
      if (!t.empty() && !parse_time_of_day(t, date.minute)) {
        reject(RejectReason::Unparseable, cols.time, fmt::format("'{}' is not a time of day (HH:MM)", t));
        continue;
      }
    }
    if (date.minute == 0 && spec.midnight_unknown) date.minute = -1;
    inc.month = date.month;
    inc.day = date.day;
    inc.minute = date.minute;
    if (cols.date_to >= 0 && inc.minute >= 0) {
      const std::string_view to_text = trim(rec.fields[static_cast<std::size_t>(cols.date_to)]);
      ParsedDate to;
      if (!to_text.empty()) {
        if (!parse_date(to_text, spec.datetime_format, to) || to.day == 0) {
          reject(RejectReason::Unparseable, cols.date_to,
                 fmt::format("'{}' is not a date-time in format {}", to_text, spec.datetime_format));
          continue;
        }
        // A date without a time ends at the end of that day.
        const long end = day_number(to.month, to.day) * 1440 + (to.minute >= 0 ? to.minute : 1439);
        const long start = day_number(inc.month, inc.day) * 1440 + inc.minute;
        if (end < start) {
          reject(RejectReason::Unparseable, cols.date_to,
                 fmt::format("'{}' is before the record's start '{}'; swap the columns or fix the row", to_text,
                             date_text));
          continue;
        }
        inc.span = static_cast<std::int32_t>(std::min<long>(end - start, kMaxSpanMinutes));
      }
    }
    if (!window.contains(inc.month)) {
      ++out.outside_window;
      continue;
    }

    const std::string_view xs = trim(rec.fields[static_cast<std::size_t>(cols.x)]);
    const std::string_view ys = trim(rec.fields[static_cast<std::size_t>(cols.y)]);
    if (xs.empty() || ys.empty()) {
      reject(RejectReason::NoCoordinates, xs.empty() ? cols.x : cols.y, "empty");
      continue;
    }
    if (!parse_number(xs, r.x)) {
      reject(RejectReason::Unparseable, cols.x, fmt::format("'{}' is not a number", xs));
      continue;
    }
    if (!parse_number(ys, r.y)) {
      reject(RejectReason::Unparseable, cols.y, fmt::format("'{}' is not a number", ys));
      continue;
    }
    if (r.x == 0 && r.y == 0) {
      reject(RejectReason::NoCoordinates, cols.x, "0,0 (a placeholder for a missing location)");
      continue;
    }
    if (cols.weight >= 0) {
      double w = 0;
      const std::string_view ws = rec.fields[static_cast<std::size_t>(cols.weight)];
      // parse_number refuses inf, nan and overflow; the cap keeps the float
      // weight and the sums of a whole surface finite.
      if (!parse_number(ws, w) || w < 0 || w > kMaxWeight) {
        reject(RejectReason::Unparseable, cols.weight,
               fmt::format("'{}' is not a weight from 0 to {:g} (finite)", ws, kMaxWeight));
        continue;
      }
      inc.weight = static_cast<float>(w);
    }
    for (const auto& [column, bit] : cols.flags)
      if (flag_present(rec.fields[static_cast<std::size_t>(column)])) inc.flags |= FlagMask{1} << bit;

    const std::string_view category = trim(rec.fields[static_cast<std::size_t>(cols.category)]);
    const std::string_view subcategory =
        cols.subcategory >= 0 ? trim(rec.fields[static_cast<std::size_t>(cols.subcategory)]) : std::string_view();
    const ThemeCache::Entry& theme = themes.lookup(category, subcategory, inc.flags);
    inc.themes = theme.mask;

    if (cols.id >= 0) {
      const std::string_view id = trim(rec.fields[static_cast<std::size_t>(cols.id)]);
      if (!ids) {
        // Fields of a quoted record live in the parser's buffer until the next record.
        const bool in_raw = !id.empty() && id.data() >= rec.raw.data() &&
                            id.data() + id.size() <= rec.raw.data() + rec.raw.size();
        r.id = in_raw || id.empty() ? id : std::string_view(out.owned_ids.emplace_back(id));
      } else if (!id.empty() && !ids->first_time(id)) {
        reject(RejectReason::DuplicateId, cols.id, std::string(id));
        continue;
      }
    }
    if (cols.street >= 0)
      if (const std::string_view name = street_name(rec.fields[static_cast<std::size_t>(cols.street)]); !name.empty())
        inc.street = out.streets.intern(name);
    r.unknown_category = theme.unknown;
    r.raw = rec.raw;
    out.incidents.push_back(r);
  }
  return out;
}

void reject_duplicate_ids(FileReadResult& rows, std::uint32_t source_index, DuplicateIdFilter& ids,
                          std::vector<char>& keep) {
  std::vector<RawIncident>& v = rows.incidents;
  keep.assign(v.size(), 1);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    RawIncident& r = v[i];
    if (!r.id.empty() && !ids.first_time(r.id)) {
      keep[i] = 0;
      rows.rejects.push_back(Reject{source_index, r.incident.line, RejectReason::DuplicateId, rows.id_column,
                                    std::string(r.id), std::string(r.raw)});
      continue;
    }
    if (kept != i) v[kept] = r;
    ++kept;
  }
  v.resize(kept);
}

}  // namespace hotspot
