#include "analysis/hotspot_tracking.hpp"

#include <functional>
#include <map>

namespace hotspot {
namespace {

// 4-connected regions of the selected cells, in order of their first cell.
std::vector<std::vector<std::size_t>> regions(const GridSpec& spec, const std::vector<std::uint8_t>& selected) {
  std::vector<std::vector<std::size_t>> out;
  std::vector<char> seen(selected.size(), 0);
  std::vector<std::size_t> stack;
  for (std::size_t start = 0; start < selected.size(); ++start) {
    if (!selected[start] || seen[start]) continue;
    out.emplace_back();
    stack.push_back(start);
    seen[start] = 1;
    while (!stack.empty()) {
      const std::size_t i = stack.back();
      stack.pop_back();
      out.back().push_back(i);
      const int r = static_cast<int>(i / static_cast<std::size_t>(spec.nx)), c = static_cast<int>(i % static_cast<std::size_t>(spec.nx));
      const int nr[4] = {r - 1, r + 1, r, r}, nc[4] = {c, c, c - 1, c + 1};
      for (int k = 0; k < 4; ++k) {
        if (nr[k] < 0 || nc[k] < 0 || nr[k] >= spec.ny || nc[k] >= spec.nx) continue;
        const std::size_t j = spec.index(nr[k], nc[k]);
        if (selected[j] && !seen[j]) {
          seen[j] = 1;
          stack.push_back(j);
        }
      }
    }
  }
  return out;
}

// The cells of each label, in order of each label's first cell.
std::vector<std::vector<std::size_t>> regions(const std::vector<std::int32_t>& label) {
  std::vector<std::vector<std::size_t>> out;
  std::map<std::int32_t, std::size_t> index;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] <= 0) continue;
    const auto [it, fresh] = index.emplace(label[i], out.size());
    if (fresh) out.emplace_back();
    out[it->second].push_back(i);
  }
  return out;
}

HotspotTracks track_regions(const GridSpec& spec, std::size_t months,
                            const std::function<std::vector<std::vector<std::size_t>>(std::size_t)>& regions_of,
                            const std::vector<std::vector<double>>& score, std::size_t gap);

}  // namespace

HotspotTracks track_hotspots(const GridSpec& spec, const std::vector<std::vector<std::uint8_t>>& selected,
                             const std::vector<std::vector<double>>& score, std::size_t gap) {
  return track_regions(spec, selected.size(), [&](std::size_t m) { return regions(spec, selected[m]); }, score, gap);
}

HotspotTracks track_hotspots(const GridSpec& spec, const std::vector<std::vector<std::int32_t>>& hotspot,
                             const std::vector<std::vector<double>>& score, std::size_t gap) {
  return track_regions(spec, hotspot.size(), [&](std::size_t m) { return regions(hotspot[m]); }, score, gap);
}

namespace {

HotspotTracks track_regions(const GridSpec& spec, std::size_t months,
                            const std::function<std::vector<std::vector<std::size_t>>(std::size_t)>& regions_of,
                            const std::vector<std::vector<double>>& score, std::size_t gap) {
  HotspotTracks out;
  std::vector<std::map<std::size_t, double>> held;  // per track: cell -> score summed over the months it held it
  std::vector<int> recent(spec.size(), -1);  // per cell: the track that last held it
  std::vector<int> current;
  for (std::size_t m = 0; m < months; ++m) {
    const std::vector<std::vector<std::size_t>> regs = regions_of(m);
    // Each region's overlaps with tracks still alive (seen within `gap` months).
    std::vector<std::map<int, std::size_t>> overlap(regs.size());
    for (std::size_t r = 0; r < regs.size(); ++r)
      for (std::size_t cell : regs[r]) {
        const int t = recent[cell];
        if (t >= 0 && m - out.tracks[static_cast<std::size_t>(t)].last_seen <= gap) ++overlap[r][t];
      }
    // Best claim per region, then each track goes to its largest claimant (ties: the earlier region).
    std::vector<int> claim(regs.size(), -1);
    for (std::size_t r = 0; r < regs.size(); ++r) {
      std::size_t most = 0;
      for (const auto& [t, n] : overlap[r])  // ascending track id: older tracks first, so ties keep the older
        if (n > most) claim[r] = t, most = n;
    }
    std::map<int, std::size_t> winner;  // track -> region
    for (std::size_t r = 0; r < regs.size(); ++r) {
      if (claim[r] < 0) continue;
      const auto it = winner.find(claim[r]);
      if (it == winner.end() || overlap[r][claim[r]] > overlap[it->second][claim[r]]) winner[claim[r]] = r;
    }
    current.assign(spec.size(), -1);
    for (std::size_t r = 0; r < regs.size(); ++r) {
      int t = claim[r];
      if (t < 0 || winner[t] != r) {  // a new place, or the smaller part of a split
        HotspotTrack nt;
        nt.born = m;
        out.tracks.push_back(nt);
        held.emplace_back();
        t = static_cast<int>(out.tracks.size() - 1);
      }
      HotspotTrack& tr = out.tracks[static_cast<std::size_t>(t)];
      ++tr.months_present;
      tr.last_seen = m;
      for (std::size_t cell : regs[r]) {
        recent[cell] = t;
        current[cell] = t;
        held[static_cast<std::size_t>(t)][cell] += score[m][cell];
      }
    }
  }
  for (std::size_t t = 0; t < out.tracks.size(); ++t) {
    double best = -1;
    for (const auto& [cell, sum] : held[t])  // ascending cells: the first of equal sums wins
      if (sum > best) out.tracks[t].anchor = cell, best = sum;
  }
  out.last_month = current;
  return out;
}

}  // namespace

}  // namespace hotspot
