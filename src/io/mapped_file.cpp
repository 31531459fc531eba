#include "io/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>

#include "core/error.hpp"

namespace hotspot {

namespace {

const char* type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

void require_regular_file(const std::string& path, const std::string& setting) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return;
  // A folder, a FIFO or a device is never an input: the setting names the
  // wrong thing, a usage error like a wrong key. A file that exists but cannot
  // be read (below) is the input's problem.
  if (!S_ISREG(st.st_mode))
    throw usage_error("read",
                      fmt::format("{}: '{}' is {}; give a regular file.", setting, path, type_name(st.st_mode)));
  // Checked with the settings, so the message names the key, not a later reader.
  if (::access(path.c_str(), R_OK) != 0)
    throw bad_input("read", fmt::format("{}: '{}' cannot be read ({}). Give the user running hotspot read "
                                        "permission (e.g. chmod a+r) or copy the file somewhere readable.",
                                        setting, path, std::strerror(errno)));
}

MappedFile::MappedFile(const std::string& path) {
  require_regular_file(path, "input");
  // O_NONBLOCK: if the path is swapped for a FIFO after the check, open still
  // returns instead of waiting for a writer; fstat below then rejects it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw bad_input("read", fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw usage_error("read", fmt::format("'{}' is {}; give a regular file.", path, type_name(st.st_mode)));
  }
  size_ = static_cast<std::size_t>(st.st_size);
  if (size_ > 0) {
    data_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data_ == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      data_ = nullptr;
      throw bad_input("read", fmt::format("cannot map '{}': {}", path, std::strerror(err)));
    }
    ::madvise(data_, size_, MADV_SEQUENTIAL);
  }
  ::close(fd);
}

void MappedFile::release(std::size_t from, std::size_t to) const {
  if (!data_) return;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t first = (from + page - 1) / page * page, last = std::min(to, size_) / page * page;
  // A private, read-only mapping: dropped pages are read back from the file if needed.
  if (last > first) ::madvise(static_cast<char*>(data_) + first, last - first, MADV_DONTNEED);
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

}  // namespace hotspot
