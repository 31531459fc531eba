#pragma once
// The ward table (one row per ward, every theme's statistics as snake_case
// columns) with disclosure control applied.
#include <array>
#include <string>
#include <vector>

#include "analysis/disclosure.hpp"
#include "analysis/local_stats.hpp"
#include "analysis/ward_stats.hpp"
#include "core/theme.hpp"
#include "core/ward.hpp"
#include "io/table.hpp"

namespace hotspot {

// Local spatial statistics of one theme over the wards (queen contiguity).
struct WardSpatialStats {
  std::string variable;            // "count" or "rate_per_1000"
  std::vector<double> gi_z;        // Getis-Ord Gi* z-score
  std::vector<double> gi_p;        // after the multiple-testing correction
  std::vector<int> gi_bin;         // -3..3 as ArcGIS Gi_Bin
  std::vector<LisaQuadrant> lisa;  // Local Moran quadrant where significant
  std::vector<double> lisa_p;      // permutation pseudo p-value
};

// The published counts of each theme: the period, the previous period, the
// year-earlier period and the baseline total (shown as its mean).
enum CountColumn : std::size_t { kCurrent, kPrevious, kYearEarlier, kBaseline, kCountColumns };

// Which counts of the ward table are withheld, decided once per run so the
// layer, the CSV, the report, the console and the manifest agree. Each column
// of a theme is one additive constraint: the wards sum to the ALL row.
struct WardDisclosure {
  // [theme][column][ward], with the ALL row as the last entry.
  std::vector<std::array<std::vector<Withheld>, kCountColumns>> cells;
  std::vector<int> unprotected;  // [theme]: constraints left exposing a cell (expected 0)

  Withheld at(std::size_t theme, CountColumn column, std::size_t row) const { return cells[theme][column][row]; }
  // Any ward's count for the period withheld: spatial statistics over all wards would give it away.
  bool any_current(std::size_t theme) const;
};

WardDisclosure ward_disclosure(const std::vector<Theme>& themes, const WardStats& stats);

// Counts of withheld cells (primary, secondary, derived) per theme, for the manifest.
void tally_ward_table(const Table& table, const WardDisclosure& disclosure, const std::vector<Theme>& themes,
                      DisclosureLedger& ledger);

// Tallies the withheld cells of any output table: a withheld cell of one of
// `count_columns` is primary when it reads "<m", else secondary; any other
// withheld cell is derived.
void tally_table(const Table& table, const std::string& theme, const std::string& output,
                 const std::vector<std::string>& count_columns, DisclosureLedger& ledger);

// One row per ward; with `with_total`, a last row "ALL" for the whole area.
// `spatial`, when given, has one entry per theme.
Table ward_table(const std::vector<Ward>& wards, const std::vector<Theme>& themes, const WardStats& stats,
                 const WardDisclosure& disclosure, const std::string& area_name, bool with_total,
                 const std::vector<WardSpatialStats>* spatial = nullptr, const std::vector<bool>& no_data = {});
constexpr const char* kNoData = "no data";  // a theme whose rules cannot match the inputs

std::string_view lisa_name(LisaQuadrant q);  // "high-high", ... "not significant"

// Text for people: the disclosure rule and every proxy theme's note.
std::string disclosure_note(const std::vector<Theme>& themes);

}  // namespace hotspot
