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

// What a folder's manifest.json records of the command that wrote it; empty
// when the folder has no manifest.json written by hotspot.
struct Recorded {
  bool hotspot = false;
  FolderWriter writer;
  std::string period;
};

Recorded recorded_writer(const fs::path& folder) {
  const fs::path manifest = folder / "manifest.json";
  std::error_code ec;
  if (!fs::is_regular_file(manifest, ec) || fs::file_size(manifest, ec) > (64u << 20)) return {};
  CPLJSONDocument doc;
  if (!doc.Load(manifest.string())) return {};
  const CPLJSONObject root = doc.GetRoot();
  if (root.GetString("software/name") != "hotspot") return {};
  Recorded r;
  r.hotspot = true;
  r.writer.command = root.GetString("command");
  r.writer.area = root.GetString("area_name");
  r.writer.config = root.GetString("config");
  r.period = root.GetString("period/label", root.GetString("period"));
  if (r.writer.command.empty()) {  // written before manifests named their command
    bool pack = root.GetObj("areas_index").IsValid();
    for (const CPLJSONObject& o : root.GetArray("outputs")) pack = pack || o.GetString("name") == "tasking.qgs";
    r.writer.command = pack ? "run" : root.GetObj("stages/evaluate").IsValid() ? "evaluate" : "";
  }
  return r;
}

// The pack_id a folder's manifest.json records; empty without one.
std::string recorded_pack_id(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_regular_file(folder / "manifest.json", ec)) return {};
  CPLJSONDocument doc;
  if (!doc.Load((folder / "manifest.json").string())) return {};
  return doc.GetRoot().GetString("pack_id");
}

// "Havering, 2017-04 (havering.toml)": what a folder holds, for messages.
std::string described(const FolderWriter& w, const std::string& period) {
  std::string text = w.area.empty() ? "an area" : w.area;
  if (!period.empty()) text += ", " + period;
  if (!w.config.empty()) text += " (" + w.config + ")";
  return text;
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

void refuse_to_replace(const fs::path& folder, const std::string& role, const FolderWriter& me, bool force) {
  const char* key = role == "output folder" ? "run.output (or --out)" : "run.restricted_output";
  std::error_code ec;
  const fs::file_status st = fs::status(folder, ec);
  if (!fs::exists(st)) return;
  if (!fs::is_directory(st))
    throw usage_error("config", fmt::format("the {} '{}' exists and is not a folder. Set {} to a new folder.", role,
                                            folder.string(), key));
  if (fs::is_empty(folder, ec)) return;
  const Recorded held = recorded_writer(folder);
  if (!held.hotspot)
    throw usage_error("config", fmt::format("the {} '{}' already holds files that hotspot did not write (no "
                                            "manifest.json from hotspot). A run replaces its folder whole, so it "
                                            "will not touch this one: set {} to a new or empty folder, or move those "
                                            "files out.",
                                            role, folder.string(), key));
  const FolderWriter& w = held.writer;
  // A stage command or the backtest never takes the place of a tasking pack.
  if (w.command == "run" && me.command != "run")
    throw usage_error("config", fmt::format("the {} '{}' holds the tasking pack for {}, written by `hotspot run`. "
                                            "`hotspot {}` never replaces a pack, not even with --force: leave out "
                                            "--out and it writes to a folder of its own beside the pack, or give "
                                            "--out a new folder.",
                                            role, folder.string(), described(w, held.period), me.command));
  const bool other_area = !w.area.empty() && w.area != me.area;
  const bool other_config = !w.config.empty() && w.config != me.config;
  const bool other_command = !w.command.empty() && w.command != me.command;
  if (force || !(other_area || other_config || other_command)) return;
  const std::string what = w.command == "run"    ? std::string("the tasking pack")
                           : w.command.empty() ? std::string("the output of an earlier hotspot command")
                                               : fmt::format("the output of `hotspot {}`", w.command);
  const std::string whose = other_area || other_config ? fmt::format("not for {} ({})", me.area, me.config)
                                                       : fmt::format("not `hotspot {}`'s", me.command);
  throw usage_error("config", fmt::format("the {} '{}' holds {} for {}, {}. `hotspot {}` replaces its folder whole, "
                                          "so it stops here: set {} to a folder of its own, or pass --force to "
                                          "replace {}.",
                                          role, folder.string(), what, described(w, held.period), whose, me.command,
                                          key, w.command == "run" ? "that pack" : "that folder"));
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
  j.value("command", run.command);
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
