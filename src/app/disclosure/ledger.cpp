#include "app/disclosure/ledger.hpp"

#include <fmt/format.h>

namespace hotspot {
namespace {

// The theme a ward table column belongs to: the longest theme id that, with
// "_", starts its name ("vawg_night_count" is vawg_night's, not vawg's).
int owner(const std::string& column, const std::vector<Theme>& themes) {
  int best = -1;
  for (std::size_t t = 0; t < themes.size(); ++t) {
    const std::string prefix = themes[t].id + "_";
    if (column.rfind(prefix, 0) == 0 && (best < 0 || themes[t].id.size() > themes[static_cast<std::size_t>(best)].id.size()))
      best = static_cast<int>(t);
  }
  return best;
}

}  // namespace

void tally_ward_table(const Table& table, const std::vector<Theme>& themes, DisclosureLedger& ledger) {
  std::vector<DisclosureTally> tally(themes.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const int t = owner(table.columns[c].name, themes);
    if (t < 0) continue;
    for (const auto& row : table.rows) tally[static_cast<std::size_t>(t)].add(row[c].withheld);
  }
  for (std::size_t t = 0; t < themes.size(); ++t)
    if (tally[t].total()) ledger[themes[t].id]["ward_summary"] = tally[t];
}

void tally_table(const Table& table, const std::string& theme, const std::string& output, DisclosureLedger& ledger) {
  DisclosureTally tally;
  for (const auto& row : table.rows)
    for (const Cell& cell : row) tally.add(cell.withheld);
  if (!tally.total()) return;
  DisclosureTally& sum = ledger[theme][output];
  sum.primary += tally.primary;
  sum.secondary += tally.secondary;
  sum.derived += tally.derived;
}

std::string disclosure_note(const std::vector<Theme>& themes) {
  std::string note;
  for (const Theme& t : themes)
    if (t.min_count > 1)
      note += fmt::format("{}: counts from 1 to {} are suppressed (shown as <{} in tables, null in layers); so that "
                          "no suppressed count can be worked out from what is published (by subtraction across wards, "
                          "themes or months), other counts are withheld too ([c]), as is every value derived from a "
                          "withheld count ([c]). ",
                          t.label, t.min_count - 1, t.min_count);
  for (const Theme& t : themes)
    if (t.proxy) note += fmt::format("{} is a proxy: {} ", t.label, t.proxy_note);
  if (!note.empty()) note.pop_back();
  return note;
}

}  // namespace hotspot
