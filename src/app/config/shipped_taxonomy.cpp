#include "app/config/shipped_taxonomy.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

#include "app/config/suggest.hpp"
#include "core/error.hpp"

namespace hotspot {
namespace fs = std::filesystem;

fs::path shipped_themes_dir() {
  if (const char* dir = std::getenv("HOTSPOT_DATA_DIR"); dir && *dir) return fs::path(dir) / "themes";
  return fs::path(HOTSPOT_DATA_DIR) / "themes";
}

std::vector<std::string> shipped_taxonomy_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(shipped_themes_dir(), ec))
    if (e.path().extension() == ".toml") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

fs::path resolve_taxonomy(const std::string& value, const fs::path& base_dir, const std::string& where) {
  const std::vector<std::string> names = shipped_taxonomy_names();
  if (std::find(names.begin(), names.end(), value) != names.end()) return shipped_themes_dir() / (value + ".toml");
  const fs::path p(value);
  const fs::path full = (p.is_absolute() ? p : base_dir / p).lexically_normal();
  std::error_code ec;
  if (fs::is_regular_file(full, ec)) return full;
  throw usage_error("config", fmt::format("{}: '{}' is neither a shipped taxonomy nor a file ({} does not exist).{} "
                                          "Shipped taxonomies: {}.",
                                          where, value, full.string(), did_you_mean(value, names),
                                          fmt::join(names, ", ")));
}

}  // namespace hotspot
