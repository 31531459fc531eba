#include "app/context/gdal_warnings.hpp"

#include <unistd.h>

#include <cstdio>
#include <fmt/format.h>

#include "core/text.hpp"
#include "geo/crs_transform.hpp"

namespace hotspot {
namespace {

// A warning as the run records it. GDAL names the files it writes, and a
// run writes into ".<name>.staging-<pid>" and ".<file>.tmp<pid>.<ext>": the
// process id is dropped, so the manifest, which lists the warnings, is the
// same on every rerun.
std::string warning_text(CPLErrorNum number, const char* message) {
  std::string text = fmt::format("{}: {}", number == kProjLogError ? "PROJ" : "GDAL", message ? message : "");
  const std::string pid = std::to_string(::getpid());
  for (const std::string marker : {".staging-", ".tmp"})
    for (std::size_t at = 0; (at = text.find(marker + pid, at)) != std::string::npos;)
      text.erase(at + marker.size(), pid.size());
  return text;
}

}  // namespace

void CPL_STDCALL terminal_gdal_handler(CPLErr type, CPLErrorNum number, const char* message) {
  if (type != CE_Warning) return;  // errors: see the header; debug: only with CPL_DEBUG, not for users
  fmt::print(stderr, "hotspot: warning: {}\n", printable(warning_text(number, message)));
}

RunWarnings::RunWarnings(Diagnostics& diag) : diag_(diag), pusher_(&RunWarnings::handle, this) {}

void CPL_STDCALL RunWarnings::handle(CPLErr type, CPLErrorNum number, const char* message) {
  if (type != CE_Warning) return;
  auto* self = static_cast<RunWarnings*>(CPLGetErrorHandlerUserData());
  const std::string text = warning_text(number, message);
  Seen& seen = self->seen_[text];
  if (++seen.times == 1) {
    seen.index = self->diag_.warnings.size();
    self->diag_.warn(text);
  } else {
    self->diag_.warnings[seen.index] = fmt::format("{} (raised {} times)", text, seen.times);
  }
}

}  // namespace hotspot
