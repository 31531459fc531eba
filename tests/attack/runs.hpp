#pragma once
// Running the engine as a partnership would, to make packs for the attacks:
// the sample's config or a police.uk borough's, with theme settings, for one
// period or for consecutive months. Only the CLI is used.
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "attack/pack.hpp"

namespace hotspot::attack {

// theme id -> TOML lines for its [themes.<id>] table ("min_count = 10\n").
using ThemeTables = std::map<std::string, std::string>;

// The committed sample config, its paths made absolute, each theme's lines
// added to its table (or a new table), every line starting with a key in
// `replace` replaced by the given line (e.g. {"mix =", "mix = { asb = 1.0, vawg = 1.0 }"}),
// and `extra` appended.
std::string sample_config(const ThemeTables& themes = {},
                          const std::vector<std::pair<std::string, std::string>>& replace = {},
                          const std::string& extra = "");

// A police.uk borough (Havering, Harrow, ...) from ../shared/data with the
// shipped police-uk taxonomy, its folder's every file, theme tables and extra TOML.
std::string borough_config(const std::string& borough, const std::string& folder, const ThemeTables& themes = {},
                           const std::string& extra = "");

// police.uk user themes used by the attacks: robbery and possession of weapons.
ThemeTables police_uk_user_themes(int min_count);

// Writes `config` to dir/run.toml and runs `hotspot run` for `period` into
// dir/out (reused when HOTSPOT_ATTACK_REUSE is set and the folder holds a
// pack of the same config and period: for working on the attacks). Throws with
// the log on failure. Returns the pack folder; the console log is dir/run.log.
std::filesystem::path run_pack(const std::string& config, const std::filesystem::path& dir, const std::string& period);

// The same, returning the exit code and the console log instead of throwing.
int try_run_pack(const std::string& config, const std::filesystem::path& dir, const std::string& period, std::string& log);

// One pack per month, first..last, in dir/<yyyy-mm>/out.
std::vector<std::filesystem::path> run_monthly_packs(const std::string& config, const std::filesystem::path& dir,
                                                     MonthIndex first, MonthIndex last);

std::filesystem::path shared_data();  // ../shared/data beside the clone (or HOTSPOT_SHARED_DATA)
std::filesystem::path source_dir();
// Where the attack tests write their packs: HOTSPOT_ATTACK_WORK, or a folder
// under the system temp dir.
std::filesystem::path work_dir(const std::string& name);
bool have_shared_data();

}  // namespace hotspot::attack
