#pragma once
// The ward table's disclosure decision, and the trend charts': which counts of
// every theme's columns (period, previous, year-earlier, 12-month baseline)
// and which of the area's monthly counts are withheld, decided once per run
// so the layer, the CSV, the report, the console and the manifest agree.
//
// Blocks. The atoms of the ward table are the incidents of one theme
// signature (the set of themes an incident counts in) in one ward and month.
// A block is every theme's count in every ward and in the whole area (the ALL
// row) over one set of months: one column of the table for every theme at
// once, so themes that add up (violence = VAWG + robbery + weapons) are
// protected together (analysis/disclosure.hpp: linked tables, LP audit).
//
// Month-canonical. Months are cut into tiles of the period's length L,
// counted back from the period's last month (L = 1: months; a quarter's
// packs: quarters). A tile's pattern is a function of that tile's incidents
// alone, so every pack that publishes the same tile -- as its period, its
// previous period or its year-earlier period -- shows the same pattern, and
// consecutive packs cannot be differenced. Whatever covers several tiles
// (the 12-month baseline, and with it the baseline's mean, sd, change, test
// and RAG) is published only where every tile it sums is published: it is
// then a function of published cells and adds nothing, in one pack or over
// any number of them. Tiles share no atoms, so their union is as safe as
// each one. When L does not divide 12 the year-earlier period and the
// baseline would cut across tiles, so every count is built from month tiles
// instead (published where all its months are).
//
// The trend charts show the area's count each month. With month tiles that
// is each month tile's ALL cell. With longer tiles each month is a new cell
// inside a published tile: a tile's months are protected by a second audit,
// that tile's block (fixed) with its months' ALL cells added, so they too are
// a function of the tile alone.
#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/disclosure.hpp"
#include "core/incident.hpp"
#include "core/period.hpp"
#include "core/theme.hpp"

namespace hotspot {

inline constexpr int kTrendMonths = 24;  // the report's trend charts: the months ending with the period

// The published counts of each theme: the period, the previous period, the
// year-earlier period and the baseline total (shown as its mean); year to date
// and the rolling 12 months, each with the same months a year earlier
// (analysis/year_to_date.hpp). Every column past the previous and year-earlier
// periods sums several tiles, so it is published only where all of them are.
enum CountColumn : std::size_t {
  kCurrent, kPrevious, kYearEarlier, kBaseline, kYtd, kYtdBefore, kRolling, kRollingBefore, kCountColumns
};

// Incidents per theme signature, ward and month: the atoms of every count the
// ward table, the trend charts, the console and the manifest print.
class WardAtoms {
 public:
  using Counts = std::map<ThemeMask, std::vector<std::uint64_t>>;  // signature -> [ward]

  WardAtoms(const std::vector<Incident>& incidents, std::size_t wards);
  std::size_t wards() const { return wards_; }
  Counts over(const Period& months) const;  // summed over the months
  bool has_data(Month m) const { return months_.count(m) > 0; }

 private:
  std::size_t wards_;
  std::map<Month, Counts> months_;
};

// One block's pattern: [theme][row], the ALL row last.
struct BlockPattern {
  std::vector<std::vector<Withheld>> cells;
  std::vector<std::pair<std::size_t, std::size_t>> unprotected;  // (theme, row) an attacker can still work out
  ProtectionStats stats;
};

// The block of `months`: every published theme (`published[t]`) in every
// ward and the ALL row, protected together.
BlockPattern block_pattern(const WardAtoms& atoms, const Period& months, const std::vector<Theme>& themes,
                           const std::vector<bool>& published);

struct WardDisclosure {
  // [theme][column][ward], with the ALL row as the last entry. The baseline
  // column is Derived wherever a tile it sums is withheld.
  std::vector<std::array<std::vector<Withheld>, kCountColumns>> cells;
  Period chart;                                   // the trend charts' months
  std::vector<std::vector<Withheld>> chart_cells;  // [theme][month - chart.first]: the area's count as charted
  std::vector<std::string> unprotected;           // cells still deducible, in words (expected none)
  int tile_months = 1;                            // the tiles' length (1, or the period's when it divides 12)
  std::size_t blocks = 0;                         // blocks audited
  ProtectionStats stats;

  Withheld at(std::size_t theme, CountColumn column, std::size_t row) const { return cells[theme][column][row]; }
  Withheld chart_at(std::size_t theme, Month m) const;
  // Any ward's count for the period withheld: spatial statistics over all wards would give it away.
  bool any_current(std::size_t theme) const;
};

// The tiles a period's columns are cut into (see above): the period's length
// when it divides 12, else months.
int tile_months(const Period& period);

// A polygon's 12-month baseline (a hotspot's), judged like the ward table's:
// its tiles are not published one by one, so each must be a count the primary
// rule would publish (0 or at least m); otherwise consecutive packs with the
// same polygon would difference two baselines into one tile's count.
// `monthly` covers period.needed_window(); months without data count nothing.
bool baseline_tiles_publishable(const std::vector<std::uint64_t>& monthly, const std::vector<bool>& has_data,
                                const Period& period, int min_count);

// `year_start_month`: the financial year's first month (year to date). A year
// to date that does not start on a tile boundary (a quarter's pack whose year
// starts mid-quarter) would cut a published tile: it is withheld whole.
// `no_data[t]`: theme t cannot be counted from the inputs (not published).
// `window`: the months the run read (a tile reaching outside it is not charted).
// `threads`: blocks audited at once (the result does not depend on it).
WardDisclosure ward_disclosure(const std::vector<Theme>& themes, const WardAtoms& atoms, const Period& period,
                               int year_start_month, const Period& window, const std::vector<bool>& no_data,
                               int threads = 1);

}  // namespace hotspot
