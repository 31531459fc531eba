#pragma once
// A read-only memory map of a whole file: the CSV reader's input. Mapping
// instead of reading saves a copy and the zero-filling of a large buffer.
#include <string>
#include <string_view>

namespace hotspot {

class MappedFile {
 public:
  explicit MappedFile(const std::string& path);  // throws a bad-input Error naming the file
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace hotspot
