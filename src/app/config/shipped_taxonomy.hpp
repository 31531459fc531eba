#pragma once
// The taxonomies that ship with hotspot (data/themes/*.toml), found by name:
// `taxonomy = "police-uk"` instead of a path. The folder is the source tree's
// data/themes, or $HOTSPOT_DATA_DIR/themes when that is set (an installed copy).
#include <filesystem>
#include <string>
#include <vector>

namespace hotspot {

std::filesystem::path shipped_themes_dir();

// The names of the shipped taxonomies ("force-extract", "police-uk"), sorted.
std::vector<std::string> shipped_taxonomy_names();

// `value` as the taxonomy file to read: a shipped name maps to its file;
// anything else is a path, relative to `base_dir`. A value that is neither an
// existing file nor a shipped name throws a usage error listing the names.
std::filesystem::path resolve_taxonomy(const std::string& value, const std::filesystem::path& base_dir,
                                       const std::string& where);

}  // namespace hotspot
