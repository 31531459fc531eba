// time_of_day.csv declared by its columns. The hours and the totals are all
// counts of one theme, so each is a count column whose disclosure decision is
// made per theme below (the hours of a theme sum to its published total, so
// the table's own suppression rule, not a plain primary one, decides).
#include "app/tables/time_table.hpp"

#include <fmt/format.h>

#include <array>
#include <string>

#include "app/tables/table_columns.hpp"
#include "app/disclosure/ledger.hpp"
#include "core/time_window.hpp"

namespace hotspot {
namespace {

constexpr int kUnknownDay = 7;  // the row of incidents without a time

// Which of a theme's 7 x 24 hours are withheld. For a theme with min_count
// m > 1, an hour with more than 0 and fewer than m incidents is withheld; when
// that leaves one withheld hour, the next smallest is withheld too, so it
// cannot come back from the theme's published total.
struct HiddenHours {
  std::array<bool, 7 * 24> hour{};
  bool any = false;  // the row totals and the unknown count go with any withheld hour
};

HiddenHours hidden_hours(const Theme& theme, const TimeProfile& p) {
  HiddenHours h;
  std::size_t hidden = 0;
  if (theme.min_count > 1)
    for (std::size_t i = 0; i < h.hour.size(); ++i)
      if (p.cells[i] > 0 && p.cells[i] < theme.min_count) h.hour[i] = true, ++hidden;
  if (hidden == 1) {
    std::size_t next = h.hour.size();
    for (std::size_t i = 0; i < h.hour.size(); ++i)
      if (!h.hour[i] && p.cells[i] > 0 && (next == h.hour.size() || p.cells[i] < p.cells[next])) next = i;
    if (next < h.hour.size()) h.hour[next] = true;
  }
  h.any = hidden > 0;
  return h;
}

// One row: a weekday (0 = Monday) of a theme, or its unknown-time row.
struct TimeRow {
  const Theme* theme;
  const TimeProfile* profile;
  const HiddenHours* hidden;
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
  for (int h = 0; h < 24; ++h) {
    // A withheld hour below the minimum shows "<m"; one withheld beside it "[c]".
    const auto decision = [h](const TimeRow& r) {
      const std::size_t i = cell_of(r, h);
      if (!r.hidden->hour[i]) return Withheld::No;
      return r.profile->cells[i] < r.theme->min_count ? Withheld::Primary : Withheld::Secondary;
    };
    cols.add(fmt::format("h{:02}", h), CellType::Real, 1,
             [h](const TimeRow& r) { return Cell::real(r.profile->cells[cell_of(r, h)]); })
        .count_of(theme.min_count, decision).only_when(weekday);
  }
  cols.add("total", CellType::Real, 1, [](const TimeRow& r) {
    if (r.is_unknown()) return Cell::real(static_cast<double>(r.profile->unknown));
    double total = 0;
    for (int h = 0; h < 24; ++h) total += r.profile->cells[cell_of(r, h)];
    return Cell::real(total);
  }).count_of(theme.min_count, [](const TimeRow& r) {
    if (r.is_unknown() && is_suppressed(*r.theme, r.profile->unknown)) return Withheld::Primary;
    return r.hidden->any ? Withheld::Secondary : Withheld::No;
  });
  return cols;
}

}  // namespace

Table time_of_day_table(const std::vector<Theme>& themes, const std::vector<TimeProfile>& profiles) {
  Table t = time_columns(Theme{}).header();
  for (std::size_t i = 0; i < themes.size(); ++i) {
    if (themes[i].is_window()) continue;  // its hours are a part of its base theme's table
    const HiddenHours hidden = hidden_hours(themes[i], profiles[i]);
    std::vector<TimeRow> rows;
    for (int d = 0; d <= kUnknownDay; ++d) rows.push_back({&themes[i], &profiles[i], &hidden, d});
    Table mine = time_columns(themes[i]).build(rows);
    for (auto& row : mine.rows) t.rows.push_back(std::move(row));
  }
  return t;
}

void tally_time_of_day(const Table& table, const std::vector<Theme>& themes, DisclosureLedger& ledger) {
  std::vector<std::string> counts = {"total"};
  for (int h = 0; h < 24; ++h) counts.push_back(fmt::format("h{:02}", h));
  for (const Theme& theme : themes) {
    Table mine;
    mine.columns = table.columns;
    for (const auto& row : table.rows)
      if (row[0].s == theme.id) mine.rows.push_back(row);
    tally_table(mine, theme.id, "time_of_day.csv", counts, ledger);
  }
}

}  // namespace hotspot
