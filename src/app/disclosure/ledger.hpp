#pragma once
// The disclosure ledger: what each output withheld, in counts only (primary,
// secondary, derived), per theme, for the manifest; and the rule in words.
// Counted from the cells' own states (Cell::withheld), never from their text.
#include <string>
#include <vector>

#include "analysis/disclosure.hpp"
#include "core/theme.hpp"
#include "io/table.hpp"

namespace hotspot {

// Counts the withheld cells of the ward table per theme (its columns are
// "<theme>_<field>"), under output "ward_summary".
void tally_ward_table(const Table& table, const std::vector<Theme>& themes, DisclosureLedger& ledger);

// Adds every withheld cell of `table` to ledger[theme][output], by its state.
void tally_table(const Table& table, const std::string& theme, const std::string& output, DisclosureLedger& ledger);

// Text for people: the disclosure rule and every proxy theme's note.
std::string disclosure_note(const std::vector<Theme>& themes);

}  // namespace hotspot
