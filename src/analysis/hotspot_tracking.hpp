#pragma once
// Hotspot identity over time: the hotspot cells of successive months (each
// month's forecast top cells, oldest first) are split into 4-connected regions
// and chained, so a place keeps its track while it stays a hotspot.
//
// A region continues the track it overlaps most (in cells) among the tracks
// seen in the last `gap` months; ties go to the older track. When several
// regions claim one track (a split), the one with the largest overlap keeps
// it and the others start new tracks; when one region overlaps several (a
// merge), it keeps the largest overlap's track and the others end. A region
// with no predecessor starts a track. A track's anchor, which names it, is the
// cell with the largest score summed over the months it held the cell (ties:
// the lowest cell index): the core of the place, which a one-month shift of
// the window or a flicker between neighbouring cells does not move.
// Deterministic: regions are found in cell order.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/grid.hpp"

namespace hotspot {

struct HotspotTrack {
  std::size_t born = 0;        // the month (index) it first appears
  std::size_t anchor = 0;      // grid cell of its largest summed score
  int months_present = 0;      // months of the window it appears in
  std::size_t last_seen = 0;
};

struct HotspotTracks {
  std::vector<HotspotTrack> tracks;
  std::vector<int> last_month;  // per grid cell: its track in the last month, or -1
};

// selected[m][cell]: the hotspot cells of month m; score[m][cell]: their
// scores (for the anchor). Every month uses the same grid `spec`.
HotspotTracks track_hotspots(const GridSpec& spec, const std::vector<std::vector<std::uint8_t>>& selected,
                             const std::vector<std::vector<double>>& score, std::size_t gap = 3);

// The same with each month's hotspots given (hotspot[m][cell]: 0 = none,
// else the hotspot holding the cell, as analysis/hotspot_drawing.hpp numbers
// them): a hotspot of several pieces is one region.
HotspotTracks track_hotspots(const GridSpec& spec, const std::vector<std::vector<std::int32_t>>& hotspot,
                             const std::vector<std::vector<double>>& score, std::size_t gap = 3);

}  // namespace hotspot
