#pragma once
// Small-area counts (residents of LSOAs, output areas, census blocks)
// apportioned to wards by area overlap. A small area that lies in one ward
// (all but `nest_tolerance` of its area) is nested: its count goes to that
// ward whole, which is exact. Any other is split in proportion to the area
// it shares with each ward, assuming its residents spread evenly over it;
// the part outside every ward is left out and reported. One that meets the
// wards by no more than the tolerance is outside. Boundaries published at
// different resolutions (generalised LSOAs against full-resolution wards)
// leave slivers of a few per cent, which the tolerance absorbs.
#include <cstdint>
#include <vector>

#include "geo/geos_handle.hpp"
#include "geo/ward_set.hpp"

namespace hotspot {

struct SmallArea {
  std::vector<unsigned char> wkb;  // (Multi)Polygon, analysis CRS
  double count = 0;
};

struct Apportionment {
  std::vector<double> count;         // [ward]: apportioned count
  std::vector<double> split;         // [ward]: the part of count that came from small areas split between wards
  std::size_t nested = 0, split_areas = 0, outside = 0;  // small areas by how they met the wards
  double count_outside = 0;          // of the small areas meeting the wards, the count that falls outside them
  // [small area]: the share of its count given to the wards (1 nested, 0 outside) and whether it was nested.
  std::vector<double> in_wards;
  std::vector<char> nested_whole;
};

constexpr double kDefaultNestTolerance = 0.02;

// Small areas whose envelope misses every ward are skipped (counted as outside).
Apportionment apportion(const GeosContext& ctx, const WardSet& wards, const std::vector<SmallArea>& areas,
                        double nest_tolerance = kDefaultNestTolerance);

}  // namespace hotspot
