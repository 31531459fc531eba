#pragma once
// Where GDAL's messages go. GDAL reports through one handler per thread; we
// never let it print errors, since every failure we act on becomes our own
// exception quoting CPLGetLastErrorMsg (which GDAL keeps whatever the handler),
// and printing it as well would report it twice. Warnings are worth reading:
//  - during a run, RunWarnings routes them into the run's Diagnostics, so they
//    are printed as "warning: GDAL: ..." and listed in the manifest with the
//    run's other warnings (PROJ's log arrives the same way, see CrsTransform);
//  - anywhere else (and on threads without a RunWarnings), the process-wide
//    handler prints them to stderr.
#include <cpl_error.h>

#include <map>
#include <string>

#include "core/diagnostics.hpp"

namespace hotspot {

// Install once at start-up, instead of CPLQuietErrorHandler.
void CPL_STDCALL terminal_gdal_handler(CPLErr type, CPLErrorNum number, const char* message);

// While alive, GDAL warnings raised on this thread go to `diag`. A warning
// repeated word for word (GDAL warns per feature or per row) is kept once, in
// its place, saying how many times it came.
class RunWarnings {
 public:
  explicit RunWarnings(Diagnostics& diag);
  RunWarnings(const RunWarnings&) = delete;
  RunWarnings& operator=(const RunWarnings&) = delete;

 private:
  static void CPL_STDCALL handle(CPLErr type, CPLErrorNum number, const char* message);
  Diagnostics& diag_;
  struct Seen {
    std::size_t index = 0;  // in diag_.warnings, which only grows
    int times = 0;
  };
  std::map<std::string, Seen> seen_;  // by warning text
  CPLErrorHandlerPusher pusher_;     // last: pushed once the rest is ready, popped first
};

}  // namespace hotspot
