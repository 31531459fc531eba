#pragma once
// A folder that appears whole or not at all. Its files are written into a
// staging folder beside the target (`.<name>.staging-<pid>`, same parent, so
// the same filesystem) and commit() swaps the staging folder with the target
// in one rename: a run killed at any moment leaves either the previous folder
// or the new one, never a mix, and no file of the previous run survives.
#include <filesystem>
#include <vector>

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

  // Flushes the staging folder's files to disk (once; commit() does it when
  // it has not been done).
  void prepare();
  // Flushes the staging folder's files to disk, puts it in the target's place
  // atomically, then deletes the previous folder. Throws hotspot::Error when the swap fails.
  void commit();
  // commit() in steps, for commit_together: the swap, undoing it, and
  // deleting the previous folder it moved aside.
  void swap();
  void swap_back();
  void remove_previous();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::filesystem::path previous_;  // where the previous folder is once swapped out; empty if none
  bool prepared_ = false;
  bool committed_ = false;
};

// Two folders that belong together (the pack and its restricted folder): both
// are flushed first, then `first` and `second` are swapped in one after the
// other, so that nothing slow lies between the two swaps. A kill between them
// leaves `first` new and `second` old, with the new `second` whole in its
// staging folder: see app/run/pack_folders.hpp, finish_interrupted_swap.
void commit_together(StagedFolder& first, StagedFolder& second);

// Staging folders beside `target` whose process is gone (killed mid-run), by name.
std::vector<std::filesystem::path> dead_staging_folders(const std::filesystem::path& target);
void remove_dead_staging_folders(const std::filesystem::path& target);

// Puts the folder `staged` in `target`'s place in one rename (an exchange when
// `target` exists: `staged` then holds the previous folder). Throws
// hotspot::Error when it cannot.
void swap_into_place(const std::filesystem::path& staged, const std::filesystem::path& target);

// The staging folder name prefix for `target`: ".<name>.staging-".
std::string staging_prefix(const std::filesystem::path& target);

// Swaps two paths atomically (Linux renameat2 RENAME_EXCHANGE). Returns false,
// with errno set, when the kernel or filesystem cannot.
bool exchange_paths(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace hotspot
