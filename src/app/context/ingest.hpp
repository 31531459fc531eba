#pragma once
// The ingest stage: reads every incident file, checks every row, reprojects,
// assigns wards, and accounts for each row as accepted or rejected with a reason.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/config/config.hpp"
#include "app/context/progress.hpp"
#include "io/incident_reader.hpp"
#include "io/record_source.hpp"
#include "core/incident.hpp"
#include "core/reject.hpp"
#include "geo/ward_index.hpp"

namespace hotspot {

struct InputFileReport {
  std::string path;
  std::string sha256;
  std::string source_name;
  std::uint64_t read = 0;
  std::uint64_t accepted = 0;
  std::uint64_t outside_window = 0;  // dated outside the data window: read, not used, not a fault
  ReasonCounts rejected{};
  std::uint64_t blank_lines = 0;  // skipped: an empty line is not a record
  // An earlier file with the same bytes (SHA-256): this one was skipped, read 0.
  std::string duplicate_of;
  std::uint64_t unthemed = 0;     // accepted, category not in the taxonomy
  std::map<std::string, std::uint64_t> unthemed_categories;

  std::uint64_t rejected_total() const;
};

// The account of every incident file together: read = accepted + outside
// window + rejected when nothing was lost.
struct InputTotals {
  std::uint64_t read = 0, accepted = 0, outside_window = 0, unthemed = 0, blank_lines = 0;
  ReasonCounts rejected{};

  std::uint64_t rejected_total() const;
  bool reconciles() const { return read == accepted + outside_window + rejected_total(); }
};

InputTotals input_totals(const std::vector<InputFileReport>& files);

struct IngestResult {
  std::vector<Incident> incidents;  // accepted, in file then line order
  std::vector<Reject> rejects;      // in file then line order
  std::vector<InputFileReport> files;
  // Of a multi-area run (hotspot run --areas): rows outside this area's wards
  // but inside another area's, counted as outside_every_ward like any row
  // outside the area, and not listed in rejects (they are that area's rows).
  std::uint64_t rejects_in_other_areas = 0;
  std::vector<std::string> warnings;  // about the files as a whole (a copy skipped)
};

// One incident file read, parsed and reprojected: everything that does not
// depend on the wards, so many areas can share one read (hotspot run --areas).
struct ParsedFile {
  std::unique_ptr<RecordSource> source;  // keeps the rows' raw text alive
  FileReadResult rows;
  std::string crs;                        // the file's CRS
  std::vector<double> x, y;               // rows reprojected to the analysis CRS
  std::vector<char> in_area;              // inside the file CRS's area of use
  InputFileReport report;                 // read, outside window, blank lines, checksum
  std::uint32_t index = 0;
  const IncidentSource* spec = nullptr;
  // A multi-area run's mark on each row: inside one of the run's wards (see
  // mark_rows_in_wards); empty in a single-area run.
  std::vector<char> in_run_wards;
};

struct ParsedInputs {
  std::vector<ParsedFile> files;  // in config order
  std::vector<std::string> warnings;
};

// Rows dated outside `window` are accounted for as outside the data window. A
// file with the same bytes as an earlier one (a symlink, a second download) is
// skipped, with a warning naming both: its rows count once.
ParsedInputs parse_inputs(const RunConfig& config, Progress& progress, const Period& window);
// Marks each parsed row that lies in one of `wards` (ParsedFile::in_run_wards):
// a multi-area run marks the rows in any of its areas once, so an area can
// tell another area's rows from rows outside every area.
void mark_rows_in_wards(ParsedInputs& parsed, const WardIndex& wards);
// Places parsed rows in the wards: accepted, or rejected with a spatial reason.
IngestResult place_inputs(const ParsedInputs& parsed, const RunConfig& config, const WardIndex& wards);
// Both, for one area.
IngestResult ingest(const RunConfig& config, const WardIndex& wards, Progress& progress, const Period& window);

}  // namespace hotspot
