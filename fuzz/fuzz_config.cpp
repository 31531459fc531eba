// libFuzzer harness: the run-config loader and the taxonomy loader, each given
// the input as its TOML file. The file sits in a copy of the sample layout
// (sample/ beside themes/), so data/sample/hotspot.toml's relative paths
// resolve and seeds get past path expansion into the later checks.
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "app/config/config.hpp"
#include "core/error.hpp"
#include "fuzz_support.hpp"

namespace {

namespace fs = std::filesystem;

fs::path make_layout() {
  const fs::path root = hotspot::fuzz::scratch_dir() / "layout";
  const fs::path data = HOTSPOT_FUZZ_DATA_DIR;
  fs::create_directories(root / "themes");
  for (const char* t : {"police-uk.toml", "force-extract.toml"})
    fs::copy_file(data / "themes" / t, root / "themes" / t, fs::copy_options::overwrite_existing);
  // Only names matter here: the loader resolves and globs paths, it does not read them.
  for (const char* f : {"sample/incidents/2025-12.csv", "sample/venues.csv", "sample/population.csv",
                        "sample/wards.geojson", "police-uk/2017-04.csv"})
    hotspot::fuzz::write_file(root / f, "");
  return root / "sample" / "hotspot.toml";
}

// Inputs whose cost is the machine's, not the loader's, are skipped so that a
// CI run cannot fail on them: system folders (kernel files, devices), and
// wildcards in folder names ("/*/*/*/*.csv" globs the whole disk). File-name
// wildcards, as in the seeds, are still fuzzed.
bool outside_the_loader(std::string_view text) {
  for (std::string_view bad : {"/dev", "/proc", "/sys", "/run", "*/", "?/", "]/"})
    if (text.find(bad) != std::string_view::npos) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fs::path file = make_layout();
  const std::string_view text = hotspot::fuzz::as_text(data, size);
  if (outside_the_loader(text)) return 0;
  hotspot::fuzz::write_file(file, text);
  // main() turns both into exit codes 1 or 2: a path the system refuses (too
  // long, say) is a filesystem_error, reported as bad input, not a bug.
  try {
    (void)hotspot::load_taxonomy(file);
  } catch (const hotspot::Error&) {
  } catch (const fs::filesystem_error&) {
  }
  try {
    (void)hotspot::load_config(file, {});
  } catch (const hotspot::Error&) {
  } catch (const fs::filesystem_error&) {
  }
  return 0;
}
