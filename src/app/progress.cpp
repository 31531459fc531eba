#include "app/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <fmt/format.h>

namespace hotspot {

Progress::Progress(bool quiet) : enabled_(!quiet && ::isatty(STDERR_FILENO)) {}

void Progress::update(const std::string& stage, std::size_t done, std::size_t total, const std::string& detail) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done != total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  fmt::print(stderr, "\r\033[K[{}] {}/{} {}", stage, done, total, detail);
  std::fflush(stderr);
}

void Progress::finish(const std::string& stage, const std::string& summary) {
  if (!enabled_) return;
  fmt::print(stderr, "\r\033[K[{}] {}\n", stage, summary);
}

}  // namespace hotspot
