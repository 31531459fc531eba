// hotspot: errors become one message and an exit code here, and only here:
// 0 ok, 1 bad input, 2 usage, 3 internal.
#include <gdal.h>

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "app/cli/cli.hpp"
#include "app/context/gdal_warnings.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // Stages allocate and free grids and point vectors of tens of MB again and
  // again; by default glibc maps each afresh and the kernel zero-fills every
  // page (a London-density run spent ~15% of its time in page faults). Kept in
  // the heap for reuse instead: 0.4-0.6 s less on that run, ~15 MB more peak.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
  GDALAllRegister();
  // GDAL errors surface through our messages; its warnings are printed, or
  // during a run kept with the run's warnings (app/context/gdal_warnings.hpp).
  CPLSetErrorHandler(hotspot::terminal_gdal_handler);
  // Messages quote file contents (headers, fields), which may be binary:
  // printable() escapes control bytes so they never reach the terminal raw.
  try {
    return hotspot::run_cli(argc, argv, std::cout);
  } catch (const hotspot::Error& e) {
    fmt::print(stderr, "hotspot: error in {}: {}\n", e.stage(), hotspot::printable(e.what()));
    return static_cast<int>(e.kind());
  } catch (const std::filesystem::filesystem_error& e) {
    // A path the system refuses (too long, no permission, a full disk) is a
    // problem with what the user gave or where, not a bug.
    fmt::print(stderr, "hotspot: error: {}. Check the path and its folder.\n", hotspot::printable(e.what()));
    return static_cast<int>(hotspot::ErrorKind::BadInput);
  } catch (const std::exception& e) {
    fmt::print(stderr, "hotspot: internal error: {}\n", hotspot::printable(e.what()));
    return 3;
  }
}
