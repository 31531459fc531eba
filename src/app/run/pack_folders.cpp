#include "app/run/pack_folders.hpp"
#include "app/run/manifest.hpp"

#include <cpl_json.h>
#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <fmt/format.h>

#include "app/context/run_context.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/json_writer.hpp"
#include "io/sha256.hpp"
#include "io/staged_folder.hpp"

namespace hotspot {
namespace fs = std::filesystem;
namespace {

// A manifest.json whose software.name is hotspot: the folder is one we wrote.
bool written_by_hotspot(const fs::path& folder) {
  const fs::path manifest = folder / "manifest.json";
  std::error_code ec;
  if (!fs::is_regular_file(manifest, ec) || fs::file_size(manifest, ec) > (64u << 20)) return false;
  CPLJSONDocument doc;
  if (!doc.Load(manifest.string())) return false;
  return doc.GetRoot().GetString("software/name") == "hotspot";
}

// The pack_id a folder's manifest.json records; empty without one.
std::string recorded_pack_id(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_regular_file(folder / "manifest.json", ec)) return {};
  CPLJSONDocument doc;
  if (!doc.Load((folder / "manifest.json").string())) return {};
  return doc.GetRoot().GetString("pack_id");
}

}  // namespace

std::string pack_id(const std::vector<OutputFile>& pack_files) {
  std::string listing;
  for (const OutputFile& f : pack_files)
    if (f.name != "manifest.json" && f.name != "timings.json") listing += f.name + " " + f.sha256 + "\n";
  return sha256_hex(listing);
}

void finish_interrupted_swap(const fs::path& pack, const fs::path& restricted) {
  const std::string wanted = recorded_pack_id(restricted);
  if (wanted.empty() || recorded_pack_id(pack) == wanted) return;
  for (const fs::path& staged : dead_staging_folders(pack))
    if (recorded_pack_id(staged) == wanted) {
      swap_into_place(staged, pack);
      return;
    }
}

void refuse_foreign_folder(const fs::path& folder, const std::string& role) {
  std::error_code ec;
  const fs::file_status st = fs::status(folder, ec);
  if (!fs::exists(st)) return;
  if (!fs::is_directory(st))
    throw usage_error("config", fmt::format("the {} '{}' exists and is not a folder. Set {} to a new folder.", role,
                                            folder.string(), role == "output folder" ? "run.output (or --out)"
                                                                                     : "run.restricted_output"));
  if (fs::is_empty(folder, ec) || written_by_hotspot(folder)) return;
  throw usage_error("config", fmt::format("the {} '{}' already holds files that hotspot did not write (no "
                                          "manifest.json from hotspot). A run replaces its folder whole, so it "
                                          "will not touch this one: set {} to a new or empty folder, or move those "
                                          "files out.",
                                          role, folder.string(),
                                          role == "output folder" ? "run.output (or --out)" : "run.restricted_output"));
}

std::vector<OutputFile> list_folder(const fs::path& folder) {
  std::vector<OutputFile> files;
  for (const auto& entry : fs::directory_iterator(folder))
    files.push_back(OutputFile{entry.path().filename().string(), sha256_file(entry.path().string())});
  std::sort(files.begin(), files.end(), [](const OutputFile& a, const OutputFile& b) { return a.name < b.name; });
  return files;
}


std::string restricted_manifest_json(const RunContext& run) {
  const RunConfig& cfg = run.cfg;
  JsonWriter j;
  j.begin_object();
  write_software(j);
  j.value("restricted", true);
  j.value("note", "Row-level material (raw rejected rows, incident points): not for sharing. The pack beside it "
                  "holds only what may be shared and never refers to these files.");
  j.value("config", cfg.config_path.filename().string());
  j.value("area_name", cfg.area_name);
  j.value("period", cfg.period.label);
  j.value("pack", cfg.output.lexically_relative(cfg.restricted_output).generic_string());
  j.value("pack_id", run.pack_id);
  if (const std::uint64_t n = run.ingest.rejects_in_other_areas)
    j.begin_object("rejects_not_listed").value("rows", n)
        .value("why", "outside this area's wards but inside another area's of the same run (hotspot run --areas): "
                      "counted as outside_every_ward, as a single-area run counts them, and listed in no rejects.csv, "
                      "since they are that area's rows, not faults")
        .end_object();
  j.begin_array("files");
  for (const auto& o : run.restricted_outputs)
    j.begin_object().value("name", o.name).value("sha256", o.sha256).end_object();
  j.begin_object().value("name", "manifest.json").value("note", "this file").end_object();
  j.end_array();
  j.end_object();
  return j.str();
}

}  // namespace hotspot
