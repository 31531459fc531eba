#pragma once
// Outputs appear whole or not at all: each is written to a temporary name in
// the same folder (".<stem>.tmp<pid><extension>") and renamed over the final
// name once complete.
#include <filesystem>
#include <string>

namespace hotspot {

class AtomicOutput {
 public:
  explicit AtomicOutput(std::filesystem::path final_path);
  ~AtomicOutput();  // removes the temporary file if commit() was not reached
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  const std::filesystem::path& temp_path() const { return temp_; }
  const std::filesystem::path& final_path() const { return final_; }
  void commit();

 private:
  std::filesystem::path final_;
  std::filesystem::path temp_;
  bool committed_ = false;
};

// Writes `content` to `path` atomically.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace hotspot
