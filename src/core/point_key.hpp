#pragma once
// A point's exact coordinates as a hash key. police.uk snaps every incident to
// one of a few map points, so merging by the coordinates' bits finds the
// repeats: ingest transforms each map point once, the KDE splats one kernel
// per location, the incident counter tests each location once.
#include <bit>
#include <cstddef>
#include <cstdint>

namespace hotspot {

struct PointKey {
  std::uint64_t x, y;
  static PointKey of(double px, double py) {
    return {std::bit_cast<std::uint64_t>(px), std::bit_cast<std::uint64_t>(py)};
  }
  bool operator==(const PointKey&) const = default;
};

struct PointKeyHash {
  std::size_t operator()(const PointKey& k) const {
    std::uint64_t h = k.x * 0x9E3779B97F4A7C15ull ^ (k.y + 0x632BE59BD9B4E019ull + (k.x << 6) + (k.x >> 2));
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

}  // namespace hotspot
