#pragma once
// manifest.json: what went in (files, checksums, reconciliation), the
// parameters, and what came out. Deterministic: no clock, no absolute paths;
// stage timings go to timings.json beside it.
#include <string>
#include <utility>
#include <vector>

#include "analysis/ward_stats.hpp"
#include "app/config.hpp"
#include "app/ingest.hpp"
#include "core/diagnostics.hpp"
#include "io/ward_reader.hpp"

namespace hotspot {

struct OutputFile {
  std::string name;
  std::string sha256;
};

struct ManifestInput {
  const RunConfig* config = nullptr;
  std::string ward_sha256;
  const WardReadResult* wards = nullptr;
  std::string population_sha256;
  const IngestResult* ingest = nullptr;
  const WardStats* stats = nullptr;
  const Diagnostics* diagnostics = nullptr;
  std::vector<OutputFile> outputs;
};

// `path` as written relative to the config file's folder (portable across clones).
std::string display_path(const RunConfig& config, const std::string& path);
std::string software_versions_json_fragment();
std::string manifest_json(const ManifestInput& in);
std::string timings_json(const std::vector<std::pair<std::string, double>>& stage_seconds);

}  // namespace hotspot
