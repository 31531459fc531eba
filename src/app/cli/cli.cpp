#include "app/cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <iostream>
#include <iterator>
#include <map>
#include <ostream>

#include "app/config/config.hpp"
#include "app/config/config_schema.hpp"
#include "app/cli/command_line_mistake.hpp"
#include "app/cli/init_command.hpp"
#include "app/run/pipeline.hpp"
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
  const char* does;     // the help's first line (see help_of)
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
    {Mode::Wards, "wards", "wards", "Ward statistics only: wards.geojson, ward_summary.csv",
     "hotspot wards data/sample/hotspot.toml --out out/wards"},
    {Mode::Kde, "kde", "kde", "Hotspots only: the forecast hotspots and the period's KDE surfaces",
     "hotspot kde data/sample/hotspot.toml --coverage 0.05"},
    {Mode::Clusters, "clusters", "clusters", "DBSCAN, NNH and Gi* clusters only",
     "hotspot clusters data/sample/hotspot.toml --eps 150"},
    {Mode::Venues, "venues", "venues", "Roadshow venue planner (computes the hotspots it needs)",
     "hotspot venues data/sample/hotspot.toml"},
    {Mode::Evaluate, "evaluate", "evaluation",
     "Backtest the hotspot methods on every month the inputs cover (run.period is not needed): evaluation.csv, "
     "evaluation_summary.csv, evaluation.html",
     "hotspot evaluate data/sample/hotspot.toml --out out/backtest"},
};

// The help's first line: a command with a folder of its own says where it writes.
std::string help_of(const PipelineCommand& c) {
  if (*c.folder == '\0') return c.does;
  return fmt::format("{}, in <run.output>-{} (or --out); never replaces a pack.", c.does, c.folder);
}

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
    // Paths typed on the command line are relative to where the user is, not
    // to the config file; a name the option knows (e.g. police-uk) is no path.
    const std::vector<std::string> names = spec->names ? spec->names() : std::vector<std::string>{};
    if (spec->is_path && std::find(names.begin(), names.end(), v) == names.end())
      v = std::filesystem::absolute(v).lexically_normal().string();
    out.push_back(Override{std::string(spec->table), std::string(spec->key), v});
  }
  return out;
}

// `hotspot init`: its own options, which write a run file rather than read one.
CLI::App* add_init(CLI::App& app, InitOptions& o) {
  CLI::App* init = app.add_subcommand(
      "init", "Write a working, commented run file from a ward layer and incident files.\n"
              "Example: hotspot init --wards London_Ward.shp --where \"BOROUGH = 'Havering'\" "
              "--incidents 'police-uk/havering/*.csv'");
  init->add_option("--wards", o.wards, "Ward boundaries: any OGR vector source")->required();
  init->add_option("--layer", o.layer, "Layer of the ward source (default: the first)");
  init->add_option("--where", o.where, "OGR attribute filter on the wards, e.g. BOROUGH = 'Havering'");
  init->add_option("--incidents,--police-uk", o.incidents, "Incident CSV files or quoted globs")->required();
  init->add_option("--area", o.area, "Name of the area (default: the value in --where)");
  init->add_option("--period", o.period, "Period to report (default: the latest month in the incidents)");
  init->add_option("--output", o.output,
                   "Pack folder the run file names, relative to it (default: out/<area>, e.g. out/havering, so areas "
                   "set up side by side never share a folder)");
  init->add_option("--config", o.file, "The run file to write")->capture_default_str();
  init->add_flag("--force", o.force, "Overwrite an existing run file");
  init->add_option("--population", o.population,
                   "CSV of residents by ward code, or by small-area code with --population-areas");
  init->add_option("--population-areas", o.population_areas,
                   "Small-area polygons (LSOAs, output areas) whose residents are apportioned to the wards");
  return init;
}

// `hotspot options`: every table and key as declared, with its default and flag.
void print_options(std::ostream& out) {
  for (const OptionSpec& s : option_specs()) {
    const bool top = s.table == kRunFile || s.table == kTaxonomyFile;
    const std::string key = !top ? std::string(s.key)
                            : s.type == ValueType::TableList   ? fmt::format("[[{}]]", s.key)
                            : s.type == ValueType::NamedTables ? fmt::format("[{}.<id>]", s.key)
                                                               : fmt::format("[{}]", s.key);
    fmt::print(out, "{:<13} {:<22} {:<22} {}{}\n", s.table, key, s.default_text.empty() ? "-" : s.default_text, s.help,
               s.cli_flag.empty() ? "" : fmt::format(" [{}]", s.cli_flag));
  }
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
    commands.push_back(app.add_subcommand(c.name, fmt::format("{}\nExample: {}", help_of(c), c.example)));
    add_common(commands.back(), command_opts[i]);
  }
  InitOptions init_opts;
  CLI::App* init = add_init(app, init_opts);
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
    print_options(out);
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
