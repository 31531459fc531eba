#pragma once
// Helpers shared by tests: paths, temporary folders, running the CLI.
#include <unistd.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/theme.hpp"
#include "sample_config_text.hpp"

namespace hotspot::test {

// A theme with just an id, a label and its rules (the rest default).
inline Theme theme(std::string id, std::string label, std::vector<ThemeRule> rules) {
  Theme t;
  t.id = std::move(id);
  t.label = std::move(label);
  t.rules = std::move(rules);
  return t;
}

inline std::filesystem::path source_dir() { return HOTSPOT_SOURCE_DIR; }
inline std::filesystem::path shared_data_dir() {
  if (const char* env = std::getenv("HOTSPOT_SHARED_DATA")) return env;
  return source_dir().parent_path() / "shared" / "data";
}

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    path_ = std::filesystem::temp_directory_path() / ("hotspot-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void write_text(const std::filesystem::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
}

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The sample's config written into `dir` as run.toml, its paths made absolute,
// with `extra` tables appended.
inline std::filesystem::path sample_config_copy(const TempDir& dir, const std::string& extra) {
  write_text(dir / "run.toml", sample_config_text(source_dir() / "data/sample") + extra);
  return dir / "run.toml";
}

#ifdef HOTSPOT_BINARY
// Only the pack and real-data executables run the binary; the unit tests are
// built without HOTSPOT_BINARY, so a unit case cannot (tests/CMakeLists.txt).

// Runs the hotspot binary with arguments; returns its exit code.
inline int run_hotspot(const std::string& args, const std::filesystem::path& log) {
  const std::string cmd = std::string(HOTSPOT_BINARY) + " " + args + " > '" + log.string() + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// The sample pack every end-to-end test reads. Under ctest it is the fixture
// pack_run's folder (HOTSPOT_SAMPLE_PACK), so the suite runs the sample once;
// run on its own, the test binary runs the sample once per process into a
// folder of the same name (the manifest names its restricted folder by it).
inline const std::filesystem::path& sample_pack() {
  static const std::filesystem::path out = [] {
    if (const char* env = std::getenv("HOTSPOT_SAMPLE_PACK"); env && std::filesystem::exists(std::filesystem::path(env) / "manifest.json"))
      return std::filesystem::path(env);
    static TempDir dir("sample-pack");
    const std::filesystem::path cfg = source_dir() / "data/sample/hotspot.toml";
    const std::filesystem::path pack = dir / "pack-out";
    if (run_hotspot("run '" + cfg.string() + "' --quiet --out '" + pack.string() + "'", dir / "log") != 0)
      throw std::runtime_error("the sample run failed: " + read_text(dir / "log"));
    return pack;
  }();
  return out;
}

#endif  // HOTSPOT_BINARY

}  // namespace hotspot::test
