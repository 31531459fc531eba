#pragma once
// Shared by the libFuzzer harnesses. Our documented failure is hotspot::Error
// (src/core/error.hpp): a harness catches it and carries on, so only crashes,
// sanitizer reports, timeouts and leaks count as findings.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace hotspot::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A private scratch folder for readers that take a path (one per process, so
// parallel fuzzing jobs do not overwrite each other's inputs).
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    // /dev/shm when there is one: rewriting a file on ext4 flushes it to disk
    // (auto_da_alloc), which made the file-based harnesses ten times slower.
    std::error_code ec;
    const std::filesystem::path base =
        std::filesystem::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0
            ? std::filesystem::path("/dev/shm") : std::filesystem::temp_directory_path();
    auto d = base / ("hotspot-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(scratch_dir(), ec);
    });
    return d;
  }();
  return dir;
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::filesystem::remove(path);  // a new file, not a truncated one (see scratch_dir)
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) std::abort();  // the harness itself is broken, not the code under test
}

// Crash with a message: for invariants the harness checks itself.
[[noreturn]] inline void fail(const char* what) {
  ::write(2, what, std::char_traits<char>::length(what));
  ::write(2, "\n", 1);
  std::abort();
}

}  // namespace hotspot::fuzz
