#include "app/cli/command_line_mistake.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <vector>

#include "app/config/suggest.hpp"

namespace hotspot {
namespace {

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

}  // namespace

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
        // A one-letter flag is one edit from every other: no guess for it.
        return fmt::format("{} is not an option of `{}`.{} `{} --help` lists them.", name, where,
                           name.size() > 2 ? did_you_mean(name, known) : "", where);
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

}  // namespace hotspot
