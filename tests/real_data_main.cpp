// Runner for tests on ../shared/data: exits 77 (ctest: skipped) with the
// reason when that data is not there.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <gdal.h>

#include <cstdio>

#include "test_support.hpp"

int main(int argc, char* argv[]) {
  const auto data = hotspot::test::shared_data_dir();
  if (!std::filesystem::exists(data / "README.md")) {
    std::printf("SKIPPED: real-data tests need %s (the shared data beside the clone); it is absent.\n",
                data.string().c_str());
    return 77;
  }
  GDALAllRegister();
  CPLSetErrorHandler(CPLQuietErrorHandler);
  return Catch::Session().run(argc, argv);
}
