#pragma once
// The command line: `hotspot run|validate CONFIG [overrides]` and `--version`.
// Override flags come from the option schema, so they match the TOML keys.
#include <iosfwd>

namespace hotspot {

// Parses and runs. Throws hotspot::Error (and CLI11's ParseError) for main to report.
int run_cli(int argc, char** argv, std::ostream& out);

}  // namespace hotspot
