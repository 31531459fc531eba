#pragma once
// Wires the stages: config -> readers -> analysis -> writers.
#include <filesystem>
#include <iosfwd>
#include <optional>

#include "app/config/config.hpp"
#include "geo/crs_transform.hpp"

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

// The command's name on the command line (`hotspot run`, `hotspot evaluate`, ...).
const char* command_name(Mode mode);

// What the command line asks of a run beyond its configuration.
struct RunOptions {
  bool quiet = false;    // --quiet: warnings, errors and the final line only
  bool verbose = false;  // --verbose: a line for every input file, not only for those with rejects
  bool force = false;    // --force: replace a folder that holds another area's, config's or command's output
};

struct ParsedInputs;

// One area of a multi-area run (hotspot run --areas): the inputs the run read
// once, and the folders inside the run's staging folders the area writes
// into (the run stages and commits them, so the area does not).
struct AreaRun {
  const ParsedInputs* parsed = nullptr;
  std::filesystem::path pack_dir, restricted_dir;
  // run.crs was found true to scale over this extent, which holds every
  // area's wards: the area skips its own check (40 ms of PROJ an area).
  std::optional<Bounds> true_scale_over;
};

// The months a run reads: the period's statistics and, for coverage hotspots,
// the forecast's history and backtest.
Period data_window(const RunConfig& config, Mode mode);

// Prints a human summary to `out` and warnings to stderr. Throws hotspot::Error.
void run_pipeline(const RunConfig& config, Mode mode, const RunOptions& options, std::ostream& out,
                  const AreaRun* area = nullptr);

}  // namespace hotspot
