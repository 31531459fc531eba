#include "io/staged_folder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <string>

#include "core/error.hpp"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)  // linux/fs.h; older glibc headers lack it
#endif

namespace hotspot {
namespace fs = std::filesystem;
namespace {

// The folder's own name even when the path ends in a separator ("out/").
fs::path without_trailing_separator(fs::path p) {
  p = p.lexically_normal();
  if (p.filename().empty() && p.has_parent_path()) p = p.parent_path();
  return p;
}

// True unless the process is certainly gone: a pid reused by another
// process only means its leftover waits for a later run.
bool process_alive(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

// Flushes a file or folder to disk. The renames below are atomic for other
// processes, but after a power cut the new names may reach the disk before the
// files' contents: syncing every file and the staging folder first means a
// swapped-in pack is a complete pack after a crash too.
void sync_path(const fs::path& p, bool directory) {
  const int fd = ::open(p.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    throw bad_input("write", fmt::format("cannot flush {} to disk: {}. Check the disk and rerun.", p.string(),
                                         std::strerror(err)));
  }
  ::close(fd);
}

void sync_tree(const fs::path& folder) {
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_symlink()) continue;
    sync_path(entry.path(), entry.is_directory());
  }
  sync_path(folder, true);
}

}  // namespace

std::string staging_prefix(const fs::path& target) {
  // fmt, not "." + string&&: GCC 12 warns falsely on that (-Wrestrict, GCC bug 105329).
  return fmt::format(".{}.staging-", without_trailing_separator(target).filename().string());
}

bool exchange_paths(const fs::path& a, const fs::path& b) {
  // Through syscall(): glibc before 2.28 has no renameat2() wrapper.
  return ::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
}

std::vector<fs::path> dead_staging_folders(const fs::path& target) {
  const fs::path folder = without_trailing_separator(fs::absolute(target));
  const std::string prefix = staging_prefix(folder);
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    long pid = 0;
    const char* digits = name.data() + prefix.size();
    if (name.compare(prefix.size(), 4, "old-") == 0) digits += 4;  // the two-rename fallback's
    const auto [end, err] = std::from_chars(digits, name.data() + name.size(), pid);
    if (err != std::errc() || end != name.data() + name.size() || pid <= 0) continue;  // not ours
    if (pid != ::getpid() && process_alive(static_cast<pid_t>(pid))) continue;  // a run in progress
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void remove_dead_staging_folders(const fs::path& target) {
  for (const fs::path& dead : dead_staging_folders(target)) {
    std::error_code rm;
    fs::remove_all(dead, rm);
    if (rm)
      throw bad_input("write", fmt::format("cannot remove {}, left by an interrupted run: {}. Delete it by hand.",
                                           dead.string(), rm.message()));
  }
}

void swap_into_place(const fs::path& staged, const fs::path& target) {
  std::error_code ec;
  const bool exists = fs::exists(fs::symlink_status(target, ec));
  if (exists ? !exchange_paths(staged, target) : ::rename(staged.c_str(), target.c_str()) != 0)
    throw bad_input("write", fmt::format("cannot move {} into place as {}: {}. The folders are as they were.",
                                         staged.string(), target.string(), std::strerror(errno)));
  sync_path(target.parent_path(), true);
}

StagedFolder::StagedFolder(fs::path target) : target_(without_trailing_separator(fs::absolute(target))) {
  // A symbolic link to the pack folder is kept: the real folder is replaced.
  std::error_code ec;
  if (fs::is_symlink(target_, ec)) target_ = fs::canonical(target_);
  fs::create_directories(target_.parent_path(), ec);
  if (ec)
    throw bad_input("write", fmt::format("cannot create the folder {}: {}. Check the path and its permissions.",
                                         target_.parent_path().string(), ec.message()));
  remove_dead_staging_folders(target_);
  staging_ = target_.parent_path() / (staging_prefix(target_) + std::to_string(::getpid()));
  fs::create_directory(staging_, ec);
  if (ec)
    throw bad_input("write", fmt::format("cannot create the staging folder {}: {}. Check that {} is writable.",
                                         staging_.string(), ec.message(), target_.parent_path().string()));
}

StagedFolder::~StagedFolder() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

void StagedFolder::prepare() {
  if (prepared_) return;
  sync_tree(staging_);
  prepared_ = true;
}

void commit_together(StagedFolder& first, StagedFolder& second) {
  first.prepare();
  second.prepare();
  first.swap();
  try {
    second.swap();
  } catch (const Error&) {
    first.swap_back();  // both as they were, or at worst the kill case above
    throw;
  }
  first.remove_previous();
  second.remove_previous();
}

void StagedFolder::commit() {
  prepare();
  swap();
  remove_previous();
}

void StagedFolder::swap() {
  prepare();
  std::error_code ec;
  const bool had_target = fs::exists(fs::symlink_status(target_, ec));
  if (!had_target) {
    // Nothing to replace: a plain rename is atomic too.
    if (::rename(staging_.c_str(), target_.c_str()) != 0)
      throw bad_input("write", fmt::format("cannot move {} into place as {}: {}", staging_.string(),
                                           target_.string(), std::strerror(errno)));
  } else if (exchange_paths(staging_, target_)) {
    previous_ = staging_;  // after the swap the staging name holds the previous folder
  } else {
    if (errno != EINVAL && errno != ENOSYS)
      throw bad_input("write", fmt::format("cannot swap the new {} into place: {}. The previous folder is "
                                           "untouched.", target_.string(), std::strerror(errno)));
    // A filesystem without RENAME_EXCHANGE: two renames, with a moment where
    // the target is absent (never a mix of old and new files).
    const fs::path old = target_.parent_path() / (staging_prefix(target_) + "old-" + std::to_string(::getpid()));
    fs::remove_all(old, ec);
    if (::rename(target_.c_str(), old.c_str()) != 0)
      throw bad_input("write", fmt::format("cannot move the previous {} aside: {}. It is untouched.",
                                           target_.string(), std::strerror(errno)));
    if (::rename(staging_.c_str(), target_.c_str()) != 0) {
      const int err = errno;
      ::rename(old.c_str(), target_.c_str());  // put the previous folder back
      throw bad_input("write", fmt::format("cannot move the new {} into place: {}", target_.string(),
                                           std::strerror(err)));
    }
    previous_ = old;
  }
  sync_path(target_.parent_path(), true);  // the swapped names themselves
  committed_ = true;
}

void StagedFolder::swap_back() {
  if (!committed_) return;
  // The new folder goes back to its staging name (which the destructor then removes).
  const bool undone = previous_.empty() ? ::rename(target_.c_str(), staging_.c_str()) == 0
                      : previous_ == staging_ ? exchange_paths(staging_, target_)
                                              : ::rename(target_.c_str(), staging_.c_str()) == 0 &&
                                                    ::rename(previous_.c_str(), target_.c_str()) == 0;
  if (!undone) return;
  previous_.clear();
  committed_ = false;
}

void StagedFolder::remove_previous() {
  // If this is interrupted, the next run removes what is left (its process is gone).
  std::error_code ec;
  if (!previous_.empty()) fs::remove_all(previous_, ec);
  previous_.clear();
}

}  // namespace hotspot
