#include "app/config/config.hpp"

#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <fmt/format.h>
#include <set>
#include <toml++/toml.h>

#include "app/config/config_schema.hpp"
#include "app/config/option_checks.hpp"
#include "app/config/shipped_taxonomy.hpp"
#include "io/date_parser.hpp"
#include "app/config/suggest.hpp"
#include "core/error.hpp"
#include "geo/crs_transform.hpp"
#include "io/mapped_file.hpp"

namespace hotspot {
namespace fs = std::filesystem;
namespace {

// A value as the user wrote it, for messages (1e+09, inf, 4294967297).
std::string toml_text(const toml::node& n) {
  if (const auto i = n.value_exact<std::int64_t>()) return std::to_string(*i);
  if (const auto d = n.value_exact<double>()) return fmt::format("{}", *d);
  return "?";
}

struct Where {
  std::string file;  // for messages
  std::string path;  // dotted path of the table, e.g. "themes.asb"
  std::string at(const toml::node& n, std::string_view key) const {
    const auto& src = n.source();
    const std::string line = src.begin.line ? fmt::format(":{}", src.begin.line) : "";
    return fmt::format("{}{}: {}{}{}", file, line, path, path.empty() ? "" : ".", key);
  }
};

// Every number must be finite and in the option's range (config_schema), so
// the readers below can cast and use values without checks of their own.
void check_range(const toml::node& v, const OptionSpec& spec, const std::string& at) {
  const auto check = [&](const toml::node& n) {
    const double d = n.value<double>().value_or(0);
    if (!std::isfinite(d) || !spec.range.contains(d))
      throw usage_error("config", fmt::format("{} = {} is out of range: it must be {}.", at, toml_text(n),
                                              range_text(spec.range)));
  };
  if (spec.type == ValueType::Number || spec.type == ValueType::Integer) check(v);
  if (spec.type == ValueType::NumberList)
    for (const auto& e : *v.as_array()) check(e);
}

// Rejects keys the schema does not declare for `schema_table`, and values of
// the wrong type or out of range.
void check_keys(const toml::table& t, std::string_view schema_table, const Where& where) {
  const std::vector<std::string> known = keys_of(schema_table);
  for (auto&& [k, v] : t) {
    const std::string key(k.str());
    const OptionSpec* spec = find_option(schema_table, key);
    if (!spec)
      throw usage_error("config", fmt::format("{} is not a known option.{} Known options here: {}.",
                                              where.at(v, key), did_you_mean(key, known),
                                              fmt::join(known, ", ")));
    bool ok = false;
    switch (spec->type) {
      case ValueType::String: ok = v.is_string(); break;
      case ValueType::Number: ok = v.is_number(); break;
      case ValueType::Integer: ok = v.is_integer(); break;
      case ValueType::Bool: ok = v.is_boolean(); break;
      case ValueType::StringList:
        ok = v.is_string() || (v.is_array() && v.as_array()->is_homogeneous(toml::node_type::string));
        break;
      case ValueType::NumberList:
        ok = v.is_array() && std::all_of(v.as_array()->begin(), v.as_array()->end(),
                                         [](const toml::node& e) { return e.is_number(); });
        break;
      case ValueType::Table: ok = v.is_table(); break;
      case ValueType::TableList: ok = v.is_array_of_tables() || v.is_table(); break;
    }
    if (!ok)
      throw usage_error("config", fmt::format("{} must be {}.", where.at(v, key), type_name(spec->type)));
    check_range(v, *spec, where.at(v, key));
    if (!spec->choices.empty()) {
      const std::string value(v.as_string()->get());
      if (std::find(spec->choices.begin(), spec->choices.end(), value) == spec->choices.end())
        throw usage_error("config", fmt::format("{} = '{}' is not one of: {}.{}", where.at(v, key), value,
                                                fmt::join(spec->choices, ", "), did_you_mean(value, spec->choices)));
    }
  }
}

// A value check_keys has checked, as its declaration's type.
OptionValue value_of(const toml::node& v, ValueType type) {
  switch (type) {
    case ValueType::String: return std::string(v.as_string()->get());
    case ValueType::Number: return v.value<double>().value_or(0);
    case ValueType::Integer: return v.value<std::int64_t>().value_or(0);
    case ValueType::Bool: return v.value<bool>().value_or(false);
    case ValueType::StringList: {
      std::vector<std::string> out;
      if (v.is_string()) out.emplace_back(v.as_string()->get());
      else
        for (const auto& e : *v.as_array()) out.emplace_back(e.as_string()->get());
      return out;
    }
    case ValueType::NumberList: {
      std::vector<double> out;
      for (const auto& e : *v.as_array()) out.push_back(e.value<double>().value_or(0));
      return out;
    }
    case ValueType::Table:
    case ValueType::TableList: break;  // read by dedicated readers
  }
  return std::monostate{};
}

// Checks table `t` against the declarations of `table`, then stores every key
// bound to a member of T (config_schema.cpp) into `target`, in declaration
// order. A value its declaration refuses is reported at its key.
template <class T>
void apply_options(const toml::table& t, std::string_view table, const Where& where, T& target) {
  check_keys(t, table, where);
  for (const OptionSpec& spec : option_specs()) {
    if (spec.table != table) continue;
    const auto* binding = std::get_if<Binding<T>>(&spec.binding);
    const toml::node* node = t.get(spec.key);
    if (!binding || !node) continue;
    try {
      binding->set(target, value_of(*node, spec.type));
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Internal) throw;
      throw Error(e.kind(), "config", fmt::format("{}: {}", where.at(*node, spec.key), e.what()));
    }
  }
}

std::string get_string(const toml::table& t, std::string_view key, std::string fallback = {}) {
  if (const auto* v = t.get(key); v && v->is_string()) return std::string(v->as_string()->get());
  return fallback;
}

std::vector<std::string> get_strings(const toml::table& t, std::string_view key) {
  std::vector<std::string> out;
  const auto* v = t.get(key);
  if (!v) return out;
  if (v->is_string()) {
    out.emplace_back(v->as_string()->get());
  } else if (const auto* arr = v->as_array()) {
    for (const auto& e : *arr) out.emplace_back(e.as_string()->get());
  }
  return out;
}

std::string resolve(const fs::path& base, const std::string& p) {
  if (p.empty()) return p;
  const fs::path path(p);
  return (path.is_absolute() ? path : base / path).lexically_normal().string();
}

bool is_snake_case(std::string_view id) {
  if (id.empty() || !std::islower(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

std::vector<ThemeRule> read_rules(const toml::node& match, const Where& where) {
  std::vector<ThemeRule> rules;
  auto read_one = [&](const toml::table& r) {
    check_keys(r, "match", where);
    ThemeRule rule;
    rule.categories = get_strings(r, "category");
    rule.subcategories = get_strings(r, "subcategory");
    rule.flag = get_string(r, "flag");
    if (rule.categories.empty() && rule.subcategories.empty() && rule.flag.empty())
      throw usage_error("config", fmt::format("{}: a match rule needs category, subcategory or flag.",
                                              where.at(r, "match")));
    rules.push_back(std::move(rule));
  };
  if (const auto* t = match.as_table()) {
    read_one(*t);
  } else {
    for (const auto& e : *match.as_array()) read_one(*e.as_table());
  }
  return rules;
}

// Applies one [themes.<id>] table on top of `theme` (which may be new).
void apply_theme(Theme& theme, const toml::table& t, const Where& where) {
  apply_options(t, "themes", where, theme);
  if (theme.label.empty()) theme.label = theme.id;
  if (const auto* m = t.get("match")) theme.rules = read_rules(*m, where);
}

void merge_themes(std::vector<Theme>& themes, const toml::table& root, const std::string& file) {
  const auto* node = root.get("themes");
  if (!node) return;
  const auto* tbl = node->as_table();
  if (!tbl) throw usage_error("config", fmt::format("{}: 'themes' must be a table of [themes.<id>] tables.", file));
  for (auto&& [k, v] : *tbl) {
    const std::string id(k.str());
    const Where where{file, "themes." + id};
    if (!is_snake_case(id))
      throw usage_error("config", fmt::format("{}: theme id '{}' must be snake_case (a-z, 0-9, _).",
                                              where.at(v, ""), id));
    if (!v.is_table())
      throw usage_error("config", fmt::format("{} must be a table.", where.at(v, "")));
    auto it = std::find_if(themes.begin(), themes.end(), [&](const Theme& t) { return t.id == id; });
    if (it == themes.end()) {
      Theme t;
      t.id = id;
      t.min_count = id == "vawg" ? 5 : 0;  // the disclosure default for VAWG
      themes.push_back(std::move(t));
      it = themes.end() - 1;
    }
    apply_theme(*it, *v.as_table(), where);
    if (it->rules.empty())
      throw usage_error("config", fmt::format("{}: theme '{}' has no match rules; add match = [{{ category = "
                                              "\"...\" }}].", file, id));
  }
}

toml::table parse_toml(const fs::path& file) {
  try {
    return toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw usage_error("config", fmt::format("{}:{}:{}: {}", file.string(), e.source().begin.line,
                                            e.source().begin.column, e.description()));
  }
}

// The system's limits on path names, checked up front: past them open() and
// mkdir() fail with ENAMETOOLONG deep inside a stage.
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
      throw bad_input("config", fmt::format("{}: no file matches '{}' (resolved to {}).", where, pattern, full));
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  for (const auto& f : files) require_regular_file(f, where);
  return files;
}

IncidentSource read_incident_source(const toml::table& t, const fs::path& base, const Where& where) {
  IncidentSource s;
  apply_options(t, "incidents", where, s);
  if (s.name.empty()) s.name = std::string(name_of(s.format));
  if (const auto* flags = t["flags"].as_table()) {
    for (auto&& [k, v] : *flags) {
      if (!v.is_string())
        throw usage_error("config", fmt::format("{}: flags.{} must name a column.", where.at(v, "flags"), k.str()));
      s.flags.emplace_back(std::string(k.str()), std::string(v.as_string()->get()));
    }
  }
  const std::vector<std::string> patterns = get_strings(t, "paths");
  if (patterns.empty())
    throw usage_error("config", fmt::format("{}: set paths = [\"...\"] to the incident files.", where.at(t, "paths")));
  s.paths = expand_paths(patterns, base, where.at(t, "paths"));
  if (s.format != IncidentFormat::Ogr && s.crs.empty())
    throw usage_error("config", fmt::format("{}: set crs (e.g. \"EPSG:27700\" for easting/northing, "
                                            "\"EPSG:4326\" for lon/lat).", where.at(t, "crs")));
  return s;
}

Taxonomy taxonomy_from(const toml::table& root, const std::string& file) {
  for (auto&& [k, v] : root) {
    const std::string key(k.str());
    if (key != "taxonomy" && key != "themes")
      throw usage_error("config", fmt::format("{}: '{}' is not a taxonomy table.{} A taxonomy file has "
                                              "[taxonomy] and [themes.<id>] tables.", file, key,
                                              did_you_mean(key, {"taxonomy", "themes"})));
  }
  Taxonomy tax;
  if (const auto* t = root["taxonomy"].as_table()) {
    check_keys(*t, "taxonomy", Where{file, "taxonomy"});
    tax.known_categories = get_strings(*t, "known_categories");
  }
  merge_themes(tax.themes, root, file);
  return tax;
}

TimeWindow read_window(const toml::table& t, const Where& where) {
  check_keys(t, "windows", where);
  TimeWindow w;
  w.id = get_string(t, "id");
  if (!is_snake_case(w.id))
    throw usage_error("config", fmt::format("{}: give the window an id in snake_case, e.g. id = \"nte\".",
                                            where.at(t, "id")));
  w.label = get_string(t, "label", w.id);
  const std::vector<std::string> days = get_strings(t, "days");
  if (days.empty())
    throw usage_error("config", fmt::format("{}: list the days the window starts on, e.g. days = [\"Fri\", "
                                            "\"Sat\"].", where.at(t, "days")));
  for (const std::string& d : days) {
    const int wd = parse_weekday(d);
    if (wd < 0)
      throw usage_error("config", fmt::format("{}: '{}' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun.",
                                              where.at(t, "days"), d));
    w.days[static_cast<std::size_t>(wd)] = true;
  }
  for (const auto& [key, minute] : {std::pair{"start", &w.start}, std::pair{"end", &w.end}}) {
    std::int16_t m = -1;
    const std::string text = get_string(t, key);
    if (!parse_time_of_day(text, m))
      throw usage_error("config", fmt::format("{}: '{}' is not a time of day; write HH:MM, e.g. \"22:30\".",
                                              where.at(t, key), text));
    *minute = m;
  }
  w.themes = get_strings(t, "themes");
  return w;
}

// The [[windows]] (or the default two) become window themes: <theme>_<window>,
// the theme's incidents whose time falls in the window. police.uk has no time
// of day, so inputs that are all police.uk get none (the report says why).
void read_windows(const toml::table& root, const std::string& fname, RunConfig& cfg) {
  std::vector<TimeWindow> windows;
  std::vector<std::string> where_read;  // "run.toml:24: windows[0]", per window, for messages
  const bool explicit_windows = root.contains("windows");
  if (explicit_windows) {
    std::size_t n = 0;
    for (const auto& item : *root.get("windows")->as_array()) {
      const Where where{fname, fmt::format("windows[{}]", n++)};
      windows.push_back(read_window(*item.as_table(), where));
      where_read.push_back(where.at(*item.as_table(), "id"));
      // A window's id names its themes and their files: two windows with one id would overwrite each other.
      for (std::size_t k = 0; k + 1 < windows.size(); ++k)
        if (windows[k].id == windows.back().id)
          throw usage_error("config", fmt::format("{} = '{}' is already the id of {}. Give each window its own id.",
                                                  where_read.back(), windows.back().id, where_read[k]));
      if (const auto twice = first_repeated(windows.back().themes))
        throw usage_error("config", fmt::format("{}: themes lists '{}' twice. List each theme once.",
                                                where.at(*item.as_table(), "themes"), *twice));
    }
  } else {
    windows = default_time_windows();
  }
  cfg.inputs_have_times = std::any_of(cfg.incidents.begin(), cfg.incidents.end(), [](const IncidentSource& s) {
    return s.format != IncidentFormat::PoliceUk;
  });
  if (!cfg.time_windows || !cfg.inputs_have_times) return;
  std::vector<Theme>& themes = cfg.taxonomy.themes;
  const std::size_t base_count = themes.size();
  for (std::size_t k = 0; k < windows.size(); ++k) {
    TimeWindow& w = windows[k];
    if (w.themes.empty())
      for (std::size_t i = 0; i < base_count; ++i) w.themes.push_back(themes[i].id);
    std::vector<std::string> used;
    for (const std::string& id : w.themes) {
      const auto base = std::find_if(themes.begin(), themes.begin() + static_cast<long>(base_count),
                                     [&](const Theme& th) { return th.id == id; });
      if (base == themes.begin() + static_cast<long>(base_count)) {
        if (!explicit_windows) continue;  // a default window for a theme this taxonomy lacks
        throw usage_error("config", fmt::format("{}: windows[{}] names theme '{}', which is not a theme of this run.",
                                                fname, k, id));
      }
      Theme t = *base;
      t.id = base->id + "_" + w.id;
      if (std::any_of(themes.begin(), themes.end(), [&](const Theme& th) { return th.id == t.id; }))
        throw usage_error("config", fmt::format("{}: the window theme '{}' (theme '{}' in window '{}') has the id of "
                                                "another theme, so their files would overwrite each other. Rename "
                                                "the window or the theme '{}'.",
                                                explicit_windows ? where_read[k] : fname, t.id, id, w.id, t.id));
      t.label = fmt::format("{} \u2014 {}", base->label, w.label);
      t.rules.clear();
      t.target.reset();
      t.export_points = false;  // its points are among its base theme's
      t.base = static_cast<int>(base - themes.begin());
      t.window = static_cast<int>(cfg.windows.size());
      used.push_back(id);
      themes.push_back(std::move(t));
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

void apply_override(toml::table& root, const Override& o, const std::string& file) {
  const OptionSpec* spec = find_option(o.table, o.key);
  if (!spec) throw internal_error("config", "no option " + o.table + "." + o.key);
  if (!root.contains(o.table)) root.insert(o.table, toml::table{});
  toml::table* table = root[o.table].as_table();
  if (!table)
    throw usage_error("config", fmt::format("{}: '{}' must be a table ([{}]), so {} cannot set {}.{}. Write [{}] "
                                            "with its keys under it.",
                                            Where{file, ""}.at(*root.get(o.table), o.table), o.table, o.table,
                                            spec->cli_flag, o.table, o.key, o.table));
  toml::table& t = *table;
  try {
    switch (spec->type) {
      case ValueType::Number: t.insert_or_assign(o.key, std::stod(o.value)); break;
      case ValueType::Integer: t.insert_or_assign(o.key, static_cast<std::int64_t>(std::stoll(o.value))); break;
      case ValueType::Bool: t.insert_or_assign(o.key, o.value == "true"); break;
      default: t.insert_or_assign(o.key, o.value); break;
    }
  } catch (const std::exception&) {
    throw usage_error("config", fmt::format("{}: '{}' is not {}.", spec->cli_flag, o.value, type_name(spec->type)));
  }
}

const toml::table& table_or_empty(const toml::table& root, std::string_view name) {
  static const toml::table empty;  // an immutable empty table: no state
  return root[name].as_table() ? *root[name].as_table() : empty;
}

VenueSource read_venue_source(const toml::table& t, const fs::path& base, const Where& where) {
  VenueSource v;
  apply_options(t, "venues", where, v);
  if (const auto* f = t["filter"].as_table())
    for (auto&& [k, val] : *f) {
      if (!val.is_string())
        throw usage_error("config", fmt::format("{}: filter values are text to compare with.", where.at(val, "filter")));
      v.filter.emplace_back(std::string(k.str()), std::string(val.as_string()->get()));
    }
  const std::vector<std::string> patterns = get_strings(t, "paths");
  if (patterns.empty())
    throw usage_error("config", fmt::format("{}: set paths = [\"...\"] to the venue files.", where.at(t, "paths")));
  v.paths = expand_paths(patterns, base, where.at(t, "paths"));
  if (!v.ogr && (v.x.empty() || v.y.empty()))
    throw usage_error("config", fmt::format("{}: set x and y to the coordinate columns.", where.at(t, "x")));
  return v;
}

// [programme] mix: theme = weight, a table of its own.
void read_programme_mix(const toml::table& root, const Where& where, RunConfig& cfg) {
  const toml::table* mix = table_or_empty(root, "programme")["mix"].as_table();
  if (!mix) return;
  for (auto&& [k, v] : *mix) {
    const std::string id(k.str());
    try {
      check_theme_ids(cfg, {id});
    } catch (const Error& e) {
      throw usage_error("config", fmt::format("{}: {}", where.at(v, "mix"), e.what()));
    }
    const auto w = v.value<double>();
    if (!w || !std::isfinite(*w) || *w <= 0)
      throw usage_error("config", fmt::format("{}: mix weights must be positive numbers.", where.at(v, "mix")));
    cfg.programme.mix.emplace_back(id, *w);
  }
}

// [context]: the path is resolved and checked now, as the layer is only read
// when the report is drawn, after every other stage.
void resolve_context(const toml::table& root, const Where& where, RunConfig& cfg) {
  const toml::table& t = table_or_empty(root, "context");
  ContextConfig& c = cfg.context;
  c.path = resolve(cfg.base_dir, c.path);
  if (c.path.empty()) return;
  check_path_length(c.path, where.at(t, "path"));
  if (!fs::exists(c.path))
    throw bad_input("config", fmt::format("{}: '{}' does not exist. Check context.path.", where.at(t, "path"), c.path));
  require_regular_file(c.path, where.at(t, "path"));
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

// The output folder must be apart from the inputs. Equal to an input's
// folder, outputs mix with inputs; holding an input, a rerun replaces it;
// inside an input folder, it is refused only where an incident or venue
// pattern (e.g. data/*/*.csv) would read the files it writes next run. So out/
// beside the config, the wards or the month files, the default, is fine.
void check_output_apart(const RunConfig& cfg, const toml::table& root, const std::string& fname) {
  // Both folders a run replaces whole: the pack and the restricted folder beside it.
  struct Folder {
    fs::path path;
    const char* what;
    const char* key;
    std::vector<const char*> written;
  };
  const std::vector<Folder> folders = {
      {cfg.restricted_output, "restricted folder", "run.restricted_output", {"rejects.csv", "manifest.json"}},
      {cfg.output, "output folder", "run.output (or --out)", {"ward_summary.csv", "wards.geojson", "manifest.json"}}};
  for (const Folder& folder : folders) {
    const auto refuse = [&](const std::string& problem) {
      throw usage_error("config", fmt::format("{}: the {} '{}' {}. Keep outputs apart from inputs: set {} to a "
                                              "folder of its own.",
                                              fname, folder.what, folder.path.string(), problem, folder.key));
    };
    const fs::path out = fs::weakly_canonical(folder.path);
    auto check = [&](const std::string& file) {
      if (file.empty()) return;
      const fs::path in = fs::weakly_canonical(file);
      if (out == in.parent_path()) refuse(fmt::format("is the folder of the input '{}'", file));
      if (is_within(in, out)) refuse(fmt::format("contains the input '{}'", file));
    };
    for (const auto& src : cfg.incidents)
      for (const auto& f : src.paths) check(f);
    for (const auto& src : cfg.venues)
      for (const auto& f : src.paths) check(f);
    check(cfg.wards.path);
    check(cfg.population.path);
    check(cfg.taxonomy_path);
    check(cfg.config_path.string());
    for (const char* table : {"incidents", "venues"}) {
      const toml::array* list = root[table].as_array();
      for (std::size_t i = 0; list && i < list->size(); ++i)
        for (const auto& pattern : get_strings(*(*list)[i].as_table(), "paths")) {
          const std::string full = resolve(cfg.base_dir, pattern);
          for (const char* written : folder.written)
            if (::fnmatch(full.c_str(), (folder.path / written).c_str(), FNM_PATHNAME) == 0)
              refuse(fmt::format("is where {}[{}].paths '{}' would read its {} next run", table, i, pattern, written));
        }
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

// The checks that involve more than one option, all in one place, once every
// option is read and before any work starts.
void check_option_combinations(const RunConfig& cfg, const toml::table& root, const std::string& fname) {
  const EmergingConfig& e = cfg.emerging;
  if (e.recent >= e.months)
    throw usage_error("config", fmt::format("{}: {} must be fewer than emerging.months ({}), so there are earlier "
                                            "months to compare with.",
                                            Where{fname, "emerging"}.at(table_or_empty(root, "emerging"), "recent"),
                                            e.recent, e.months));
  if (!cfg.forward_plan.dates.empty() && cfg.forward_plan.months > 0)
    throw usage_error("config", fmt::format("{}: give dates or months, not both.",
                                            Where{fname, "forward_plan"}.at(table_or_empty(root, "forward_plan"), "months")));
  if (cfg.areas.field.empty() && !cfg.areas.only.empty())
    throw usage_error("config", fmt::format("{}: name the ward field the areas come from (areas.field or --areas).",
                                            Where{fname, "areas"}.at(table_or_empty(root, "areas"), "only")));
  if (cfg.context.path.empty() && !table_or_empty(root, "context").empty())
    throw usage_error("config", fmt::format("{}: set context.path to the layer to draw.", fname));
  check_output_apart(cfg, root, fname);
}

}  // namespace

Taxonomy load_taxonomy(const fs::path& file) {
  Taxonomy tax = taxonomy_from(parse_toml(file), file.string());
  finish_taxonomy(tax);
  return tax;
}

RunConfig load_config(const fs::path& file, const std::vector<Override>& overrides, bool need_period) {
  if (!fs::exists(file))
    throw usage_error("config", fmt::format("config file '{}' does not exist.", file.string()));
  require_regular_file(file.string(), "the config file");
  toml::table root = parse_toml(file);
  for (const auto& o : overrides) apply_override(root, o, file.string());

  RunConfig cfg;
  cfg.config_path = file;
  cfg.base_dir = fs::absolute(file).lexically_normal().parent_path();
  const std::string fname = file.string();
  const std::vector<std::string> tables = {"run", "wards", "incidents", "themes", "kde", "evaluate", "clusters", "emerging", "venues",
                                           "programme", "forward_plan", "areas", "windows", "report", "context"};
  for (auto&& [k, v] : root) {
    const std::string key(k.str());
    const bool list = key == "incidents" || key == "venues" || key == "windows";
    if (std::find(tables.begin(), tables.end(), key) != tables.end() &&
        !(list ? v.is_array_of_tables() : v.is_table()))
      throw usage_error("config", fmt::format("{} must be {}.", Where{fname, ""}.at(v, key),
                                              list ? "[[" + key + "]] tables" : "a [" + key + "] table"));
    if (std::find(tables.begin(), tables.end(), key) == tables.end())
      throw usage_error("config", fmt::format("{}: '{}' is not a known table.{} Known tables: {}.",
                                              Where{fname, ""}.at(v, key), key, did_you_mean(key, tables),
                                              fmt::join(tables, ", ")));
  }

  const toml::table& run = table_or_empty(root, "run");
  apply_options(run, "run", Where{fname, "run"}, cfg);
  if (cfg.period.label.empty() && need_period)
    throw usage_error("config", fmt::format("{}: no period. Set run.period or pass --period (e.g. 2017-04).", fname));
  require_projected_metric_crs(cfg.crs, Where{fname, "run"}.at(run, "crs"));
  cfg.output = resolve(cfg.base_dir, cfg.output.string());
  if (cfg.output.filename().empty() && cfg.output.has_parent_path()) cfg.output = cfg.output.parent_path();  // "out/"
  check_path_length(cfg.output.string(), Where{fname, "run"}.at(run, "output"));
  // Beside the pack by default, so it is never zipped or emailed with it.
  cfg.restricted_output = cfg.restricted_output.empty() ? cfg.output.string() + "-restricted"
                                                        : resolve(cfg.base_dir, cfg.restricted_output.string());
  check_path_length(cfg.restricted_output.string(), Where{fname, "run"}.at(run, "restricted_output"));

  const toml::table* wards = root["wards"].as_table();
  if (!wards) throw usage_error("config", fmt::format("{}: no [wards] table; set wards.path.", fname));
  apply_options(*wards, "wards", Where{fname, "wards"}, cfg);
  cfg.wards.path = resolve(cfg.base_dir, cfg.wards.path);
  if (cfg.wards.path.empty()) throw usage_error("config", fmt::format("{}: set wards.path.", fname));
  cfg.population.path = resolve(cfg.base_dir, cfg.population.path);
  for (const auto& [path, key] : {std::pair{cfg.wards.path, "path"}, std::pair{cfg.population.path, "population_csv"}}) {
    check_path_length(path, Where{fname, "wards"}.at(*wards, key));
    if (!path.empty()) require_regular_file(path, Where{fname, "wards"}.at(*wards, key));
  }

  const auto* incidents = root.get("incidents");
  if (!incidents || !incidents->is_array_of_tables())
    throw usage_error("config", fmt::format("{}: add at least one [[incidents]] table.", fname));
  std::size_t i = 0;
  for (const auto& item : *incidents->as_array())
    cfg.incidents.push_back(read_incident_source(*item.as_table(), cfg.base_dir,
                                                 Where{fname, fmt::format("incidents[{}]", i++)}));

  // A shipped taxonomy by name ("police-uk"), or a file.
  if (const std::string taxonomy = get_string(run, "taxonomy"); !taxonomy.empty()) {
    const std::string where = Where{fname, "run"}.at(run, "taxonomy");
    check_path_length(resolve(cfg.base_dir, taxonomy), where);
    cfg.taxonomy_path = resolve_taxonomy(taxonomy, cfg.base_dir, where).string();
    cfg.taxonomy_given = taxonomy;
    require_regular_file(cfg.taxonomy_path, Where{fname, "run"}.at(run, "taxonomy"));
    cfg.taxonomy = taxonomy_from(parse_toml(cfg.taxonomy_path), cfg.taxonomy_path);
  }
  merge_themes(cfg.taxonomy.themes, root, fname);
  if (cfg.taxonomy.themes.empty())
    throw usage_error("config", fmt::format("{}: no themes. Set run.taxonomy (see data/themes/) or add "
                                            "[themes.<id>] tables.", fname));
  if (const auto selected = get_strings(run, "themes"); !selected.empty()) {
    if (const auto twice = first_repeated(selected))
      throw usage_error("config", fmt::format("{}: '{}' is listed twice. List each theme once.",
                                              Where{fname, "run"}.at(run, "themes"), *twice));
    std::vector<Theme> chosen;
    for (const auto& id : selected) {
      auto it = std::find_if(cfg.taxonomy.themes.begin(), cfg.taxonomy.themes.end(),
                             [&](const Theme& t) { return t.id == id; });
      if (it == cfg.taxonomy.themes.end()) {
        std::vector<std::string> ids;
        for (const auto& t : cfg.taxonomy.themes) ids.push_back(t.id);
        throw usage_error("config", fmt::format("{}: run.themes names '{}', which is not a theme.{} Themes: {}.",
                                                fname, id, did_you_mean(id, ids), fmt::join(ids, ", ")));
      }
      chosen.push_back(*it);
    }
    cfg.taxonomy.themes = std::move(chosen);
  }
  read_windows(root, fname, cfg);
  finish_taxonomy(cfg.taxonomy);
  // The tables of one scalar option each; programme and forward_plan check
  // theme ids, so they come after the themes.
  for (const char* table : {"kde", "evaluate", "clusters", "emerging", "programme", "forward_plan", "areas", "report",
                            "context"})
    apply_options(table_or_empty(root, table), table, Where{fname, table}, cfg);
  read_programme_mix(root, Where{fname, "programme"}, cfg);
  resolve_context(root, Where{fname, "context"}, cfg);
  if (const auto* venues = root.get("venues")) {
    if (!venues->is_array_of_tables())
      throw usage_error("config", fmt::format("{}: venues must be [[venues]] tables.", fname));
    std::size_t n = 0;
    for (const auto& item : *venues->as_array())
      cfg.venues.push_back(read_venue_source(*item.as_table(), cfg.base_dir, Where{fname, fmt::format("venues[{}]", n++)}));
  }
  check_option_combinations(cfg, root, fname);
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
