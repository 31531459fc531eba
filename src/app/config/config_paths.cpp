#include "app/config/config_paths.hpp"

#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <climits>
#include <fmt/format.h>

#include "app/config/suggest.hpp"
#include "core/error.hpp"
#include "io/mapped_file.hpp"

namespace hotspot {
namespace fs = std::filesystem;
namespace {

// Both folders a run replaces whole: the pack and the restricted folder beside it.
struct OutputFolder {
  fs::path path;
  const char* what;
  const char* key;
  std::vector<const char*> written;  // files a run always writes there
};

std::vector<OutputFolder> output_folders(const RunConfig& cfg) {
  return {{.path = cfg.restricted_output, .what = "restricted folder", .key = "run.restricted_output",
           .written = {"rejects.csv", "manifest.json"}},
          {.path = cfg.output, .what = "output folder", .key = "run.output (or --out)",
           .written = {"ward_summary.csv", "wards.geojson", "manifest.json"}}};
}

[[noreturn]] void refuse(const OutputFolder& folder, const std::string& fname, const std::string& problem) {
  throw usage_error("config", fmt::format("{}: the {} '{}' {}. Keep outputs apart from inputs: set {} to a folder of "
                                          "its own.",
                                          fname, folder.what, folder.path.string(), problem, folder.key));
}

// True when `inner` is `outer` or lies under it (both canonical).
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (const auto& part : outer) {
    if (i == inner.end() || *i != part) return false;
    ++i;
  }
  return true;
}

// Every input file a run reads, as resolved.
std::vector<std::string> input_files(const RunConfig& cfg) {
  std::vector<std::string> files;
  for (const auto& src : cfg.incidents) files.insert(files.end(), src.paths.begin(), src.paths.end());
  for (const auto& src : cfg.venues) files.insert(files.end(), src.paths.begin(), src.paths.end());
  for (const std::string& f : {cfg.wards.path, cfg.population.path, cfg.population.areas.path, cfg.taxonomy_path,
                              cfg.config_path.string()})
    if (!f.empty()) files.push_back(f);
  return files;
}

}  // namespace

std::string resolve(const fs::path& base, const std::string& p) {
  if (p.empty()) return p;
  const fs::path path(p);
  return (path.is_absolute() ? path : base / path).lexically_normal().string();
}

void check_path_length(const std::string& path, const std::string& where) {
  if (path.size() >= PATH_MAX)
    throw usage_error("config", fmt::format("{}: the path is {} characters long; this system allows {}. Use a "
                                            "shorter path.", where, path.size(), PATH_MAX - 1));
  for (const auto& part : fs::path(path)) {
    const std::string name = part.string();
    if (name.size() > NAME_MAX)
      throw usage_error("config", fmt::format("{}: the name '{}...' in the path is {} characters long; this "
                                              "system allows {} per file or folder name. Use a shorter name.",
                                              where, name.substr(0, 24), name.size(), NAME_MAX));
  }
}

std::vector<std::string> expand_paths(const std::vector<std::string>& patterns, const fs::path& base,
                                      const std::string& where) {
  std::vector<std::string> files;
  for (const auto& pattern : patterns) {
    const std::string full = resolve(base, pattern);
    check_path_length(full, where);
    glob_t g{};
    const int rc = ::glob(full.c_str(), 0, nullptr, &g);
    if (rc == 0) {
      for (std::size_t i = 0; i < g.gl_pathc; ++i) files.emplace_back(g.gl_pathv[i]);
    }
    globfree(&g);
    if (rc != 0)
      throw bad_input("config", fmt::format("{}: no file matches '{}' (resolved to {}).{}", where, pattern, full,
                                            missing_path_hint(full)));
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  for (const auto& f : files) require_regular_file(f, where);
  return files;
}

void check_outputs_apart(const RunConfig& cfg, const std::vector<InputPattern>& patterns, const std::string& fname) {
  for (const OutputFolder& folder : output_folders(cfg)) {
    const fs::path out = fs::weakly_canonical(folder.path);
    for (const std::string& file : input_files(cfg)) {
      const fs::path in = fs::weakly_canonical(file);
      if (out == in.parent_path()) refuse(folder, fname, fmt::format("is the folder of the input '{}'", file));
      if (is_within(in, out)) refuse(folder, fname, fmt::format("contains the input '{}'", file));
    }
    for (const auto& [key, pattern] : patterns) {
      const std::string full = resolve(cfg.base_dir, pattern);
      for (const char* written : folder.written)
        if (::fnmatch(full.c_str(), (folder.path / written).c_str(), FNM_PATHNAME) == 0)
          refuse(folder, fname, fmt::format("is where {} '{}' would read its {} next run", key, pattern, written));
    }
  }
  // Each is replaced whole, so neither may hold the other.
  const fs::path pack = fs::weakly_canonical(cfg.output), restricted = fs::weakly_canonical(cfg.restricted_output);
  if (is_within(pack, restricted) || is_within(restricted, pack))
    throw usage_error("config", fmt::format("{}: the restricted folder '{}' and the output folder '{}' overlap. The "
                                            "restricted folder holds row-level files that must not travel with the "
                                            "pack: set run.restricted_output to a folder beside the pack (the default "
                                            "is '<output>-restricted').",
                                            fname, cfg.restricted_output.string(), cfg.output.string()));
}

void require_existing(const std::string& path, const std::string& where) {
  std::error_code ec;
  if (path.rfind("/vsi", 0) == 0 || fs::exists(path, ec)) return;
  throw bad_input("config", fmt::format("{}: '{}' does not exist.{}", where, path, missing_path_hint(path)));
}

}  // namespace hotspot
