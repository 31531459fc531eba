#pragma once
// Wires the stages: config -> readers -> analysis -> writers.
#include <iosfwd>

#include "app/config.hpp"

namespace hotspot {

enum class Mode {
  Run,       // the monthly pack: every stage
  Validate,  // read and reconcile the inputs, print the account, write nothing
  Wards,     // ward statistics only
  Kde,       // KDE surfaces and hotspot polygons only
  Clusters,  // DBSCAN, NNH and Gi* only
  Venues,    // venue planner (with the KDE hotspots it measures against)
  Evaluate,  // backtest of the hotspot methods over every month the inputs cover
};

// Prints a human summary to `out` and warnings to stderr. Throws hotspot::Error.
void run_pipeline(const RunConfig& config, Mode mode, bool quiet, std::ostream& out);

}  // namespace hotspot
