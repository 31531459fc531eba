// load_config: the order a run file is read in, table by table, each through
// the declarations (toml_reader), and the checks that involve more than one
// option. Paths: config_paths.cpp; themes and windows: config_themes.cpp.
#include "app/config/config.hpp"

#include <fmt/format.h>

#include "app/config/config_paths.hpp"
#include "app/config/config_schema.hpp"
#include "app/config/config_themes.hpp"
#include "app/config/shipped_taxonomy.hpp"
#include "app/config/suggest.hpp"
#include "app/config/toml_reader.hpp"
#include "core/error.hpp"
#include "geo/crs_transform.hpp"
#include "io/mapped_file.hpp"

namespace hotspot {
namespace fs = std::filesystem;
namespace {

// The run file, parsed, with the command line's overrides written in, and its
// top-level tables checked against the declarations.
toml::table read_run_file(const fs::path& file, const std::vector<Override>& overrides) {
  if (!fs::exists(file))
    throw usage_error("config", fmt::format("config file '{}' does not exist.{}", file.string(),
                                            missing_path_hint(fs::absolute(file))));
  require_regular_file(file.string(), "the config file");
  toml::table root = parse_toml(file);
  for (const auto& o : overrides) apply_override(root, o, file.string());
  check_keys(root, kRunFile, Where{file.string(), ""});
  return root;
}

// Whether the command line set [run] `key` (an override has no line in the file).
bool set_by_flag(const toml::table& run, std::string_view key) {
  const toml::node* v = run.get(key);
  return v && !v->source().begin.line;
}

// [run]: the period, the CRS and the two output folders.
void read_run_table(const toml::table& root, const std::string& fname, const LoadOptions& options, RunConfig& cfg) {
  const toml::table& run = table_or_empty(root, "run");
  const Where where{fname, "run"};
  apply_options(run, "run", where, cfg);
  if (set_by_flag(run, "period")) cfg.period_setting = "--period";
  if (cfg.period.label.empty() && options.need_period)
    throw usage_error("config", fmt::format("{}: no period. Set run.period or pass --period (e.g. 2017-04).", fname));
  require_projected_metric_crs(cfg.crs, where.at(run, "crs"));
  cfg.output = resolve(cfg.base_dir, cfg.output.string());
  if (cfg.output.filename().empty() && cfg.output.has_parent_path()) cfg.output = cfg.output.parent_path();  // "out/"
  // A command other than run writes beside the pack, never into it, unless
  // --out names its folder (LoadOptions::folder_suffix).
  const std::string suffix = options.folder_suffix.empty() ? "" : "-" + options.folder_suffix;
  if (!set_by_flag(run, "output")) cfg.output += suffix;
  check_path_length(cfg.output.string(), where.at(run, "output"));
  // Beside the pack by default, so it is never zipped or emailed with it.
  cfg.restricted_output = cfg.restricted_output.empty()
                              ? cfg.output.string() + "-restricted"
                              : resolve(cfg.base_dir, cfg.restricted_output.string()) + suffix;
  check_path_length(cfg.restricted_output.string(), where.at(run, "restricted_output"));
}

// [wards]: the boundaries and the population CSV, resolved and checked.
void read_wards_table(const toml::table& root, const std::string& fname, RunConfig& cfg) {
  const toml::table& wards = table_or_empty(root, "wards");
  const Where where{fname, "wards"};
  apply_options(wards, "wards", where, cfg);
  cfg.wards.path = resolve(cfg.base_dir, cfg.wards.path);
  cfg.population.path = resolve(cfg.base_dir, cfg.population.path);
  for (const auto& [path, key] : {std::pair{cfg.wards.path, "path"}, std::pair{cfg.population.path, "population_csv"}}) {
    const std::string at = where.at_key(wards, key);
    check_path_length(path, at);
    if (path.empty() || !wards.contains(key)) continue;
    require_existing(path, at);
    require_regular_file(path, at);
  }
}

// [population]: its options, then its two files resolved and checked. The
// [wards] population_csv keys fill the same options (read with [wards]).
void read_population_table(const toml::table& root, const std::string& fname, RunConfig& cfg) {
  const toml::table& t = table_or_empty(root, "population");
  const Where where{fname, "population"};
  apply_options(t, "population", where, cfg);
  PopulationSource& p = cfg.population;
  p.path = resolve(cfg.base_dir, p.path);
  p.areas.path = resolve(cfg.base_dir, p.areas.path);
  if (p.path.empty() && !p.areas.path.empty())
    throw usage_error("config", fmt::format("{}: population.areas needs population.csv, the residents of each area.",
                                            where.at(t, "areas")));
  for (const auto& [path, key] : {std::pair{p.path, "csv"}, std::pair{p.areas.path, "areas"}}) {
    if (path.empty() || !t.contains(key)) continue;
    const std::string at = where.at_key(t, key);
    check_path_length(path, at);
    require_existing(path, at);
    require_regular_file(path, at);
  }
}

// A row's paths (as written: files or globs) as the files they name; the
// patterns are kept, to check that they read nothing a run writes.
std::vector<std::string> input_files(const RunConfig& cfg, const std::vector<std::string>& patterns,
                                     const toml::table& row, const Where& where, std::vector<InputPattern>& kept) {
  for (const std::string& pattern : patterns) kept.push_back({.key = where.path + ".paths", .pattern = pattern});
  return expand_paths(patterns, cfg.base_dir, where.at(row, "paths"));
}

std::vector<IncidentSource> read_incident_sources(const toml::table& root, const std::string& fname,
                                                  const RunConfig& cfg, std::vector<InputPattern>& patterns) {
  auto sources = read_rows<IncidentSource>(root, "incidents", Where{fname, ""},
                                           [&](IncidentSource& s, const toml::table& t, const Where& where) {
    if (s.name.empty()) s.name = std::string(name_of(s.format));
    s.paths = input_files(cfg, s.paths, t, where, patterns);
    if (s.format != IncidentFormat::Ogr && s.crs.empty())
      throw usage_error("config", fmt::format("{}: set crs (e.g. \"EPSG:27700\" for easting/northing, "
                                              "\"EPSG:4326\" for lon/lat).", where.at(t, "crs")));
  });
  if (sources.empty()) throw usage_error("config", fmt::format("{}: add at least one [[incidents]] table.", fname));
  return sources;
}

std::vector<VenueSource> read_venue_sources(const toml::table& root, const std::string& fname, const RunConfig& cfg,
                                            std::vector<InputPattern>& patterns) {
  return read_rows<VenueSource>(root, "venues", Where{fname, ""}, [&](VenueSource& v, const toml::table& t,
                                                                       const Where& where) {
    v.paths = input_files(cfg, v.paths, t, where, patterns);
    if (!v.ogr && (v.x.empty() || v.y.empty()))
      throw usage_error("config", fmt::format("{}: set x and y to the coordinate columns.", where.at(t, "x")));
  });
}

// The taxonomy (a shipped one by name, or a file), the run file's themes on
// top, narrowed to run.themes, and the window themes.
void read_themes(const toml::table& root, const std::string& fname, RunConfig& cfg) {
  const toml::table& run = table_or_empty(root, "run");
  if (!cfg.taxonomy_given.empty()) {
    const std::string where = Where{fname, "run"}.at(run, "taxonomy");
    check_path_length(resolve(cfg.base_dir, cfg.taxonomy_given), where);
    cfg.taxonomy_path = resolve_taxonomy(cfg.taxonomy_given, cfg.base_dir, where).string();
    require_regular_file(cfg.taxonomy_path, where);
    cfg.taxonomy = read_taxonomy_file(cfg.taxonomy_path);
  }
  merge_themes(cfg.taxonomy.themes, root, fname);
  if (cfg.taxonomy.themes.empty())
    throw usage_error("config", fmt::format("{}: no themes. Set run.taxonomy (see data/themes/) or add "
                                            "[themes.<id>] tables.", fname));
  select_themes(cfg, fname);
  add_window_themes(cfg, root, fname);
  finish_taxonomy(cfg.taxonomy);
}

// [context]: the path is resolved and checked now, as the layer is only read
// when the report is drawn, after every other stage.
void resolve_context(const toml::table& root, const std::string& fname, RunConfig& cfg) {
  ContextConfig& c = cfg.context;
  const std::string where = Where{fname, "context"}.at_key(table_or_empty(root, "context"), "path");
  c.path = resolve(cfg.base_dir, c.path);
  if (c.path.empty()) return;
  check_path_length(c.path, where);
  require_existing(c.path, where);
  require_regular_file(c.path, where);
}

// The checks that involve more than one option, all in one place, once every
// option is read and before any work starts.
void check_option_combinations(const RunConfig& cfg, const toml::table& root, const std::vector<InputPattern>& patterns,
                               const std::string& fname) {
  const auto at = [&](const char* table, const char* key) {
    return Where{fname, table}.at(table_or_empty(root, table), key);
  };
  const EmergingConfig& e = cfg.emerging;
  if (e.recent >= e.months)
    throw usage_error("config", fmt::format("{}: {} must be fewer than emerging.months ({}), so there are earlier "
                                            "months to compare with.", at("emerging", "recent"), e.recent, e.months));
  if (!cfg.forward_plan.dates.empty() && cfg.forward_plan.months > 0)
    throw usage_error("config", fmt::format("{}: give dates or months, not both.", at("forward_plan", "months")));
  if (cfg.areas.field.empty() && !cfg.areas.only.empty())
    throw usage_error("config", fmt::format("{}: name the ward field the areas come from (areas.field or --areas).",
                                            at("areas", "only")));
  if (cfg.context.path.empty() && !table_or_empty(root, "context").empty())
    throw usage_error("config", fmt::format("{}: set context.path to the layer to draw.", fname));
  check_outputs_apart(cfg, patterns, fname);
}

}  // namespace

Taxonomy load_taxonomy(const fs::path& file) {
  Taxonomy tax = read_taxonomy_file(file);
  finish_taxonomy(tax);
  return tax;
}

RunConfig load_config(const fs::path& file, const std::vector<Override>& overrides, const LoadOptions& options) {
  const toml::table root = read_run_file(file, overrides);
  const std::string fname = file.string();
  RunConfig cfg;
  cfg.config_path = file;
  cfg.base_dir = fs::absolute(file).lexically_normal().parent_path();
  // [run] and [wards] first: the other tables' paths resolve against the
  // output folder, and the window themes need the incident formats.
  read_run_table(root, fname, options, cfg);
  read_wards_table(root, fname, cfg);
  read_population_table(root, fname, cfg);
  std::vector<InputPattern> patterns;  // of the incident and venue files, as written
  cfg.incidents = read_incident_sources(root, fname, cfg, patterns);
  read_themes(root, fname, cfg);
  // Every other [table] of one scalar option each, in declaration order; after
  // the themes, as programme and forward_plan check theme ids.
  for (const OptionSpec& spec : option_specs())
    if (spec.table == kRunFile && spec.type == ValueType::Table && spec.key != "run" && spec.key != "wards" &&
        spec.key != "population")
      apply_options(table_or_empty(root, spec.key), spec.key, Where{fname, std::string(spec.key)}, cfg);
  resolve_context(root, fname, cfg);
  cfg.venues = read_venue_sources(root, fname, cfg, patterns);
  check_option_combinations(cfg, root, patterns, fname);
  return cfg;
}

std::string display_path(const RunConfig& config, const std::string& path) {
  // Relative to the config when the file sits under it (portable across
  // clones); otherwise as given, rather than a chain of "../".
  const std::string rel =
      std::filesystem::absolute(path).lexically_normal().lexically_relative(config.base_dir.lexically_normal()).string();
  return rel.empty() || rel.rfind("..", 0) == 0 ? path : rel;
}

}  // namespace hotspot
