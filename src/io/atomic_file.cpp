#include "io/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>

#include "core/error.hpp"

namespace hotspot {
namespace fs = std::filesystem;

AtomicOutput::AtomicOutput(fs::path final_path) : final_(std::move(final_path)) {
  // The process id keeps two concurrent runs into one folder from sharing a
  // temp name; the extension stays last, since GDAL's drivers go by it (GPKG
  // warned about ".tmp<pid>", and the warning, with its pid, reached the manifest).
  temp_ = final_.parent_path() / fmt::format(".{}.tmp{}{}", final_.stem().string(), ::getpid(),
                                             final_.extension().string());
  std::error_code ec;
  fs::remove(temp_, ec);
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

void AtomicOutput::commit() {
  std::error_code ec;
  fs::rename(temp_, final_, ec);
  if (ec)
    throw bad_input("write", fmt::format("cannot move {} into place as {}: {}", temp_.string(),
                                         final_.string(), ec.message()));
  committed_ = true;
}

void write_file_atomically(const fs::path& path, const std::string& content) {
  AtomicOutput out(path);
  {
    std::ofstream f(out.temp_path(), std::ios::binary | std::ios::trunc);
    if (!f) throw bad_input("write", fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
    f.flush();
    if (!f) throw bad_input("write", fmt::format("writing {} failed: {}", path.string(), std::strerror(errno)));
  }
  out.commit();
}

}  // namespace hotspot
