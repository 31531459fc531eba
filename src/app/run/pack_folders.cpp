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
#include "app/tables/rejects_table.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/json_writer.hpp"
#include "io/sha256.hpp"

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

}  // namespace

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

void write_rejects(RunContext& run) {
  std::vector<std::string> file_names;
  for (const auto& f : run.ingest.files) file_names.push_back(display_path(run.cfg, f.path));
  for (const auto& f : run.venue_files) file_names.push_back(display_path(run.cfg, f.path));
  {
    // Streamed a chunk of rows at a time: a one-borough run on a London-wide
    // extract rejects most of its rows (outside every ward), and building the
    // whole table and text at once took 2.7 GB for 750 k rejects.
    const fs::path path = run.restricted_path("rejects.csv");
    AtomicOutput out(path);
    {
      std::ofstream f(out.temp_path(), std::ios::binary | std::ios::trunc);
      if (!f) throw bad_input("write", fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
      constexpr std::size_t kChunk = 20000;
      const std::size_t n = run.ingest.rejects.size() + run.venue_rejects.size();
      std::vector<Reject> chunk;
      std::size_t i = 0;
      do {  // at least once: the header
        chunk.clear();
        for (; i < n && chunk.size() < kChunk; ++i)
          chunk.push_back(i < run.ingest.rejects.size() ? run.ingest.rejects[i]
                                                        : run.venue_rejects[i - run.ingest.rejects.size()]);
        std::string text = to_csv(rejects_table(chunk, file_names));
        std::size_t from = 0;
        if (f.tellp() > 0) from = text.find("\r\n") + 2;  // the header once
        f.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
      } while (i < n);
      f.flush();
      if (!f) throw bad_input("write", fmt::format("writing {} failed: {}", path.string(), std::strerror(errno)));
    }
    out.commit();
  }
  run.record_restricted("rejects.csv");

  // The pack's account: how many rows each file lost and why, never the rows.
  std::vector<FileRejects> files;
  for (const auto& f : run.ingest.files) files.push_back({display_path(run.cfg, f.path), f.rejected});
  for (const auto& f : run.venue_files) files.push_back({display_path(run.cfg, f.path), f.rejected});
  write_file_atomically(run.output_path("rejects_summary.csv"), to_csv(rejects_summary_table(files)));
  run.record_output("rejects_summary.csv");
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
