#pragma once
// A folder that appears whole or not at all. Its files are written into a
// staging folder beside the target (`.<name>.staging-<pid>`, same parent, so
// the same filesystem) and commit() swaps the staging folder with the target
// in one rename: a run killed at any moment leaves either the previous folder
// or the new one, never a mix, and no file of the previous run survives.
#include <filesystem>

namespace hotspot {

class StagedFolder {
 public:
  // Removes staging folders that dead processes left beside `target`, then
  // creates a fresh staging folder (and the target's parent if needed).
  explicit StagedFolder(std::filesystem::path target);
  ~StagedFolder();  // removes the staging folder unless commit() was reached
  StagedFolder(const StagedFolder&) = delete;
  StagedFolder& operator=(const StagedFolder&) = delete;

  // Where the files go until commit().
  const std::filesystem::path& staging() const { return staging_; }
  const std::filesystem::path& target() const { return target_; }

  // Flushes the staging folder's files to disk, puts it in the target's place
  // atomically, then deletes the previous folder. Throws hotspot::Error when the swap fails.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

// Staging folders beside `target` whose process is gone (killed mid-run).
void remove_dead_staging_folders(const std::filesystem::path& target);

// The staging folder name prefix for `target`: ".<name>.staging-".
std::string staging_prefix(const std::filesystem::path& target);

// Swaps two paths atomically (Linux renameat2 RENAME_EXCHANGE). Returns false,
// with errno set, when the kernel or filesystem cannot.
bool exchange_paths(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace hotspot
