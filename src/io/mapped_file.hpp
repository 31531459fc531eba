#pragma once
// A read-only memory map of a whole file: the CSV reader's input. Mapping
// instead of reading saves a copy and the zero-filling of a large buffer.
#include <string>
#include <string_view>

namespace hotspot {

// Throws an Error naming `setting` unless `path` is a regular file (following
// symlinks) that can be read. A FIFO would block the reader forever,
// /dev/zero never ends and a directory is not data, so the type is checked
// before any open: a usage error (exit 2), the setting names the wrong thing.
// A file without read permission is a bad-input error (exit 1), as a missing
// one is. Paths that do not exist on disk are left to the reader's own message
// (GDAL's /vsizip/... paths are not files either).
void require_regular_file(const std::string& path, const std::string& setting);

class MappedFile {
 public:
  explicit MappedFile(const std::string& path);  // throws a bad-input Error naming the file
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
  // Lets the pages wholly inside bytes [from, to) leave memory: a reader that
  // has passed them (a 2 GB line it skips) keeps its footprint small. They
  // stay readable: the kernel reads them from the file again if touched.
  void release(std::size_t from, std::size_t to) const;

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace hotspot
