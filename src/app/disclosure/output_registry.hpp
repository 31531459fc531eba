#pragma once
// Every file a pack may hold, in one list, with the disclosure rule each one's
// counts pass. A run that writes a file not listed here stops before the pack
// is written (run/pipeline.cpp, an internal error), and every listed output
// that prints counts of incidents names the attack the tests play on it
// (tests/app/pack/disclosure_attack_test.cpp plays it on every file of the sample
// packs), so a new output cannot be added without a rule and an attack.
#include <string>
#include <string_view>
#include <vector>

namespace hotspot {

enum class OutputCounts {
  None,         // prints no count of incidents (styles, the QGIS project, timings, rows rejected by reason)
  Protected,    // prints counts of incidents, each through the rule named
  AnalystOnly,  // `hotspot evaluate`'s backtest: monthly area totals for the analyst, not a partner pack
};

struct RegisteredOutput {
  std::string_view pattern;  // file name; * stands for a theme or plan id
  OutputCounts counts;
  std::string_view rule;     // where its counts are decided
  std::string_view attack;   // the attack the tests play on it ("" for None)
};

// The list, in the order a pack is written.
const std::vector<RegisteredOutput>& registered_outputs();

// The entry whose pattern matches `file_name`, or null.
const RegisteredOutput* registered_output(std::string_view file_name);

}  // namespace hotspot
