#pragma once
// Wires the stages: config -> readers -> analysis -> writers.
#include <filesystem>
#include <iosfwd>

#include "app/config/config.hpp"

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

struct ParsedInputs;

// One area of a multi-area run (hotspot run --areas): the inputs the run read
// once, and the folders inside the run's staging folders the area writes
// into (the run stages and commits them, so the area does not).
struct AreaRun {
  const ParsedInputs* parsed = nullptr;
  std::filesystem::path pack_dir, restricted_dir;
};

// The months a run reads: the period's statistics and, for coverage hotspots,
// the forecast's history and backtest.
Period data_window(const RunConfig& config, Mode mode);

// Prints a human summary to `out` and warnings to stderr. Throws hotspot::Error.
void run_pipeline(const RunConfig& config, Mode mode, bool quiet, std::ostream& out, const AreaRun* area = nullptr);

}  // namespace hotspot
