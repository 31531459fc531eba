#pragma once
// What the stages of one run share: the inputs once read, the study area, the
// outputs written so far and what each stage records for the manifest.
#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/disclosure.hpp"
#include "app/config.hpp"
#include "analysis/time_profile.hpp"
#include "app/data_availability_check.hpp"
#include "app/ingest.hpp"
#include "app/manifest.hpp"
#include "analysis/emerging_classes.hpp"
#include "app/progress.hpp"
#include "core/diagnostics.hpp"
#include "core/grid.hpp"
#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"
#include "geo/ward_index.hpp"
#include "geo/ward_set.hpp"
#include "io/json_writer.hpp"
#include "io/table.hpp"
#include <optional>
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

// A published KDE hotspot (widest class), kept for the venue planner.
struct HotspotShape {
  std::string id, label;
  GeomPtr geom{nullptr, GeomDeleter{nullptr}};  // analysis CRS
  int rank = 0;  // the number in its label and in the report's table
};

struct RunContext {
  RunContext(const RunConfig& c, bool quiet, std::ostream& out)
      : cfg(c), pack_dir(c.output), restricted_dir(c.restricted_output), progress(out, quiet),
        to_wgs84(c.crs, "EPSG:4326") {}

  const RunConfig& cfg;
  // Where files are written: during a run, staging folders that replace
  // cfg.output and cfg.restricted_output whole once every stage succeeded.
  std::filesystem::path pack_dir;
  std::filesystem::path restricted_dir;  // row-level files, never referenced by the pack
  Progress progress;
  Diagnostics diag;
  StageTimer timer;
  GeosContext geos;
  CrsTransform to_wgs84;
  WardReadResult wards;
  // The wards' geometry, parsed once: polygons, point lookup, study area (see ward_set.hpp for threads).
  std::unique_ptr<WardSet> ward_set;
  IngestResult ingest;
  DataAvailability availability;  // themes and months with no data
  Period data_window;  // the months read; rows dated outside it are accounted for, not used
  std::vector<Venue> venues;
  std::vector<VenueFileReport> venue_files;
  std::vector<Reject> venue_rejects;            // source = index into venue_files, offset by incident files
  std::vector<std::vector<HotspotShape>> hotspots;  // [theme], filled by the KDE stage
  std::vector<std::vector<EmergingClass>> hotspot_classes;  // [theme][hotspot], filled by the emerging stage
  std::vector<Grid> surfaces;                       // [theme], filled by the KDE stage
  std::vector<OutputFile> outputs;
  std::vector<OutputFile> restricted_outputs;
  std::vector<StageRecord> stages;
  std::vector<ProjectLayer> layers;  // for tasking.qgs and the .qml styles

  // The tables the files were written from, so the report repeats the same numbers.
  std::optional<Table> ward_summary;           // with the ALL row
  DisclosureLedger disclosure;                // what each stage withheld, in counts, for the manifest
  std::vector<Table> hotspot_tables;           // [theme]
  std::vector<TimeProfile> time_profiles;      // [theme], empty when the inputs have no times
  std::optional<Table> time_table;             // as time_of_day.csv (inputs with times)
  std::optional<Table> repeat_table;           // as repeat_locations.csv
  struct ProgrammeSummary {
    std::string id, label;
    std::vector<std::size_t> themes;
    Table table;                                // as venues_<id>.csv
    std::vector<std::pair<std::size_t, int>> chosen;  // venue index, order
  };
  std::vector<ProgrammeSummary> programmes;
  // Incidents of theme t in the months of `p`.
  std::vector<const Incident*> incidents_in(std::size_t theme, const Period& p) const;

  // Records a file just written in the pack folder (name and SHA-256).
  void record_output(const std::string& name);
  std::filesystem::path output_path(const std::string& name) const { return pack_dir / name; }
  // The same for the restricted folder (rejects.csv, points_<theme>.geojson).
  void record_restricted(const std::string& name);
  std::filesystem::path restricted_path(const std::string& name) const { return restricted_dir / name; }
  // Incidents of theme t in the reporting period.
  std::vector<const Incident*> period_incidents(std::size_t theme) const { return incidents_in(theme, cfg.period); }
};

}  // namespace hotspot
