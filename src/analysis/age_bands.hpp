#pragma once
// Residents of an age range from a table of age-band columns ("Persons_0-15",
// "Persons_16-29", ..., "Persons_65+"), as ONS small-area estimates publish
// them. A range that cuts a band takes the share of the band's years it
// covers, assuming ages spread evenly within a band (10-17 from 0-15 takes
// 6/16 of it, and from 16-29 2/14); an open top band ("65+") counts as
// kOpenBandYears years wide. Pure: names in, weights out.
#include <optional>
#include <string>
#include <vector>

namespace hotspot {

constexpr int kOpenBandYears = 25;  // "65+" read as 65-89: a guess a user can avoid by choosing bands' own edges

struct AgeRange {
  int first = 0, last = 0;  // whole years, inclusive ("65+": 65 to 65 + kOpenBandYears - 1)
  bool open = false;        // no upper bound
};

// "10-17", "65+" or "16-29"; nullopt when `text` is neither.
std::optional<AgeRange> parse_age_range(const std::string& text);

// A column of the table and the share of it the range takes (0 < share <= 1).
struct BandWeight {
  std::size_t column;
  double share;
};

// The columns named `<prefix><band>` (e.g. prefix "Persons_") among `header`,
// weighted for `wanted`. Throws std::invalid_argument naming the bands found
// when the bands do not cover the range.
std::vector<BandWeight> age_band_weights(const std::vector<std::string>& header, const std::string& prefix,
                                         const AgeRange& wanted);

}  // namespace hotspot
