#pragma once
// The rejects account, declared by its columns (app/tables/table_columns.hpp):
// rejects.csv (each rejected row as read: restricted, never in the pack) and
// rejects_summary.csv (how many rows each file lost and why, never the rows).
#include <string>
#include <vector>

#include "core/reject.hpp"
#include "io/table.hpp"

namespace hotspot {

// One row per reject; `file_names` indexed by Reject::source.
Table rejects_table(const std::vector<Reject>& rejects, const std::vector<std::string>& file_names);

// How many rows one input file lost, by reason.
struct FileRejects {
  std::string file;  // as the pack names it (display_path)
  ReasonCounts counts{};
};

// One row per file and reason it lost rows to, in file then reason order.
Table rejects_summary_table(const std::vector<FileRejects>& files);

}  // namespace hotspot
