// Runner for the attack tests (issue 23). The real-data cases ([real]) need
// ../shared/data: without it a run asked for [real] exits 77, which ctest
// reports as skipped, and any other run leaves the real-data cases out.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <gdal_priv.h>

#include <cstdio>
#include <string>
#include <vector>

#include "attack/runs.hpp"

int main(int argc, char* argv[]) {
  std::vector<std::string> args(argv, argv + argc);
  if (!hotspot::attack::have_shared_data()) {
    bool positional = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (args[i].find("[real]") != std::string::npos) {
        std::printf("SKIPPED: the real-data attacks need %s (the shared data beside the clone); it is absent.\n",
                    hotspot::attack::shared_data().string().c_str());
        return 77;
      }
      positional = positional || (!args[i].empty() && args[i][0] != '-');
      if (args[i].find('[') != std::string::npos) args[i] += "~[real]";  // a tag spec: and not [real]
    }
    if (!positional) args.push_back("~[real]");
  }
  GDALAllRegister();
  CPLSetErrorHandler(CPLQuietErrorHandler);
  std::vector<char*> cargs;
  for (std::string& a : args) cargs.push_back(a.data());
  return Catch::Session().run(static_cast<int>(cargs.size()), cargs.data());
}
