#pragma once
// manifest.json: what went in (files, checksums, reconciliation), the
// parameters, and what came out. Deterministic: no clock, no absolute paths;
// stage timings go to timings.json beside it.
#include <string>
#include <utility>
#include <vector>

#include "app/config/config.hpp"
#include "app/context/run_context.hpp"
#include "app/context/ingest.hpp"
#include "core/diagnostics.hpp"
#include "io/json_writer.hpp"
#include "io/ward_reader.hpp"

namespace hotspot {

std::string software_versions_json_fragment();
std::string manifest_json(const RunContext& run);
// The "software" entry (hotspot, GDAL, GEOS, PROJ versions), shared by the pack's and the restricted folder's manifests.
void write_software(JsonWriter& j);
std::string timings_json(const std::vector<std::pair<std::string, double>>& stage_seconds);

}  // namespace hotspot
