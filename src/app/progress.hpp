#pragma once
// Progress on stderr for long work: only when stderr is a terminal and the
// user did not ask for --quiet, so logs and pipes stay clean.
#include <chrono>
#include <string>

namespace hotspot {

class Progress {
 public:
  explicit Progress(bool quiet);
  bool enabled() const { return enabled_; }
  // "[stage] done/total detail", redrawn in place at most ten times a second.
  void update(const std::string& stage, std::size_t done, std::size_t total, const std::string& detail = {});
  void finish(const std::string& stage, const std::string& summary);

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace hotspot
