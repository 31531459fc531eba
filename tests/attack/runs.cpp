#include "attack/runs.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "sample_config_text.hpp"

namespace hotspot::attack {
namespace fs = std::filesystem;

fs::path source_dir() { return HOTSPOT_SOURCE_DIR; }

fs::path shared_data() {
  if (const char* env = std::getenv("HOTSPOT_SHARED_DATA")) return env;
  return source_dir().parent_path() / "shared" / "data";
}

fs::path work_dir(const std::string& name) {
  const char* env = std::getenv("HOTSPOT_ATTACK_WORK");
  const fs::path dir = (env ? fs::path(env) : fs::temp_directory_path() / "hotspot-attack") / name;
  fs::create_directories(dir);
  return dir;
}

bool have_shared_data() { return fs::exists(shared_data() / "README.md"); }

namespace {

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
}

void add_theme_lines(std::string& cfg, const ThemeTables& themes) {
  for (const auto& [id, lines] : themes) {
    const std::string head = "[themes." + id + "]\n";
    const std::size_t at = cfg.find(head);
    if (at == std::string::npos) cfg += "\n" + head + lines;
    else cfg.insert(at + head.size(), lines);
  }
}

// The engine attacked: this build's, or HOTSPOT_ATTACK_BINARY (another
// build's, e.g. main's, to measure what the same attacks recover from it).
std::string engine() {
  const char* env = std::getenv("HOTSPOT_ATTACK_BINARY");
  return env && *env ? env : HOTSPOT_BINARY;
}

}  // namespace

std::string sample_config(const ThemeTables& themes, const std::vector<std::pair<std::string, std::string>>& replace,
                          const std::string& extra) {
  std::string cfg = test::sample_config_text(source_dir() / "data/sample");
  for (const auto& [key, line] : replace) {
    const std::size_t at = cfg.find("\n" + key);
    if (at == std::string::npos) throw std::runtime_error("the sample config has no line " + key);
    cfg.replace(at + 1, cfg.find('\n', at + 1) - at - 1, line);
  }
  add_theme_lines(cfg, themes);
  return cfg + "\n" + extra;
}

std::string borough_config(const std::string& borough, const std::string& folder, const ThemeTables& themes,
                           const std::string& extra) {
  const fs::path data = shared_data();
  std::string cfg = "[run]\narea_name = \"" + borough + "\"\noutput = \"out\"\ntaxonomy = \"police-uk\"\n[wards]\npath = \"" +
                    (data / "boundaries/london-wards-2014/London_Ward.shp").string() + "\"\nwhere = \"BOROUGH = '" +
                    borough + "'\"\ncode_field = \"GSS_CODE\"\nname_field = \"NAME\"\n[[incidents]]\nformat = \"police_uk\"\npaths = [\"" +
                    (data / "police-uk" / folder / "*.csv").string() + "\"]\n";
  add_theme_lines(cfg, themes);
  return cfg + "\n" + extra;
}

ThemeTables police_uk_user_themes(int min_count) {
  const std::string m = "min_count = " + std::to_string(min_count) + "\n";
  return {{"robbery", "label = \"Robbery\"\nmatch = [{ category = \"Robbery\" }]\n" + m},
          {"weapons", "label = \"Possession of weapons\"\nmatch = [{ category = \"Possession of weapons\" }]\n" + m}};
}

int try_run_pack(const std::string& config, const fs::path& dir, const std::string& period, std::string& log) {
  fs::create_directories(dir);
  const fs::path out = dir / "out";
  // Reuse (HOTSPOT_ATTACK_REUSE=1, for working on the attacks themselves): the
  // same config and period already run into this folder.
  const std::string key = config + "\n# period " + period + "\n";
  if (std::getenv("HOTSPOT_ATTACK_REUSE") && fs::exists(out / "manifest.json") && fs::exists(dir / "run.toml") &&
      read_text(dir / "run.toml") == key) {
    log = read_text(dir / "run.log");
    return 0;
  }
  fs::remove_all(out);
  fs::remove_all(dir / "out-restricted");
  write_text(dir / "run.toml", key);
  const std::string cmd = engine() + " run '" + (dir / "run.toml").string() + "' --quiet --period " +
                          period + " --out '" + out.string() + "' > '" + (dir / "run.log").string() + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  log = read_text(dir / "run.log");
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

fs::path run_pack(const std::string& config, const fs::path& dir, const std::string& period) {
  std::string log;
  if (try_run_pack(config, dir, period, log) != 0) throw std::runtime_error("hotspot run failed for " + period + ": " + log);
  return dir / "out";
}

std::vector<fs::path> run_monthly_packs(const std::string& config, const fs::path& dir, MonthIndex first,
                                        MonthIndex last) {
  std::vector<fs::path> out;
  for (MonthIndex m = first; m <= last; ++m) out.push_back(run_pack(config, dir / month_text(m), month_text(m)));
  return out;
}

}  // namespace hotspot::attack
