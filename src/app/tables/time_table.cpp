// time_of_day.csv declared by its columns. The hours and the totals are all
// counts of one theme, so each is a count column whose disclosure decision is
// made with every theme's together (app/disclosure/time_disclosure.hpp: the
// themes overlap, and their hours sum to the ward table's period counts).
#include "app/tables/time_table.hpp"

#include <fmt/format.h>

#include <string>

#include "app/disclosure/ledger.hpp"
#include "app/tables/table_columns.hpp"
#include "core/time_window.hpp"

namespace hotspot {
namespace {

constexpr int kUnknownDay = 7;  // the row of incidents without a time

// One row: a weekday (0 = Monday) of a theme, or its unknown-time row.
struct TimeRow {
  const Theme* theme;
  const TimeProfile* profile;
  const std::vector<Withheld>* withheld;  // the theme's cells, as time_disclosure indexes them
  int day;
  bool is_unknown() const { return day == kUnknownDay; }
};

std::size_t cell_of(const TimeRow& r, int hour) { return static_cast<std::size_t>(r.day * 24 + hour); }

// One theme's columns: its min_count decides what a withheld count shows.
TableColumns<TimeRow> time_columns(const Theme& theme) {
  TableColumns<TimeRow> cols;
  cols.add("theme", CellType::Text, [](const TimeRow& r) { return Cell::text(r.theme->id); });
  cols.add("day", CellType::Text, [](const TimeRow& r) {
    return Cell::text(r.is_unknown() ? std::string("time unknown") : std::string(weekday_name(r.day)));
  });
  const auto weekday = [](const TimeRow& r) { return !r.is_unknown(); };
  for (int h = 0; h < 24; ++h)
    cols.add(fmt::format("h{:02}", h), CellType::Real, 1,
             [h](const TimeRow& r) { return Cell::real(r.profile->cells[cell_of(r, h)]); })
        .count_of(theme.min_count, [h](const TimeRow& r) { return (*r.withheld)[cell_of(r, h)]; })
        .only_when(weekday);
  cols.add("total", CellType::Real, 1, [](const TimeRow& r) {
    if (r.is_unknown()) return Cell::real(static_cast<double>(r.profile->unknown));
    double total = 0;
    for (int h = 0; h < 24; ++h) total += r.profile->cells[cell_of(r, h)];
    return Cell::real(total);
  }).count_of(theme.min_count, [](const TimeRow& r) {
    return (*r.withheld)[r.is_unknown() ? kUnknownTime : kDayTotal + static_cast<std::size_t>(r.day)];
  });
  return cols;
}

}  // namespace

Table time_of_day_table(const std::vector<Theme>& themes, const std::vector<TimeProfile>& profiles,
                        const TimeDisclosure& withheld) {
  Table t = time_columns(Theme{}).header();
  for (std::size_t i = 0; i < themes.size(); ++i) {
    if (themes[i].is_window()) continue;  // its hours are a part of its base theme's table
    std::vector<TimeRow> rows;
    for (int d = 0; d <= kUnknownDay; ++d) rows.push_back({&themes[i], &profiles[i], &withheld.cells[i], d});
    Table mine = time_columns(themes[i]).build(rows);
    for (auto& row : mine.rows) t.rows.push_back(std::move(row));
  }
  return t;
}

void tally_time_of_day(const Table& table, const std::vector<Theme>& themes, DisclosureLedger& ledger) {
  for (const Theme& theme : themes) {
    Table mine;
    mine.columns = table.columns;
    for (const auto& row : table.rows)
      if (row[0].s == theme.id) mine.rows.push_back(row);
    tally_table(mine, theme.id, "time_of_day.csv", ledger);
  }
}

}  // namespace hotspot
