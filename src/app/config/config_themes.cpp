#include "app/config/config_themes.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "app/config/option_checks.hpp"
#include "app/config/suggest.hpp"
#include "core/error.hpp"

namespace hotspot {
namespace {

std::vector<ThemeRule> read_rules(const toml::table& theme, const Where& where) {
  return read_rows<ThemeRule>(theme, "match", where, [](const ThemeRule& rule, const toml::table& t, const Where& w) {
    if (rule.categories.empty() && rule.subcategories.empty() && rule.flag.empty())
      throw usage_error("config", fmt::format("{}: a match rule needs category, subcategory or flag.", w.at(t, "")));
  });
}

// The theme `id` of `themes`, added with the disclosure default when new.
Theme& theme_named(std::vector<Theme>& themes, const std::string& id) {
  const auto it = std::find_if(themes.begin(), themes.end(), [&](const Theme& t) { return t.id == id; });
  if (it != themes.end()) return *it;
  Theme t;
  t.id = id;
  t.min_count = id == "vawg" ? 5 : 0;  // the disclosure default for VAWG
  return themes.emplace_back(std::move(t));
}

// A window's theme: the incidents of `base` whose time falls in window `window`.
Theme window_theme(const std::vector<Theme>& themes, std::size_t base, const TimeWindow& w, int window) {
  Theme t = themes[base];
  t.id = themes[base].id + "_" + w.id;
  t.label = fmt::format("{} \u2014 {}", themes[base].label, w.label);
  t.rules.clear();
  t.target.reset();
  t.target_ytd.reset();
  t.target_rolling.reset();
  t.export_points = false;  // its points are among its base theme's
  t.base = static_cast<int>(base);
  t.window = window;
  return t;
}

}  // namespace

Taxonomy read_taxonomy_file(const std::filesystem::path& file) {
  const toml::table root = parse_toml(file);
  const Where where{file.string(), ""};
  check_keys(root, kTaxonomyFile, where);
  Taxonomy tax;
  apply_options(table_or_empty(root, "taxonomy"), "taxonomy", where.inside("taxonomy"), tax);
  merge_themes(tax.themes, root, file.string());
  return tax;
}

void merge_themes(std::vector<Theme>& themes, const toml::table& root, const std::string& file) {
  for (auto&& [k, v] : table_or_empty(root, "themes")) {
    const std::string id(k.str());
    const Where where = Where{file, ""}.inside("themes." + id);
    if (!is_snake_case(id))
      throw usage_error("config", fmt::format("{}: theme id '{}' must be snake_case (a-z, 0-9, _).", where.at(v, ""), id));
    Theme& theme = theme_named(themes, id);
    const toml::table& t = *v.as_table();  // check_keys: [themes.<id>] are tables
    apply_options(t, "themes", where, theme);
    if (theme.label.empty()) theme.label = theme.id;
    if (t.contains("match")) theme.rules = read_rules(t, where);
    if (theme.rules.empty())
      throw usage_error("config", fmt::format("{}: theme '{}' has no match rules; add match = [{{ category = "
                                              "\"...\" }}].", file, id));
  }
}

void select_themes(RunConfig& cfg, const std::string& file) {
  if (cfg.theme_selection.empty()) return;
  if (const auto twice = first_repeated(cfg.theme_selection))
    throw usage_error("config", fmt::format("{}: run.themes: '{}' is listed twice. List each theme once.", file, *twice));
  std::vector<Theme> chosen;
  for (const auto& id : cfg.theme_selection) {
    const int i = cfg.taxonomy.theme_index(id);
    if (i < 0) {
      std::vector<std::string> ids;
      for (const auto& t : cfg.taxonomy.themes) ids.push_back(t.id);
      throw usage_error("config", fmt::format("{}: run.themes names '{}', which is not a theme.{} Themes: {}.", file,
                                              id, did_you_mean(id, ids), fmt::join(ids, ", ")));
    }
    chosen.push_back(cfg.taxonomy.themes[static_cast<std::size_t>(i)]);
  }
  cfg.taxonomy.themes = std::move(chosen);
}

void add_window_themes(RunConfig& cfg, const toml::table& root, const std::string& file) {
  const bool explicit_windows = root.contains("windows");
  std::vector<std::string> id_at;  // "run.toml:23: windows[1].id", each window's place, for messages
  std::vector<TimeWindow> windows =
      explicit_windows ? read_rows<TimeWindow>(root, "windows", Where{file, ""},
                                               [&](TimeWindow& w, const toml::table& t, const Where& where) {
                                                 if (w.label.empty()) w.label = w.id;
                                                 id_at.push_back(where.at(t, "id"));
                                                 if (const auto twice = first_repeated(w.themes))
                                                   throw usage_error("config", fmt::format(
                                                       "{}: themes lists '{}' twice. List each theme once.",
                                                       where.at(t, "themes"), *twice));
                                               })
                       : default_time_windows();
  cfg.inputs_have_times = std::any_of(cfg.incidents.begin(), cfg.incidents.end(), [](const IncidentSource& s) {
    return s.format != IncidentFormat::PoliceUk;
  });
  if (!cfg.time_windows || !cfg.inputs_have_times) return;
  // A window's id names its themes and their files: two windows with one id would overwrite each other.
  for (std::size_t k = 0; k < windows.size(); ++k)
    for (std::size_t j = 0; j < k; ++j)
      if (windows[j].id == windows[k].id)
        throw usage_error("config", fmt::format("{} = '{}' is already the id of {}. Give each window its own id.",
                                                id_at[k], windows[k].id, id_at[j]));
  std::vector<Theme>& themes = cfg.taxonomy.themes;
  const std::size_t base_count = themes.size();
  for (std::size_t k = 0; k < windows.size(); ++k) {
    TimeWindow& w = windows[k];
    if (w.themes.empty())
      for (std::size_t i = 0; i < base_count; ++i) w.themes.push_back(themes[i].id);
    std::vector<std::string> used;
    for (const std::string& id : w.themes) {
      const int base = cfg.taxonomy.theme_index(id);
      if (base < 0 || static_cast<std::size_t>(base) >= base_count) {
        if (!explicit_windows) continue;  // a default window for a theme this taxonomy lacks
        throw usage_error("config", fmt::format("{}: windows[{}] names theme '{}', which is not a theme of this run.",
                                                file, k, id));
      }
      Theme t = window_theme(themes, static_cast<std::size_t>(base), w, static_cast<int>(cfg.windows.size()));
      if (cfg.taxonomy.theme_index(t.id) >= 0)
        throw usage_error("config", fmt::format("{}: the window theme '{}' (theme '{}' in window '{}') has the id of "
                                                "another theme, so their files would overwrite each other. Rename "
                                                "the window or the theme '{}'.", explicit_windows ? id_at[k] : file,
                                                t.id, id, w.id, t.id));
      themes.push_back(std::move(t));
      used.push_back(id);
    }
    if (used.empty()) continue;
    w.themes = used;
    cfg.windows.push_back(w);
  }
}

void finish_taxonomy(Taxonomy& tax) {
  std::set<std::string> flags;
  for (const auto& theme : tax.themes)
    for (const auto& rule : theme.rules)
      if (!rule.flag.empty()) flags.insert(rule.flag);
  tax.flag_names.assign(flags.begin(), flags.end());
  if (tax.themes.size() > 64) throw usage_error("config", "at most 64 themes are supported");
  if (tax.flag_names.size() > 32) throw usage_error("config", "at most 32 flags are supported");
}

}  // namespace hotspot
