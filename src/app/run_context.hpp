#pragma once
// What the stages of one run share: the inputs once read, the study area, the
// outputs written so far and what each stage records for the manifest.
#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/config.hpp"
#include "app/ingest.hpp"
#include "app/manifest.hpp"
#include "app/progress.hpp"
#include "core/diagnostics.hpp"
#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"
#include "geo/ward_index.hpp"
#include "io/json_writer.hpp"
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

struct RunContext {
  explicit RunContext(const RunConfig& c, bool quiet) : cfg(c), progress(quiet), to_wgs84(c.crs, "EPSG:4326") {}

  const RunConfig& cfg;
  Progress progress;
  Diagnostics diag;
  StageTimer timer;
  GeosContext geos;
  CrsTransform to_wgs84;
  WardReadResult wards;
  std::unique_ptr<WardIndex> index;
  GeomPtr area{nullptr, GeomDeleter{nullptr}};  // union of the wards
  double area_m2 = 0;
  IngestResult ingest;
  std::vector<OutputFile> outputs;
  std::vector<StageRecord> stages;

  // Records a file just written in the output folder (name and SHA-256).
  void record_output(const std::string& name);
  std::filesystem::path output_path(const std::string& name) const { return cfg.output / name; }
  // Incidents of theme t in the reporting period.
  std::vector<const Incident*> period_incidents(std::size_t theme) const;
};

}  // namespace hotspot
