#pragma once
// The paths a run file names: resolved against its folder, checked against
// the system's limits, globs expanded to regular files, and the output folders
// kept apart from every input.
#include <filesystem>
#include <string>
#include <vector>

#include "app/config/config.hpp"

namespace hotspot {

// `p` relative to `base` unless absolute; empty stays empty.
std::string resolve(const std::filesystem::path& base, const std::string& p);

// The system's limits on path names, checked up front: past them open() and
// mkdir() fail with ENAMETOOLONG deep inside a stage. `where` names the key.
void check_path_length(const std::string& path, const std::string& where);

// Each file or glob of `patterns` (relative to `base`) as the regular files it
// names, sorted, each once; a pattern matching nothing is a bad-input Error.
std::vector<std::string> expand_paths(const std::vector<std::string>& patterns, const std::filesystem::path& base,
                                      const std::string& where);

// A file a key names must exist: else a bad-input Error naming the key and
// the nearest existing name ("Did you mean ...?"), so a typo in a path is one
// look away. A GDAL virtual path (/vsizip/..., /vsicurl/...) is GDAL's to open.
void require_existing(const std::string& path, const std::string& where);

// The output folders are apart from the inputs. Equal to an input's folder,
// outputs mix with inputs; holding an input, a rerun replaces it; inside an
// input folder, a folder is refused only where an input pattern (e.g.
// data/*/*.csv) would read the files it writes next run, so out/ beside the
// config, the wards or the month files, the default, is fine. The pack and
// the restricted folder may not hold each other either.
struct InputPattern {
  std::string key;      // e.g. "incidents[0].paths"
  std::string pattern;  // as written
};
void check_outputs_apart(const RunConfig& cfg, const std::vector<InputPattern>& patterns, const std::string& fname);

}  // namespace hotspot
