#pragma once
// The disclosure ledger: what each output withheld, in counts only (primary,
// secondary, derived), per theme, for the manifest; and the rule in words.
#include <string>
#include <vector>

#include "analysis/disclosure.hpp"
#include "app/disclosure/ward_disclosure.hpp"
#include "core/theme.hpp"
#include "io/table.hpp"

namespace hotspot {

// Counts of withheld cells (primary, secondary, derived) per theme, for the manifest.
void tally_ward_table(const Table& table, const WardDisclosure& disclosure, const std::vector<Theme>& themes,
                      DisclosureLedger& ledger);

// Tallies the withheld cells of any output table: a withheld cell of one of
// `count_columns` is primary when it reads "<m", else secondary; any other
// withheld cell is derived.
void tally_table(const Table& table, const std::string& theme, const std::string& output,
                 const std::vector<std::string>& count_columns, DisclosureLedger& ledger);

// Text for people: the disclosure rule and every proxy theme's note.
std::string disclosure_note(const std::vector<Theme>& themes);

}  // namespace hotspot
