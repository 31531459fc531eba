#pragma once
// Wires the stages: config -> readers -> analysis -> writers.
#include <iosfwd>

#include "app/config.hpp"

namespace hotspot {

enum class Mode {
  Run,      // the monthly pack: every output in the output folder
  Validate  // read and reconcile the inputs, print the account, write nothing
};

// Prints a human summary to `out` and warnings to stderr. Throws hotspot::Error.
void run_pipeline(const RunConfig& config, Mode mode, bool quiet, std::ostream& out);

}  // namespace hotspot
