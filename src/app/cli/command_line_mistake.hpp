#pragma once
// A misspelt command or flag said as the run file's mistakes are: the word not
// understood and the nearest one that exists ("did you mean"), instead of
// CLI11's bare "not expected".
#include <string>

namespace CLI {
class App;
}

namespace hotspot {

// The first command or flag of argv that `app` does not know, with the nearest
// known name and where the full list is ("`hotspot run --help` lists them"),
// or a reminder to name a command when none is given. Empty when every
// command and flag is known: CLI11's own message then stands (a missing
// value or argument).
std::string command_line_mistake(const CLI::App& app, int argc, char** argv);

}  // namespace hotspot
