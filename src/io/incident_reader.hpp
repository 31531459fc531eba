#pragma once
// Turns source rows into incidents (still in the source CRS) or rejects.
// police.uk street CSVs are the mapped reader with a fixed mapping; OGR point
// layers are the mapped reader with the geometry as the x/y columns.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/incident.hpp"
#include "core/period.hpp"
#include "core/reject.hpp"
#include "core/street_names.hpp"
#include "core/taxonomy.hpp"
#include "io/record_source.hpp"

namespace hotspot {

enum class IncidentFormat { PoliceUk, MappedCsv, Ogr };

// How one kind of input file maps onto incidents. Column names, not positions.
// Every member has an initialiser, `{}` where empty is the default, so a
// mapping can name only what it sets (designated initialisers; GCC 12 warns
// of a member left out that has none).
struct IncidentSource {
  std::string name{};
  IncidentFormat format = IncidentFormat::MappedCsv;
  std::vector<std::string> paths{};  // files or globs, resolved by the app
  std::string layer{};               // OGR only
  std::string crs{};                 // of x/y or lon/lat; OGR layers default to their own
  std::string id{}, date{}, time{}, datetime_format = "auto";
  std::string date_to{};             // end of a from/to record (aoristic), optional
  bool midnight_unknown = true;      // 00:00 is how many extracts write "time unknown"
  std::string x{}, y{};              // easting/northing or lon/lat columns
  std::string category{}, subcategory{}, weight{};
  std::string street{};              // street, block or address (police.uk: Location), optional
  std::vector<std::pair<std::string, std::string>> flags{};  // flag name -> column

  static IncidentSource police_uk();  // the police.uk street CSV mapping
};

// An incident as read, before reprojection and ward assignment.
struct RawIncident {
  double x = 0, y = 0;  // source CRS
  Incident incident;    // everything else already set
  std::string_view raw;
  std::string_view id;                 // trimmed; set only when read without a DuplicateIdFilter
  std::int32_t unknown_category = -1;  // index into FileReadResult::unknown_categories
};

// Ids seen so far across every file of a run; the first record with an id wins.
// An open-addressing table of (hash, offset) over one byte arena: a million
// police.uk ids cost two allocations instead of two million (std::unordered_set
// of strings was the largest cost of ingest in bench/ingest_bench).
class DuplicateIdFilter {
 public:
  bool first_time(std::string_view id);
  std::size_t size() const { return count_; }
  // Room for `ids` ids of `bytes` bytes in all without growing.
  void reserve(std::size_t ids, std::size_t bytes);

 private:
  struct Slot {
    std::uint64_t hash = 0;      // 0 = empty (real hashes are forced non-zero)
    std::uint64_t offset = 0;    // into arena_: 4-byte length, then the id
  };
  std::string_view stored(const Slot& s) const;
  // A table of `slots` (a power of two) holding every id so far.
  void rehash(std::size_t slots);

  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t count_ = 0;
};

struct FileReadResult {
  std::vector<RawIncident> incidents;
  std::vector<Reject> rejects;
  std::uint64_t read = 0;
  // Rows dated outside the window: not faults (police.uk extracts and force
  // dumps hold every month), so counted, never kept row by row.
  std::uint64_t outside_window = 0;
  // Categories the taxonomy does not know; such incidents are kept ("unthemed").
  std::vector<std::string> unknown_categories;
  // The file's street names (core/street_names.hpp): Incident::street indexes
  // these until the ingest maps them onto the run's names. has_street: the
  // file has a street column.
  StreetNames streets;
  bool has_street = false;
  std::string id_column;  // the id column's name, for duplicate-id rejects made later
  // Ids that are not a slice of their row's raw text (unquoted from a quoted
  // field); RawIncident::id points here. A deque: moving it keeps the strings.
  std::deque<std::string> owned_ids;
};

// Reads every row of `source`, keeping those whose month lies in `window`.
// Throws a bad-input Error naming the file and column when the header lacks a
// mapped column. With `ids` null, duplicate ids are left for the caller: each
// kept incident carries its id (RawIncident::id) and reject_duplicate_ids()
// applies the filter afterwards, so files can be read on several threads and
// still give the same result as reading them in order with a filter.
FileReadResult read_incident_rows(RecordSource& source, const std::string& path,
                                  std::uint32_t source_index, const IncidentSource& spec,
                                  const Taxonomy& taxonomy, const Period& window,
                                  DuplicateIdFilter* ids);
inline FileReadResult read_incident_rows(RecordSource& source, const std::string& path,
                                         std::uint32_t source_index, const IncidentSource& spec,
                                         const Taxonomy& taxonomy, const Period& window,
                                         DuplicateIdFilter& ids) {
  return read_incident_rows(source, path, source_index, spec, taxonomy, window, &ids);
}

// Rejects, in order, every kept incident of `rows` whose id `ids` has seen,
// exactly as read_incident_rows with that filter would have. `keep` gets one
// flag per incident as it was (1 = kept); the incidents are compacted.
void reject_duplicate_ids(FileReadResult& rows, std::uint32_t source_index, DuplicateIdFilter& ids,
                          std::vector<char>& keep);

}  // namespace hotspot
