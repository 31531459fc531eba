#pragma once
// The two folders a run writes, by audience: the pack (run.output), which may
// be emailed, and the restricted folder beside it (run.restricted_output),
// which holds row-level material and is never referenced by the pack.
#include <filesystem>
#include <string>
#include <vector>

#include "app/config/config.hpp"
#include "app/run/manifest.hpp"
#include "io/table.hpp"

namespace hotspot {

struct RunContext;

// Who writes a folder, as its manifest.json records it: the command (run,
// evaluate, wards, ...), the area (run.area_name) and the run file's name.
struct FolderWriter {
  std::string command, area, config;
};

// A command replaces its folders whole, so before any work it refuses (a usage
// error naming the folder and what it holds) to replace a folder that:
//   - holds files hotspot did not write (no hotspot manifest.json), ever: a
//     typo in run.output must never delete a user's files;
//   - holds a run's tasking pack, when `me` is another command (evaluate, a
//     stage command), ever: no command loses a pack;
//   - holds the output of another area, run file or command, unless `force`
//     (--force): a second borough set up beside the first, or a command
//     aimed at the wrong folder, stops instead of replacing it.
// An empty or missing folder is fine.
void refuse_to_replace(const std::filesystem::path& folder, const std::string& role, const FolderWriter& me,
                       bool force);

// Every file in `folder` (not recursing), sorted by name, with its SHA-256.
std::vector<OutputFile> list_folder(const std::filesystem::path& folder);

// The pack's id: SHA-256 over its files' names and checksums (manifest.json
// and timings.json aside), so the same pack always has the same id and reruns
// stay byte-identical. Both manifests carry it (pack_id): a restricted folder
// belongs to the pack whose id its manifest names. Only the pack's files make
// it, so the emailed pack says nothing of the restricted folder's content.
std::string pack_id(const std::vector<OutputFile>& pack_files);

// A run swaps the restricted folder in first, then the pack
// (io/staged_folder.hpp, commit_together). Killed between the two, it leaves
// the new restricted folder beside the previous pack, and the new pack whole
// in its staging folder. When the restricted folder's pack_id is not the
// pack's and a dead staging folder of the pack holds that id, this swaps it in
// as the killed run would have; the next run calls it first.
void finish_interrupted_swap(const std::filesystem::path& pack, const std::filesystem::path& restricted);

// The restricted folder's own manifest.json: what it holds and why it stays apart.
std::string restricted_manifest_json(const RunContext& run);

}  // namespace hotspot
