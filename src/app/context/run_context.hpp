#pragma once
// A run's inputs, read once (RunInputs), and where its stages publish
// (RunContext): the folders, the files written so far, the QGIS layers, the
// disclosure ledger and what each stage records for the manifest. Stage
// results are not here: see app/stages/stages.hpp.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "analysis/disclosure.hpp"
#include "app/config/config.hpp"
#include "app/context/data_availability_check.hpp"
#include "app/context/ingest.hpp"
#include "app/context/population.hpp"
#include "app/context/progress.hpp"
#include "app/context/run_streets.hpp"
#include "core/diagnostics.hpp"
#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"
#include "geo/ward_index.hpp"
#include "geo/ward_set.hpp"
#include "io/json_writer.hpp"
#include "io/qgis_project.hpp"
#include "io/ward_reader.hpp"

namespace hotspot {

class StageTimer {
 public:
  void start(std::string stage);
  void stop();
  std::vector<std::pair<std::string, double>> seconds;

 private:
  std::string stage_;
  std::chrono::steady_clock::time_point t0_;
};

// A file written into a folder of the run, by name, with its SHA-256.
struct OutputFile {
  std::string name;
  std::string sha256;
};

// A stage's entry in the manifest: its parameters and results, written by the stage.
struct StageRecord {
  std::string name;
  std::function<void(JsonWriter&)> write;
};

// A candidate venue in the analysis CRS.
struct Venue {
  std::string id, name, type, source;
  double x = 0, y = 0;
  std::uint32_t ward = kNoWard;
};

// The account of one venue file: read = accepted + filtered + rejected.
struct VenueFileReport {
  std::string path, sha256, source_name;
  std::uint64_t read = 0, accepted = 0, filtered = 0;
  ReasonCounts rejected{};
};

// What a run reads, once, before any stage: the configuration, the wards and
// their geometry, the accepted incidents and venues. Stages' compute functions
// take it const, so no stage can change what another reads.
struct RunInputs {
  explicit RunInputs(const RunConfig& c) : cfg(c), to_wgs84(c.crs, "EPSG:4326") {}

  const RunConfig& cfg;
  GeosContext geos;
  CrsTransform to_wgs84;
  WardReadResult wards;
  // The wards' geometry, parsed once: polygons, point lookup, study area (see ward_set.hpp for threads).
  std::unique_ptr<WardSet> ward_set;
  IngestResult ingest;
  RunStreets streets;             // the streets and places of ingest.incidents, named
  PopulationAccount population;   // residents per ward: where they came from, how they were split
  DataAvailability availability;  // themes and months with no data
  Period data_window;  // the months read; rows dated outside it are accounted for, not used
  std::vector<Venue> venues;
  std::vector<VenueFileReport> venue_files;
  std::vector<Reject> venue_rejects;  // source = index into venue_files, offset by incident files

  // The memory budget for grids over the wards (kde.memory_budget_mb): core/grid_budget.hpp.
  GridBudget grid_budget() const { return ward_grid_budget(*ward_set, wards.wards, cfg.kde.memory_budget_mb); }
  // Incidents of theme t in the months of `p`.
  std::vector<const Incident*> incidents_in(std::size_t theme, const Period& p) const;
  // Incidents of theme t in the reporting period.
  std::vector<const Incident*> period_incidents(std::size_t theme) const { return incidents_in(theme, cfg.period); }
};

// A run: its inputs, plus where stages publish. Stage results are not kept
// here; the pipeline hands each stage the results it needs (app/stages/stages.hpp).
struct RunContext : RunInputs {
  RunContext(const RunConfig& c, bool quiet, std::ostream& out)
      : RunInputs(c), pack_dir(c.output), restricted_dir(c.restricted_output), progress(out, quiet) {}

  // Where files are written: during a run, staging folders that replace
  // cfg.output and cfg.restricted_output whole once every stage succeeded.
  std::filesystem::path pack_dir;
  std::filesystem::path restricted_dir;  // row-level files, never referenced by the pack
  Progress progress;
  Diagnostics diag;
  StageTimer timer;
  std::vector<OutputFile> outputs;
  std::vector<OutputFile> restricted_outputs;
  std::string pack_id;  // of the pack's files, in both manifests (app/run/pack_folders.hpp)
  // The command that writes the folders (run, evaluate, wards, ...): both
  // manifests name it, so no other command replaces them (app/run/pack_folders.hpp).
  std::string command = "run";
  std::vector<StageRecord> stages;
  std::vector<ProjectLayer> layers;  // for tasking.qgs and the .qml styles
  DisclosureLedger disclosure;       // what each stage withheld, in counts, for the manifest

  // Records a file just written in the pack folder (its name: write_manifests checksums the folder).
  void record_output(const std::string& name);
  std::filesystem::path output_path(const std::string& name) const { return pack_dir / name; }
  // The same for the restricted folder (rejects.csv, points_<theme>.geojson).
  void record_restricted(const std::string& name);
  std::filesystem::path restricted_path(const std::string& name) const { return restricted_dir / name; }
};

}  // namespace hotspot
