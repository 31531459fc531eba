#pragma once
// The themes of a run: the taxonomy's, changed or extended by the run file's
// [themes.<id>] tables, narrowed to run.themes, and the window themes of the
// [[windows]] (a theme's incidents whose time falls in a window).
#include <filesystem>
#include <string>

#include "app/config/config.hpp"
#include "app/config/toml_reader.hpp"

namespace hotspot {

// The taxonomy file: its [taxonomy] table and [themes.<id>] tables.
Taxonomy read_taxonomy_file(const std::filesystem::path& file);

// Applies each [themes.<id>] table of `root` onto the theme of that id, or a new one.
void merge_themes(std::vector<Theme>& themes, const toml::table& root, const std::string& file);

// run.themes: only those themes, in that order.
void select_themes(RunConfig& cfg, const std::string& file);

// The [[windows]] of `root` (or the default two) become window themes:
// <theme>_<window>. police.uk has no time of day, so inputs that are all
// police.uk get none (the report says why).
void add_window_themes(RunConfig& cfg, const toml::table& root, const std::string& file);

// The flag names the rules use, and the limits of a ThemeMask and a FlagMask.
void finish_taxonomy(Taxonomy& tax);

}  // namespace hotspot
