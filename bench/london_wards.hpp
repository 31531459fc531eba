#pragma once
// The data the London benchmarks read from ../shared/data: where it is (the
// first argument, or the folder beside the checkout), and its 2014 wards.
#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "io/ward_reader.hpp"

namespace hotspot::bench {

// argv[arg] when given, else ../shared/data beside the source tree.
inline std::filesystem::path shared_data(int argc, char** argv, int arg) {
  return argc > arg ? std::filesystem::path(argv[arg])
                    : std::filesystem::path(HOTSPOT_SOURCE_DIR).parent_path() / "shared/data";
}

// True, having said so, when a file the benchmark needs is absent: a checkout
// without ../shared/data skips the benchmark rather than failing it.
inline bool absent(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) return false;
  fmt::print("skipped: {} is absent\n", file.string());
  return true;
}

inline std::filesystem::path london_wards_file(const std::filesystem::path& data) {
  return data / "boundaries/london-wards-2014/London_Ward.shp";
}

// London's 2014 wards as the ward layer: GSS codes, ward names.
inline WardSource london_wards(const std::filesystem::path& data) {
  return WardSource{.path = london_wards_file(data).string(), .code_field = "GSS_CODE", .name_field = "NAME"};
}

}  // namespace hotspot::bench
