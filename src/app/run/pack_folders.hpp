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

// The restricted folder's own manifest.json: what it holds and why it stays apart.
std::string restricted_manifest_json(const RunContext& run);

}  // namespace hotspot
