#pragma once
// Rows of an incident or venue file, whatever its format: a CSV file or an OGR
// layer. Fields come as text so one interpreter handles every source; an OGR
// point layer exposes its geometry as two extra columns named by kGeometryX/Y.
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_parser.hpp"

namespace hotspot {

struct SourceRecord {
  std::vector<std::string_view> fields;
  std::string_view raw;      // valid for the life of the RecordSource
  std::uint32_t line = 0;    // CSV line, or OGR feature id
  bool malformed = false;    // e.g. an unterminated quote, a row over the length limit
  std::string problem;       // what is wrong with a malformed record, for its reject
  int problem_field = -1;    // the field at fault, when one is
};

class RecordSource {
 public:
  virtual ~RecordSource() = default;
  virtual const std::vector<std::string>& header() const = 0;
  virtual bool next(SourceRecord& record) = 0;
  virtual std::uint64_t skipped_blank_lines() const { return 0; }
  // The CRS the source declares itself (OGR layers); empty when it has none.
  virtual std::string native_crs() const { return {}; }
};

inline constexpr std::string_view kGeometryX = "@geometry_x";
inline constexpr std::string_view kGeometryY = "@geometry_y";

std::unique_ptr<RecordSource> open_csv_source(const std::string& path);
std::unique_ptr<RecordSource> open_ogr_source(const std::string& path, const std::string& layer);

}  // namespace hotspot
