#include "app/disclosure/ledger.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hotspot {

void tally_ward_table(const Table& table, const WardDisclosure& disclosure, const std::vector<Theme>& themes,
                      DisclosureLedger& ledger) {
  for (std::size_t t = 0; t < themes.size(); ++t) {
    DisclosureTally tally;
    for (const std::vector<Withheld>& column : disclosure.cells[t])
      for (Withheld w : column) {
        tally.primary += w == Withheld::Primary;
        tally.secondary += w == Withheld::Secondary;
      }
    const std::string prefix = themes[t].id + "_";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const std::string& name = table.columns[c].name;
      if (name.rfind(prefix, 0) != 0) continue;
      const std::string field = name.substr(prefix.size());
      if (field == "count" || field == "previous" || field == "year_earlier" || field.rfind("baseline_", 0) == 0)
        continue;  // the counts themselves, tallied above
      for (const auto& row : table.rows) tally.derived += !row[c].suppressed.empty() && row[c].suppressed != kNoData;
    }
    if (tally.primary + tally.secondary + tally.derived) ledger[themes[t].id]["ward_summary"] = tally;
  }
}

void tally_table(const Table& table, const std::string& theme, const std::string& output,
                 const std::vector<std::string>& count_columns, DisclosureLedger& ledger) {
  DisclosureTally tally;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const bool count = std::find(count_columns.begin(), count_columns.end(), table.columns[c].name) != count_columns.end();
    for (const auto& row : table.rows) {
      const std::string& shown = row[c].suppressed;
      if (shown.empty()) continue;
      if (!count) ++tally.derived;
      else if (shown[0] == '<') ++tally.primary;
      else ++tally.secondary;
    }
  }
  if (tally.primary + tally.secondary + tally.derived) {
    DisclosureTally& sum = ledger[theme][output];
    sum.primary += tally.primary;
    sum.secondary += tally.secondary;
    sum.derived += tally.derived;
  }
}

std::string disclosure_note(const std::vector<Theme>& themes) {
  std::string note;
  for (const Theme& t : themes)
    if (t.min_count > 1)
      note += fmt::format("{}: counts from 1 to {} are suppressed (shown as <{} in tables, null in layers); so that "
                          "no suppressed count comes back by subtraction from a total, the next smallest counts are "
                          "withheld too ([c]), as is every value derived from a withheld count ([c]). ",
                          t.label, t.min_count - 1, t.min_count);
  for (const Theme& t : themes)
    if (t.proxy) note += fmt::format("{} is a proxy: {} ", t.label, t.proxy_note);
  if (!note.empty()) note.pop_back();
  return note;
}

}  // namespace hotspot
