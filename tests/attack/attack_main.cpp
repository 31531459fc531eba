// Runner for the attack tests (issue 23). The real-data cases ([real]) need
// ../shared/data: without it the run exits 77, which ctest reports as skipped.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <gdal_priv.h>

#include <cstdio>
#include <string>

#include "attack/runs.hpp"

int main(int argc, char* argv[]) {
  bool real = false;
  for (int i = 1; i < argc; ++i) real = real || std::string(argv[i]).find("[real]") != std::string::npos;
  if (real && !hotspot::attack::have_shared_data()) {
    std::printf("SKIPPED: the real-data attacks need %s (the shared data beside the clone); it is absent.\n",
                hotspot::attack::shared_data().string().c_str());
    return 77;
  }
  GDALAllRegister();
  CPLSetErrorHandler(CPLQuietErrorHandler);
  return Catch::Session().run(argc, argv);
}
