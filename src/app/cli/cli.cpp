#include "app/cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <iostream>
#include <iterator>
#include <map>
#include <ostream>

#include "app/config/config.hpp"
#include "app/config/config_schema.hpp"
#include "app/config/suggest.hpp"
#include "app/cli/init_command.hpp"
#include "app/run/pipeline.hpp"
#include "app/config/shipped_taxonomy.hpp"
#include "app/run/areas.hpp"
#include "core/error.hpp"

namespace hotspot {
namespace {

struct CommandOptions {
  std::string config;
  RunOptions run;  // --quiet, --verbose, --force
  std::map<const OptionSpec*, std::string> overrides;
};

// The commands that run the pipeline, or a part of it, from a run file; each
// takes the run file, --quiet, --verbose, --force and every option's flag
// (add_common). Every command but run and validate writes to a folder of its
// own beside the pack, <run.output>-<command>, unless --out names one.
struct PipelineCommand {
  Mode mode;
  const char* name;
  const char* folder;   // "": writes run.output; else its own <run.output>-<folder> unless --out is given
  const char* does;     // the help's first line
  const char* example;  // the help's second line, after "Example: "
};

const PipelineCommand kPipelineCommands[] = {
    {Mode::Run, "run", "",
     "The monthly tasking pack: ward table and layer, forecast hotspots with change on their own past, clusters, Gi* "
     "and emerging hot spots, time windows and the hour table, repeat locations, venues and the forward plan, QGIS "
     "project, A4 report, manifest.",
     "hotspot run data/sample/hotspot.toml --period 2025-11 --out out/nov"},
    {Mode::Validate, "validate", "", "Read and reconcile the inputs; print the account, write nothing.",
     "hotspot validate data/sample/hotspot.toml"},
    {Mode::Wards, "wards", "wards",
     "Ward statistics only: wards.geojson, ward_summary.csv, in <run.output>-wards (or --out); never replaces a pack.",
     "hotspot wards data/sample/hotspot.toml --out out/wards"},
    {Mode::Kde, "kde", "kde",
     "Hotspots only: the forecast hotspots and the period's KDE surfaces, in <run.output>-kde (or --out); never "
     "replaces a pack.",
     "hotspot kde data/sample/hotspot.toml --coverage 0.05"},
    {Mode::Clusters, "clusters", "clusters",
     "DBSCAN, NNH and Gi* clusters only, in <run.output>-clusters (or --out); never replaces a pack.",
     "hotspot clusters data/sample/hotspot.toml --eps 150"},
    {Mode::Venues, "venues", "venues",
     "Roadshow venue planner (computes the hotspots it needs), in <run.output>-venues (or --out); never replaces a "
     "pack.",
     "hotspot venues data/sample/hotspot.toml"},
    {Mode::Evaluate, "evaluate", "evaluation",
     "Backtest the hotspot methods on every month the inputs cover: evaluation.csv, evaluation_summary.csv, "
     "evaluation.html, in <run.output>-evaluation (or --out); never replaces a pack (run.period is not needed).",
     "hotspot evaluate data/sample/hotspot.toml --out out/backtest"},
};

void add_common(CLI::App* cmd, CommandOptions& o) {
  cmd->add_option("config", o.config, "Run description (TOML), e.g. data/sample/hotspot.toml")->required();
  cmd->add_flag("-q,--quiet", o.run.quiet, "Print only warnings, errors and the final line (no progress)");
  cmd->add_flag("-v,--verbose", o.run.verbose,
                "Print a line for every input file (by default only files with rejects, up to 10)");
  cmd->add_flag("--force", o.run.force,
                "Replace an output folder that holds another area's, run file's or command's output (never a pack, "
                "for any command but run)");
  for (const OptionSpec& spec : option_specs()) {
    if (spec.cli_flag.empty()) continue;
    if (spec.type == ValueType::Bool) {  // a switch: present means true
      cmd->add_flag_callback(std::string(spec.cli_flag), [&o, &spec]() { o.overrides[&spec] = "true"; },
                             fmt::format("{} (overrides {}.{})", spec.help, spec.table, spec.key));
      continue;
    }
    cmd->add_option_function<std::string>(
        std::string(spec.cli_flag), [&o, &spec](const std::string& v) { o.overrides[&spec] = v; },
        fmt::format("{} (overrides {}.{})", spec.help, spec.table, spec.key));
  }
}

std::vector<Override> to_overrides(const CommandOptions& o) {
  std::vector<Override> out;
  for (const auto& [spec, value] : o.overrides) {
    std::string v = value;
    // Paths typed on the command line are relative to where the user is, not to the config file.
    const auto names = shipped_taxonomy_names();
    const bool shipped = spec->key == "taxonomy" && std::find(names.begin(), names.end(), v) != names.end();
    if (spec->is_path && !shipped)
      v = std::filesystem::absolute(v).lexically_normal().string();
    out.push_back(Override{std::string(spec->table), std::string(spec->key), v});
  }
  return out;
}

// Every name an option of `cmd` answers to: --long and -s.
std::vector<std::string> flag_names(const CLI::App& cmd) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : cmd.get_options()) {
    for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : opt->get_snames()) names.push_back("-" + s);
  }
  return names;
}

// Whether `name` (as typed, without any "=value") is an option of `cmd` that takes a value.
bool takes_value(const CLI::App& cmd, const std::string& name) {
  for (const CLI::Option* opt : cmd.get_options())
    if (opt->check_name(name)) return opt->get_type_size_max() > 0;
  return false;
}

// A command-line mistake said as the run file's are: the word not understood
// and the nearest command or flag. Empty when every command and flag of argv
// is known (CLI11's own message then stands: a missing value or argument).
std::string command_line_mistake(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
  const CLI::App* cmd = &app;  // the command the words belong to
  bool after_value_option = false;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (after_value_option) {  // the value of the option before it, whatever it looks like
      after_value_option = false;
      continue;
    }
    if (word == "--") break;  // the rest are arguments
    const bool flag = word.size() > 1 && word[0] == '-' && !std::isdigit(static_cast<unsigned char>(word[1])) &&
                      word[1] != '.';
    if (flag) {
      const std::string name = word.substr(0, word.find('='));
      const std::vector<std::string> known = flag_names(*cmd);
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        const std::string where = cmd == &app ? "hotspot" : "hotspot " + cmd->get_name();
        return fmt::format("{} is not an option of `{}`.{} `{} --help` lists them.", name, where,
                           did_you_mean(name, known), where);
      }
      after_value_option = word.find('=') == std::string::npos && takes_value(*cmd, name);
      continue;
    }
    if (cmd != &app) continue;  // an argument of the command (its run file)
    if (std::find(commands.begin(), commands.end(), word) == commands.end())
      return fmt::format("'{}' is not a hotspot command.{} The commands: {}.", word, did_you_mean(word, commands),
                         fmt::join(commands, ", "));
    cmd = app.get_subcommand(word);
  }
  if (cmd == &app)
    return fmt::format("name a command: {} (`hotspot --help` says what each does).", fmt::join(commands, ", "));
  return {};
}

}  // namespace

int run_cli(int argc, char** argv, std::ostream& out) {
  CLI::App app{"hotspot: monthly crime and ASB hotspot packs for community safety partnerships"};
  app.set_version_flag("--version", std::string("hotspot ") + HOTSPOT_VERSION);
  app.require_subcommand(1);

  // One subcommand per pipeline command, each with its own options (CLI11 binds them per subcommand).
  std::vector<CommandOptions> command_opts(std::size(kPipelineCommands));
  std::vector<CLI::App*> commands;
  for (std::size_t i = 0; i < command_opts.size(); ++i) {
    const PipelineCommand& c = kPipelineCommands[i];
    commands.push_back(app.add_subcommand(c.name, fmt::format("{}\nExample: {}", c.does, c.example)));
    add_common(commands.back(), command_opts[i]);
  }
  InitOptions init_opts;
  CLI::App* init = app.add_subcommand(
      "init", "Write a working, commented run file from a ward layer and incident files.\n"
              "Example: hotspot init --wards London_Ward.shp --where \"BOROUGH = 'Havering'\" "
              "--incidents 'police-uk/havering/*.csv'");
  init->add_option("--wards", init_opts.wards, "Ward boundaries: any OGR vector source")->required();
  init->add_option("--layer", init_opts.layer, "Layer of the ward source (default: the first)");
  init->add_option("--where", init_opts.where, "OGR attribute filter on the wards, e.g. BOROUGH = 'Havering'");
  init->add_option("--incidents,--police-uk", init_opts.incidents, "Incident CSV files or quoted globs")->required();
  init->add_option("--area", init_opts.area, "Name of the area (default: the value in --where)");
  init->add_option("--period", init_opts.period, "Period to report (default: the latest month in the incidents)");
  init->add_option("--output", init_opts.output,
                   "Pack folder the run file names, relative to it (default: out/<area>, e.g. out/havering, so areas "
                   "set up side by side never share a folder)");
  init->add_option("--config", init_opts.file, "The run file to write")->capture_default_str();
  init->add_flag("--force", init_opts.force, "Overwrite an existing run file");
  CLI::App* options = app.add_subcommand("options", "List every configuration option with its default and flag.\nExample: hotspot options");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version exit 0; a misspelt command or flag is a usage error
    // with "did you mean"; any other command-line mistake is CLI11's to say.
    if (e.get_exit_code() != 0)
      if (const std::string mistake = command_line_mistake(app, argc, argv); !mistake.empty())
        throw usage_error("command line", mistake);
    return app.exit(e, out, std::cerr) == 0 ? 0 : 2;
  }

  if (*init) {
    run_init(init_opts, out);
    return 0;
  }
  if (*options) {
    for (const OptionSpec& s : option_specs())
      fmt::print(out, "{:<10} {:<22} {:<22} {}{}\n", s.table, s.key,
                 s.default_text.empty() ? "-" : std::string(s.default_text), s.help,
                 s.cli_flag.empty() ? "" : fmt::format(" [{}]", s.cli_flag));
    return 0;
  }
  // require_subcommand(1): with init and options handled, one pipeline command was given.
  const std::size_t chosen = static_cast<std::size_t>(
      std::find_if(commands.begin(), commands.end(), [](const CLI::App* c) { return c->parsed(); }) - commands.begin());
  if (chosen == commands.size()) throw internal_error("cli", "no command was parsed");
  const Mode mode = kPipelineCommands[chosen].mode;
  const CommandOptions* opts = &command_opts[chosen];
  LoadOptions load;
  load.need_period = mode != Mode::Evaluate;
  load.folder_suffix = kPipelineCommands[chosen].folder;
  const RunConfig config = load_config(opts->config, to_overrides(*opts), load);
  if (!config.areas.field.empty()) {
    if (mode != Mode::Run)
      throw usage_error("cli", "--areas (areas.field) builds whole packs: use it with `hotspot run`.");
    run_areas(config, opts->run, out);
    return 0;
  }
  run_pipeline(config, mode, opts->run, out);
  return 0;
}

}  // namespace hotspot
