#include "app/tables/rejects_table.hpp"

#include "app/tables/table_columns.hpp"

namespace hotspot {
namespace {

// One line of rejects_summary.csv.
struct ReasonCount {
  const std::string* file;
  RejectReason reason;
  std::uint64_t count;
};

}  // namespace

Table rejects_table(const std::vector<Reject>& rejects, const std::vector<std::string>& file_names) {
  TableColumns<Reject> cols;
  cols.add("file", CellType::Text, [&file_names](const Reject& r) { return Cell::text(file_names.at(r.source)); });
  cols.add("line", CellType::Integer, [](const Reject& r) { return Cell::integer(r.line); });
  cols.add("reason", CellType::Text, [](const Reject& r) { return Cell::text(std::string(reason_code(r.reason))); });
  cols.add("field", CellType::Text, [](const Reject& r) { return Cell::text(r.field); });
  cols.add("detail", CellType::Text, [](const Reject& r) { return Cell::text(r.detail); });
  cols.add("raw", CellType::Text, [](const Reject& r) { return Cell::text(r.raw); });
  return cols.build(rejects);
}

// The counts are of rejected rows, not of incidents in a place or theme: no
// disclosure rule applies to them.
Table rejects_summary_table(const std::vector<FileRejects>& files) {
  std::vector<ReasonCount> rows;
  for (const FileRejects& f : files)
    for (std::size_t r = 0; r < kRejectReasonCount; ++r)
      if (f.counts[r]) rows.push_back({.file = &f.file, .reason = static_cast<RejectReason>(r), .count = f.counts[r]});
  TableColumns<ReasonCount> cols;
  cols.add("file", CellType::Text, [](const ReasonCount& r) { return Cell::text(*r.file); });
  cols.add("reason", CellType::Text, [](const ReasonCount& r) { return Cell::text(std::string(reason_code(r.reason))); });
  cols.add("count", CellType::Integer, [](const ReasonCount& r) { return Cell::integer(static_cast<std::int64_t>(r.count)); });
  cols.add("help", CellType::Text, [](const ReasonCount& r) { return Cell::text(std::string(reason_help(r.reason))); });
  return cols.build(rows);
}

}  // namespace hotspot
