#pragma once
// The account of the inputs on the console: the rows read, accepted, outside
// the data window and rejected (with each reason), and a line per file. By
// default only the files worth a look get a line (rows rejected, a copy
// skipped, nothing read), so a borough of 57 monthly files opens with its
// totals, not a screen of files; --verbose lists every file. manifest.json
// has every file's account either way.
#include <iosfwd>

#include "app/config/config.hpp"
#include "app/context/ingest.hpp"

namespace hotspot {

void print_input_account(std::ostream& out, const RunConfig& cfg, const IngestResult& in, bool verbose);

}  // namespace hotspot
