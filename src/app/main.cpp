// hotspot: errors become one message and an exit code here, and only here:
// 0 ok, 1 bad input, 2 usage, 3 internal.
#include <gdal.h>

#include <cstdio>
#include <fmt/format.h>
#include <iostream>

#include "app/cli.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
  GDALAllRegister();
  CPLSetErrorHandler(CPLQuietErrorHandler);  // GDAL errors surface through our messages
  try {
    return hotspot::run_cli(argc, argv, std::cout);
  } catch (const hotspot::Error& e) {
    fmt::print(stderr, "hotspot: error in {}: {}\n", e.stage(), e.what());
    return static_cast<int>(e.kind());
  } catch (const std::exception& e) {
    fmt::print(stderr, "hotspot: internal error: {}\n", e.what());
    return 3;
  }
}
