#pragma once
// One accepted incident, in the analysis CRS. Kept small (64 bytes) because a
// London-wide year is over a million of them: its street is an interned id.
#include <cstdint>

#include "core/period.hpp"

namespace hotspot {

using ThemeMask = std::uint64_t;  // bit i set = counts in theme i (at most 64 themes)
using FlagMask = std::uint32_t;   // bit i set = flag i present (at most 32 flags)

constexpr std::uint32_t kNoWard = 0xffffffffu;

struct Incident {
  double x = 0;               // analysis CRS, metres
  double y = 0;
  Month month = 0;
  std::int16_t day = 0;       // day of month, 0 when the source gives only the month
  std::int16_t minute = -1;   // minute of day, -1 when unknown
  std::int32_t span = 0;      // minutes it may have lasted from then (from/to records); 0 = a moment
  std::uint32_t ward = kNoWard;
  ThemeMask themes = 0;
  FlagMask flags = 0;
  float weight = 1.0f;
  std::uint32_t source = 0;   // index of the input file
  std::uint32_t line = 0;     // line in that file where the record starts
  std::uint32_t street = 0xffffffffu;  // IngestResult::streets id (core/street_names.hpp), or kNoStreet
};

}  // namespace hotspot
