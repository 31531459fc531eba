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

// Throws a usage error when `folder` exists and is not a hotspot folder (a
// manifest.json written by hotspot) or empty: a rerun replaces the folder
// whole, so a typo in run.output must never delete a user's files.
void refuse_foreign_folder(const std::filesystem::path& folder, const std::string& role);

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
